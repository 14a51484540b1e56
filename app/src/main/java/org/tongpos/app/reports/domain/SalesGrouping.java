package org.tongpos.app.reports.domain;

import java.util.Locale;
import java.util.Optional;

/** How the sales report breaks its totals down ({@code --by}). */
public enum SalesGrouping {
    HOUR, DAY, CATEGORY, PRODUCT, TENDER, CASHIER;

    public static Optional<SalesGrouping> parse(String text) {
        for (SalesGrouping g : values()) {
            if (g.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** Its name in the bundles: {@code report.by.<name>}. */
    public String messageKey() {
        return "report.by." + name().toLowerCase(Locale.ROOT);
    }
}
