package org.tongpos.app.catalog.domain;

import java.util.Locale;
import java.util.Set;

/**
 * The unit a product is sold in, as the store writes it ({@code 件}, {@code 瓶}, {@code kg}). Weighed goods are priced
 * per kilogram and sold by weight in grams.
 */
public record ProductUnit(String label, boolean weighed) {

    private static final Set<String> WEIGHT_LABELS = Set.of("kg", "千克", "公斤");

    public static final ProductUnit PIECE = new ProductUnit("件", false);
    public static final ProductUnit KILOGRAM = new ProductUnit("kg", true);

    public ProductUnit {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a unit needs a label");
        }
        label = label.strip();
    }

    /** The unit for a label; {@code kg}, {@code 千克} and {@code 公斤} mean weighed goods. */
    public static ProductUnit of(String label) {
        String trimmed = label == null ? "" : label.strip();
        return new ProductUnit(trimmed, WEIGHT_LABELS.contains(trimmed.toLowerCase(Locale.ROOT)));
    }
}
