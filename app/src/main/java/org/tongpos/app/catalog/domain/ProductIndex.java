package org.tongpos.app.catalog.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog in memory, for the till's hot paths: barcode and PLU lookups are hash lookups, and a search scans
 * flat arrays of lowercase names and initials (100,000 products in a few milliseconds).
 */
public final class ProductIndex {

    private final Map<String, Product> byBarcode = new HashMap<>();
    private final Map<String, Product> byPlu = new HashMap<>();
    private final Map<Long, Product> byId = new HashMap<>();
    private Product[] products = new Product[0];
    private String[] searchNames = new String[0];

    public ProductIndex(Collection<Product> all) {
        replaceAll(all);
    }

    /** Replaces the whole index (after an import). Not thread-safe: callers publish a new index instead. */
    private void replaceAll(Collection<Product> all) {
        products = all.toArray(new Product[0]);
        searchNames = new String[products.length];
        for (int i = 0; i < products.length; i++) {
            Product p = products[i];
            searchNames[i] = p.name().toLowerCase(Locale.ROOT);
            byId.put(p.id(), p);
            for (String barcode : p.barcodes()) {
                byBarcode.put(barcode, p);
            }
            if (!p.plu().isEmpty()) {
                byPlu.put(normalizePlu(p.plu()), p);
            }
        }
    }

    public Optional<Product> byBarcode(String barcode) {
        Product found = byBarcode.get(barcode);
        if (found == null && barcode.length() == 12) {
            found = byBarcode.get(Gtin.normalize(barcode));
        } else if (found == null && barcode.length() == 13 && barcode.startsWith("0")) {
            found = byBarcode.get(barcode.substring(1));
        }
        return Optional.ofNullable(found);
    }

    public Optional<Product> byPlu(String plu) {
        return Optional.ofNullable(byPlu.get(normalizePlu(plu)));
    }

    public Optional<Product> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return products.length;
    }

    public List<Product> all() {
        return List.of(products);
    }

    /**
     * Products matching {@code text} by barcode or PLU, pinyin initials or name, best first: exact codes, then
     * initials or names that start with the text, then those that contain it; shorter names first within a rank.
     */
    public List<Product> search(String text, int limit) {
        String query = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (query.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<Ranked> hits = new ArrayList<>();
        byBarcode(query).ifPresent(p -> hits.add(new Ranked(p, 0)));
        byPlu(query).filter(p -> hits.isEmpty() || hits.get(0).product() != p).ifPresent(p -> hits.add(new Ranked(p, 0)));
        for (int i = 0; i < products.length; i++) {
            int rank = rank(query, i);
            if (rank > 0 && (hits.isEmpty() || !isExactHit(hits, products[i]))) {
                hits.add(new Ranked(products[i], rank));
            }
        }
        hits.sort(Comparator.comparingInt(Ranked::rank)
                .thenComparingInt(r -> r.product().name().length())
                .thenComparing(r -> r.product().name()));
        List<Product> result = new ArrayList<>(Math.min(limit, hits.size()));
        for (int i = 0; i < hits.size() && result.size() < limit; i++) {
            result.add(hits.get(i).product());
        }
        return result;
    }

    private int rank(String query, int i) {
        String initials = products[i].initials();
        String name = searchNames[i];
        if (initials.startsWith(query) || name.startsWith(query)) {
            return 1;
        }
        if (initials.contains(query) || name.contains(query)) {
            return 2;
        }
        if (query.length() >= 4 && products[i].primaryBarcode().startsWith(query)) {
            return 3;
        }
        return 0;
    }

    private static boolean isExactHit(List<Ranked> hits, Product p) {
        for (Ranked hit : hits) {
            if (hit.rank() > 0) {
                return false;
            }
            if (hit.product() == p) {
                return true;
            }
        }
        return false;
    }

    static String normalizePlu(String plu) {
        String stripped = plu.strip();
        int i = 0;
        while (i < stripped.length() - 1 && stripped.charAt(i) == '0') {
            i++;
        }
        return stripped.substring(i);
    }

    private record Ranked(Product product, int rank) {
    }
}
