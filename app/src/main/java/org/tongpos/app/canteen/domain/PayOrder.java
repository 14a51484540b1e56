package org.tongpos.app.canteen.domain;

/** Which of a diner's two purses a meal is charged to first. */
public enum PayOrder {
    /** The canteen subsidy first, then the personal balance (the usual rule). */
    SUBSIDY_FIRST,
    /** The personal balance first, then the subsidy. */
    BALANCE_FIRST
}
