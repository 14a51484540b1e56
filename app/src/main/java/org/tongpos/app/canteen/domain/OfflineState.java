package org.tongpos.app.canteen.domain;

import java.time.Instant;
import java.util.Optional;
import org.tongpos.app.money.domain.Money;

/**
 * How far a bank account's balances may be out of date: when the accounts feed was last brought up to date, and what
 * this terminal has charged that the bank has not confirmed yet (through the feed's DEBITs) — for this account, in
 * subsidy and balance parts, and for the whole terminal. A local account has none of this: its balances are the truth.
 */
public record OfflineState(boolean bankAccount, Optional<Instant> lastSynced, Money unconfirmedSubsidy,
                           Money unconfirmedBalance, Money terminalUnconfirmed) {

    /** A local account: balances here are current, no offline limits apply. */
    public static final OfflineState LOCAL = new OfflineState(false, Optional.empty(), Money.ZERO, Money.ZERO,
            Money.ZERO);

    public static OfflineState bank(Optional<Instant> lastSynced, Money unconfirmedSubsidy, Money unconfirmedBalance,
                                    Money terminalUnconfirmed) {
        return new OfflineState(true, lastSynced, unconfirmedSubsidy, unconfirmedBalance, terminalUnconfirmed);
    }

    /** This account's charges on this terminal beyond the balances the bank last reported. */
    public Money accountUnconfirmed() {
        return unconfirmedSubsidy.plus(unconfirmedBalance);
    }
}
