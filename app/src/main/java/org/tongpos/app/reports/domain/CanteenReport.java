package org.tongpos.app.reports.domain;

import java.util.List;

/**
 * The canteen report of a range: meals broken down (by day, period, department or diner type) with how they were paid
 * (subsidy, personal balance, cash), refunds, and the anomalies with the rule that flagged each.
 */
public record CanteenReport(DateRange range, CanteenGrouping by, List<Row> rows, Row total, List<Anomaly> anomalies) {

    public CanteenReport {
        rows = List.copyOf(rows);
        anomalies = List.copyOf(anomalies);
    }

    public enum CanteenGrouping { DAY, PERIOD, DEPARTMENT, DINER_TYPE }

    /** Meals served (not refunded) in a group, and how they were paid; refunded meals counted apart. */
    public record Row(String key, long meals, long amountFen, long subsidyFen, long balanceFen, long cashFen,
                      long refunded) {
    }

    /** The rules that flag a meal or an act for the inspector. */
    public enum Rule {
        /** More meals in a period than the period allows (the meal's nth above meals_allowed). */
        MORE_MEALS_THAN_ALLOWED,
        /** The diner was found by search instead of QR code, card or face. */
        MANUAL_IDENTIFICATION,
        /** Served outside the period's window. */
        OUTSIDE_WINDOW,
        /** A meal refunded. */
        REFUND,
        /**
         * More meals in a period than allowed counting other lanes' meals (the bank feed's DEBITs) with this terminal's:
         * lanes cut off from the bank that each served the diner ({@link CrossLaneMeals}).
         */
        MEALS_ACROSS_LANES,
        /** A guest meal (零接待 only against an approval): shown with the approval it used. */
        GUEST_MEAL,
        /** A meal that took the diner's balance below zero (the overdraft allowed offline). */
        OVERDRAFT,
        /** An operator's act recorded outside the canteen's hours (an hour around its meal periods). */
        OFF_HOURS
    }

    /** One flagged meal or act. */
    public record Anomaly(Rule rule, String occurredAt, String dinerId, String period, long amountFen, String detail) {
    }
}
