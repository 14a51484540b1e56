package org.tongpos.app.promotions.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a promotion covers: named products, whole categories, or every item in the cart. */
public enum TargetType {
    PRODUCT,
    CATEGORY,
    ALL;

    private static final Map<String, TargetType> BY_CHINESE_NAME = Map.of("商品", PRODUCT, "类别", CATEGORY, "整单", ALL,
            "全场", ALL);

    /** {@code product}, {@code category}, {@code all} (any case), or {@code 商品}, {@code 类别}, {@code 整单}/{@code 全场}. */
    public static Optional<TargetType> parse(String text) {
        String t = text.strip();
        TargetType chinese = BY_CHINESE_NAME.get(t);
        if (chinese != null) {
            return Optional.of(chinese);
        }
        try {
            return Optional.of(valueOf(t.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
