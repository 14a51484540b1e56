package org.tongpos.app.catalog.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tongpos.app.money.domain.Money;

/**
 * A product of the store's catalog. Price is per piece, or per kilogram for weighed goods.
 *
 * @param barcodes the product's barcodes, the first being the primary one; may be empty for weighed goods sold by PLU
 * @param plu      the store's item code (e.g. the 5 digits a scale prints into its barcodes); empty when none
 * @param initials pinyin initials of the name, lowercase ({@code 可口可乐 → kkkl})
 */
public record Product(long id, List<String> barcodes, String plu, String name, String category, ProductUnit unit,
                      Money price, Optional<Money> cost, String initials) {

    public Product {
        barcodes = List.copyOf(barcodes);
        plu = plu == null ? "" : plu;
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(initials, "initials");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a product needs a name");
        }
        if (price.isNegative()) {
            throw new IllegalArgumentException("price must not be negative");
        }
    }

    public String primaryBarcode() {
        return barcodes.isEmpty() ? "" : barcodes.get(0);
    }

    public boolean isWeighed() {
        return unit.weighed();
    }

    /** The PLU as lookups compare it: stripped, without leading zeros ({@code 010001} and {@code 10001} are one PLU). */
    public static String normalizePlu(String plu) {
        String stripped = plu.strip();
        int i = 0;
        while (i < stripped.length() - 1 && stripped.charAt(i) == '0') {
            i++;
        }
        return stripped.substring(i);
    }

    public Product withId(long newId) {
        return new Product(newId, barcodes, plu, name, category, unit, price, cost, initials);
    }
}
