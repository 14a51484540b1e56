package org.tongpos.app.canteen.domain;

/** How a diner was identified at the serving line. */
public enum IdentifiedBy {
    QR,
    CARD,
    FACE,
    /** Found by search and picked by the worker, with a reason (counted and shown to supervisors). */
    MANUAL,
    /** A cash walk-in: nobody identified. */
    CASH,
    /** A guest (零接待) served against a manager's approval record. */
    GUEST
}
