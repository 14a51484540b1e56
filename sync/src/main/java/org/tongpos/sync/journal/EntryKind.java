package org.tongpos.sync.journal;

/** The kinds of journal entry the Settlement API knows. Sales and meals debit the customer; refunds credit. */
public enum EntryKind {
    SALE(false),
    REFUND(true),
    MEAL(false),
    MEAL_REFUND(true);

    private final boolean credit;

    EntryKind(boolean credit) {
        this.credit = credit;
    }

    public boolean isCredit() {
        return credit;
    }
}
