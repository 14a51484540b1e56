package org.tongpos.app.promotions.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tongpos.app.catalog.domain.Product;

/**
 * The goods a promotion covers. Products are named by barcode or PLU (a PLU matches with or without leading zeros, as
 * the till's lookup does); categories by their name as the catalog writes it.
 */
public final class Target {

    public static final Target ALL = new Target(TargetType.ALL, List.of());
    public static final Target NONE = new Target(TargetType.PRODUCT, List.of());

    private final TargetType type;
    private final List<String> values;
    private final Set<String> keys;

    private Target(TargetType type, List<String> values) {
        this.type = Objects.requireNonNull(type, "type");
        this.values = values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
        Set<String> k = new HashSet<>();
        for (String v : this.values) {
            k.add(v);
            if (type == TargetType.PRODUCT && isPluLike(v)) {
                k.add(Product.normalizePlu(v));
            }
        }
        this.keys = Set.copyOf(k);
    }

    public static Target of(TargetType type, List<String> values) {
        return type == TargetType.ALL ? ALL : new Target(type, values);
    }

    public static Target products(String... codes) {
        return new Target(TargetType.PRODUCT, List.of(codes));
    }

    public static Target categories(String... names) {
        return new Target(TargetType.CATEGORY, List.of(names));
    }

    public TargetType type() {
        return type;
    }

    /** Product codes or category names, in the order given, without blanks or repeats. */
    public List<String> values() {
        return values;
    }

    public boolean isEmpty() {
        return type != TargetType.ALL && values.isEmpty();
    }

    /**
     * The keys under which an index files this target: each code (and a PLU-like code also without leading zeros),
     * or each category.
     */
    public Set<String> indexKeys() {
        return keys;
    }

    public boolean matches(Product product) {
        return switch (type) {
            case ALL -> true;
            case CATEGORY -> keys.contains(product.category());
            case PRODUCT -> matchesCode(product);
        };
    }

    private boolean matchesCode(Product product) {
        if (keys.isEmpty()) {
            return false;
        }
        for (String barcode : product.barcodes()) {
            if (keys.contains(barcode)) {
                return true;
            }
        }
        return !product.plu().isEmpty() && keys.contains(Product.normalizePlu(product.plu()));
    }

    /** The keys a product is found under in an index of product targets. */
    public static List<String> codeKeysOf(Product product) {
        if (product.plu().isEmpty()) {
            return product.barcodes();
        }
        String plu = Product.normalizePlu(product.plu());
        if (product.barcodes().isEmpty()) {
            return List.of(plu);
        }
        java.util.ArrayList<String> keys = new java.util.ArrayList<>(product.barcodes());
        keys.add(plu);
        return keys;
    }

    private static boolean isPluLike(String code) {
        return code.length() <= 7 && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target other && other.type == type && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, values);
    }

    @Override
    public String toString() {
        return type == TargetType.ALL ? "ALL" : type + ":" + String.join(";", values);
    }
}
