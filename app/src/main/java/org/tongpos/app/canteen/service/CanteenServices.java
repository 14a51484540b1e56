package org.tongpos.app.canteen.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.store.CanteenStores;
import org.tongpos.app.canteen.store.GuestApprovalStore;
import org.tongpos.app.canteen.store.LocalDinerStore;
import org.tongpos.app.canteen.store.ManualIdentificationStore;
import org.tongpos.app.canteen.store.MealJournal;
import org.tongpos.app.canteen.store.MealRefundJournal;
import org.tongpos.app.canteen.store.MealStore;
import org.tongpos.app.canteen.store.QrNonceStore;
import org.tongpos.app.checkout.store.SaleStore;
import org.tongpos.sync.feed.AccountReplica;
import org.tongpos.sync.feed.BankKeyStore;

/**
 * The canteen's services over the terminal's database, wired by the composition root ({@code Terminal.canteen()}).
 * The bank's side (accounts replica, feed state, QR keys) comes through suppliers that are empty when no bank is
 * configured: the canteen then serves its local diners only.
 */
public final class CanteenServices {

    private final CanteenRules rules;
    private final DinerDirectory diners;
    private final LocalDiners localDiners;
    private final FaceMappings faces;
    private final DinerIdentifier identifier;
    private final MealService meals;
    private final MealStore mealStore;
    private final QrNonceStore nonces;
    private final ManualIdentificationStore manualIdentifications;
    private final LocalDinerStore localDinerStore;
    private final MealCommit commit;
    private final MealRefunds refunds;
    private final GuestMeals guests;

    /** What the canteen needs of the bank; every supplier is empty without a configured bank. */
    public record BankSide(Supplier<Optional<AccountReplica>> replica, Supplier<Optional<Instant>> lastFeedPull,
                           Supplier<Optional<BankKeyStore>> keys) {
        public static final BankSide NONE = new BankSide(Optional::empty, Optional::empty, Optional::empty);
    }

    /**
     * @param stores the canteen's stores; their lane movements are the feed listener the composition root also hands
     *               to the bank connection
     * @param journalLog  the terminal's journal writer and write-ahead log, which {@code mealJournal} was given to
     * @param clock  in the terminal's business zone
     */
    public CanteenServices(CanteenStores stores, BankSide bank, RuleChangeListener audit, SaleStore journalLog,
                           MealJournal mealJournal, MealRefundJournal refundJournal, Clock clock) {
        this.localDinerStore = stores.localDiners();
        this.mealStore = stores.meals();
        this.rules = new CanteenRules(stores.rules(), audit, clock);
        this.diners = new DinerDirectory(localDinerStore, bank.replica());
        this.localDiners = new LocalDiners(localDinerStore, diners, clock);
        this.faces = new FaceMappings(stores.faces(), diners, clock);
        this.nonces = stores.nonces();
        this.identifier = new DinerIdentifier(diners, new QrKeyRing(bank.keys()), nonces, stores.faces(), clock);
        GuestApprovalStore guestStore = stores.guests();
        this.meals = new MealService(rules, identifier, mealStore, stores.lanes(), bank.lastFeedPull(), clock,
                guestStore, diners);
        this.guests = new GuestMeals(guestStore, mealStore, diners, clock);
        this.manualIdentifications = stores.manualIdentifications();
        this.commit = new MealCommit(meals, journalLog, mealJournal, mealStore);
        this.refunds = new MealRefunds(mealStore, journalLog, refundJournal, clock);
    }

    /** Guest approvals (零接待): entering, listing, exporting; guest meals are served with {@link DinerSource.Guest}. */
    public GuestMeals guests() {
        return guests;
    }

    /** Meal refunds (MEAL_REFUND); see {@link MealRefunds#refund}. */
    public MealRefunds refunds() {
        return refunds;
    }

    /** Serving meals: decided again and recorded durably; see {@link MealCommit#serve}. */
    public MealCommit serving() {
        return commit;
    }

    public CanteenRules rules() {
        return rules;
    }

    public DinerDirectory diners() {
        return diners;
    }

    public LocalDiners localDiners() {
        return localDiners;
    }

    public FaceMappings faces() {
        return faces;
    }

    public DinerIdentifier identifier() {
        return identifier;
    }

    /** Deciding meals; see {@link MealService#decide}. */
    public MealService meals() {
        return meals;
    }

    /** The meal rows the meal commit writes (and the decisions read). */
    public MealStore mealStore() {
        return mealStore;
    }

    /** QR nonces; the meal commit spends a served code's nonce in its transaction. */
    public QrNonceStore nonces() {
        return nonces;
    }

    /** Manual identifications; the meal commit records one with a meal picked by hand. */
    public ManualIdentificationStore manualIdentifications() {
        return manualIdentifications;
    }

    /** Diners identified by hand on a business day (in the terminal's zone), for the supervisors' count. */
    public long manualIdentificationsOn(java.time.LocalDate day, java.time.ZoneId zone) {
        java.time.OffsetDateTime start = day.atStartOfDay(zone).toOffsetDateTime();
        return manualIdentifications.count(start, day.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }

    /** Local accounts; the meal commit charges a local diner's parts here, in its transaction. */
    public LocalDinerStore localDinerStore() {
        return localDinerStore;
    }

    public DemoCanteen demo() {
        return new DemoCanteen(rules, localDiners, diners, faces);
    }
}
