package org.tongpos.app.canteen.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Supplier;
import org.tongpos.app.canteen.domain.AccountSource;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.GuestApproval;
import org.tongpos.app.canteen.domain.RefusalReason;
import org.tongpos.app.canteen.store.GuestApprovalStore;
import org.tongpos.app.canteen.domain.MealDecider;
import org.tongpos.app.canteen.domain.MealDecision;
import org.tongpos.app.canteen.domain.MealHistory;
import org.tongpos.app.canteen.domain.MealPeriod;
import org.tongpos.app.canteen.domain.MealRules;
import org.tongpos.app.canteen.domain.OfflineState;
import org.tongpos.app.canteen.store.LaneMovementStore;
import org.tongpos.app.canteen.store.MealStore;
import org.tongpos.app.money.domain.Money;

/**
 * Decides meals: identifies the diner, gathers what is known of the diner's day (this terminal's meals and other
 * lanes' DEBITs from the bank's feed) and of the bank (the feed's last pull, this terminal's unconfirmed charges),
 * and asks {@link MealDecider}. Deciding records nothing (no nonce spent, no meal, no money moved): recording a
 * served meal is the meal commit's, which must decide again under the same lock it commits under.
 */
public final class MealService {

    private final CanteenRules rules;
    private final DinerIdentifier identifier;
    private final MealStore meals;
    private final LaneMovementStore lanes;
    private final Supplier<Optional<Instant>> lastFeedPull;
    private final Clock clock;
    private final GuestApprovalStore guests;
    private final DinerDirectory diners;

    /**
     * @param lastFeedPull when the bank's accounts feed was last brought up to date (empty: never, or no bank)
     * @param clock        in the terminal's business zone
     */
    public MealService(CanteenRules rules, DinerIdentifier identifier, MealStore meals, LaneMovementStore lanes,
                       Supplier<Optional<Instant>> lastFeedPull, Clock clock) {
        this(rules, identifier, meals, lanes, lastFeedPull, clock, null, null);
    }

    /** @param guests the guest approvals; {@code diners} finds an approval's paying account */
    public MealService(CanteenRules rules, DinerIdentifier identifier, MealStore meals, LaneMovementStore lanes,
                       Supplier<Optional<Instant>> lastFeedPull, Clock clock, GuestApprovalStore guests,
                       DinerDirectory diners) {
        this.guests = guests;
        this.diners = diners;
        this.rules = rules;
        this.identifier = identifier;
        this.meals = meals;
        this.lanes = lanes;
        this.lastFeedPull = lastFeedPull;
        this.clock = clock;
    }

    /** Identifies the diner and decides the meal, now. Records nothing. */
    public MealAttempt decide(MealRequest request) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        MealRules current = rules.rules();
        if (request.source() instanceof DinerSource.Cash) {
            return new MealAttempt(request, Optional.empty(), Optional.empty(), MealHistory.NONE, OfflineState.LOCAL,
                    MealDecider.decideCash(current, request.order(), now), now);
        }
        if (request.source() instanceof DinerSource.Guest guest) {
            return decideGuest(request, guest, current, now);
        }
        Identification who = identifier.identify(request.source());
        if (who.refused().isPresent()) {
            return new MealAttempt(request, who.diner(), who.code(), MealHistory.NONE, OfflineState.LOCAL,
                    who.refused().get(), now);
        }
        DinerAccount diner = who.diner().orElseThrow();
        MealHistory history = history(current, diner, now);
        OfflineState offline = offline(diner);
        MealDecision decision = MealDecider.decide(current, diner, request.order(), history, offline, now);
        return new MealAttempt(request, Optional.of(diner), who.code(), history, offline, decision, now);
    }

    private MealAttempt decideGuest(MealRequest request, DinerSource.Guest guest, MealRules current,
                                    ZonedDateTime now) {
        Optional<GuestApproval> approval = guests == null ? Optional.empty() : guests.find(guest.approvalId().strip());
        if (approval.isEmpty()) {
            return new MealAttempt(request, Optional.empty(), Optional.empty(), MealHistory.NONE, OfflineState.LOCAL,
                    MealDecision.Refused.of(RefusalReason.GUEST_APPROVAL_UNKNOWN, guest.approvalId()), now);
        }
        Optional<DinerAccount> payer = approval.get().payerAccount().flatMap(diners::byAccountId);
        if (approval.get().payerAccount().isPresent() && payer.isEmpty()) {
            return new MealAttempt(request, Optional.empty(), Optional.empty(), MealHistory.NONE, OfflineState.LOCAL,
                    MealDecision.Refused.of(RefusalReason.UNKNOWN_DINER, approval.get().payerAccount().get()), now);
        }
        OfflineState offline = payer.map(this::offline).orElse(OfflineState.LOCAL);
        MealDecision decision = MealDecider.decideGuest(current, approval.get(), meals.guestMeals(approval.get().id()),
                payer, offline, request.order(), now);
        return new MealAttempt(request, payer, Optional.empty(), MealHistory.NONE, offline, decision, now);
    }

    /** Meals served (not refunded) on this terminal on a business day, in one period or all ({@code period} null). */
    public long servedCount(LocalDate businessDate, String period) {
        return meals.count(businessDate, period);
    }

    /** The diner's meals in the period served now (none outside periods) and spending today, on every lane known. */
    MealHistory history(MealRules current, DinerAccount diner, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        Money spent = meals.chargedOn(diner.accountId(), today);
        boolean bank = diner.source() == AccountSource.BANK;
        if (bank) {
            spent = spent.plus(lanes.otherLaneSpend(diner.accountId(), today));
        }
        Optional<MealPeriod> period = current.periodAt(now.toLocalDateTime());
        if (period.isEmpty()) {
            return new MealHistory(0, spent);
        }
        int taken = meals.mealsInPeriod(diner.accountId(), today, period.get().name());
        if (bank) {
            OffsetDateTime from = today.atStartOfDay(now.getZone()).plusMinutes(period.get().startMinute())
                    .toOffsetDateTime();
            OffsetDateTime to = today.atStartOfDay(now.getZone()).plusMinutes(period.get().endMinute())
                    .toOffsetDateTime();
            taken += lanes.otherLaneMeals(diner.accountId(), from, to);
        }
        return new MealHistory(taken, spent);
    }

    OfflineState offline(DinerAccount diner) {
        if (diner.source() != AccountSource.BANK) {
            return OfflineState.LOCAL;
        }
        MealStore.Unconfirmed mine = meals.unconfirmed(diner.accountId());
        return OfflineState.bank(lastFeedPull.get(), mine.subsidy(), mine.balance(), meals.terminalUnconfirmed());
    }
}
