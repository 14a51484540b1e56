package org.tongpos.app.catalog.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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
    private String[] initialsOf = new String[0];
    /** Primary barcodes in lowercase, for prefix search in any case (the same string when it has no capitals). */
    private String[] searchCodes = new String[0];

    public ProductIndex(Collection<Product> all) {
        replaceAll(all);
    }

    /** Replaces the whole index (after an import). Not thread-safe: callers publish a new index instead. */
    private void replaceAll(Collection<Product> all) {
        products = all.toArray(new Product[0]);
        searchNames = new String[products.length];
        initialsOf = new String[products.length];
        searchCodes = new String[products.length];
        for (int i = 0; i < products.length; i++) {
            Product p = products[i];
            searchNames[i] = ProductSearch.searchName(p.name());
            initialsOf[i] = p.initials();
            searchCodes[i] = ProductSearch.searchCode(p.primaryBarcode());
            byId.put(p.id(), p);
            for (String barcode : p.barcodes()) {
                byBarcode.put(barcode, p);
            }
            if (!p.plu().isEmpty()) {
                byPlu.put(Product.normalizePlu(p.plu()), p);
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
        return Optional.ofNullable(byPlu.get(Product.normalizePlu(plu)));
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

    /** Products matching {@code text} by barcode or PLU, pinyin initials or name, best first: see {@link ProductSearch}. */
    public List<Product> search(String text, int limit) {
        ProductSearch search = ProductSearch.of(text);
        if (search == null || limit <= 0) {
            return List.of();
        }
        List<Product> exact = new ArrayList<>(2);
        byBarcode(search.code()).ifPresent(exact::add);
        byPlu(search.code()).filter(p -> !exact.contains(p)).ifPresent(exact::add);
        ProductSearch.BestHits best = new ProductSearch.BestHits(limit);
        boolean names = search.searchesNames(!exact.isEmpty());
        for (int i = 0; i < products.length; i++) {
            int rank = names ? search.rank(initialsOf[i], searchNames[i], searchCodes[i])
                    : search.rankByCode(searchCodes[i]);
            if (rank != ProductSearch.NO_MATCH && !exact.contains(products[i])) {
                best.offer(i, rank, searchNames[i]);
            }
        }
        List<Product> result = new ArrayList<>(Math.min(limit, exact.size() + best.size()));
        for (int i = 0; i < exact.size() && result.size() < limit; i++) {
            result.add(exact.get(i));
        }
        for (long index : best.inOrder()) {
            if (result.size() >= limit) {
                break;
            }
            result.add(products[(int) index]);
        }
        return result;
    }
}
