package org.tongpos.sync.sandbox;

/** A canteen account held at the sandbox bank, with its balances now. */
public record DemoAccount(String accountId, String dinerId, String name, String department, String dinerType,
                          String cardUid, long balanceFen, long subsidyFen) {

    DemoAccount withBalances(long balance, long subsidy) {
        return new DemoAccount(accountId, dinerId, name, department, dinerType, cardUid, balance, subsidy);
    }
}
