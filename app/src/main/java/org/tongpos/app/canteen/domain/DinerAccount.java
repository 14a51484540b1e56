package org.tongpos.app.canteen.domain;

import java.util.Objects;
import org.tongpos.app.money.domain.Money;

/**
 * A diner and the account meals are charged to, whichever source keeps it: the one read model of the canteen.
 * {@code staffNo} is empty for bank accounts (the feed carries none; their diner id serves). Balances are those the
 * source holds; for a bank account they may be behind this terminal's own unconfirmed meals (see
 * {@link OfflineState}).
 */
public record DinerAccount(String accountId, String dinerId, String staffNo, String name, String department,
                           String dinerType, String cardUid, Money balance, Money subsidy, boolean hotlisted,
                           boolean closed, AccountSource source) {

    public DinerAccount {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(dinerId, "dinerId");
        staffNo = staffNo == null ? "" : staffNo;
        name = name == null ? "" : name;
        department = department == null ? "" : department;
        dinerType = dinerType == null ? "" : dinerType;
        cardUid = cardUid == null ? "" : cardUid;
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(subsidy, "subsidy");
        Objects.requireNonNull(source, "source");
    }
}
