package org.tongpos.app.catalog.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

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
            searchNames[i] = p.name().toLowerCase(Locale.ROOT);
            initialsOf[i] = p.initials();
            searchCodes[i] = p.primaryBarcode().toLowerCase(Locale.ROOT);
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

    /**
     * Products matching {@code text} by barcode or PLU, pinyin initials or name, best first: exact codes (as typed),
     * then initials or names that start with the text, then those that contain it, then barcodes that start with it
     * in any case; shorter names first within a rank. One pass over flat arrays keeping only the best {@code limit}
     * hits.
     */
    public List<Product> search(String text, int limit) {
        String code = text == null ? "" : text.strip();
        if (code.isEmpty() || limit <= 0) {
            return List.of();
        }
        String query = code.toLowerCase(Locale.ROOT);
        List<Product> exact = new ArrayList<>(2);
        byBarcode(code).ifPresent(exact::add);
        byPlu(code).filter(p -> !exact.contains(p)).ifPresent(exact::add);
        BestHits best = new BestHits(limit);
        for (int i = 0; i < products.length; i++) {
            int rank = rank(query, i);
            if (rank > 0 && !exact.contains(products[i])) {
                best.offer(i, rank, searchNames[i]);
            }
        }
        List<Product> result = new ArrayList<>(Math.min(limit, exact.size() + best.size()));
        for (int i = 0; i < exact.size() && result.size() < limit; i++) {
            result.add(exact.get(i));
        }
        for (int index : best.inOrder()) {
            if (result.size() >= limit) {
                break;
            }
            result.add(products[index]);
        }
        return result;
    }

    private int rank(String query, int i) {
        String initials = initialsOf[i];
        String name = searchNames[i];
        if (initials.startsWith(query) || name.startsWith(query)) {
            return 1;
        }
        if (initials.contains(query) || name.contains(query)) {
            return 2;
        }
        if (query.length() >= 4 && searchCodes[i].startsWith(query)) {
            return 3;
        }
        return 0;
    }

    /** The best {@code limit} hits by (rank, name length, name), kept in a bounded max-heap. */
    private static final class BestHits {
        private final PriorityQueue<Hit> heap;
        private final int limit;

        BestHits(int limit) {
            this.limit = limit;
            this.heap = new PriorityQueue<>(Math.min(limit, 1024) + 1, ORDER.reversed());
        }

        void offer(int index, int rank, String name) {
            if (heap.size() >= limit) {
                Hit worst = heap.peek();
                if (worst.rank < rank || (worst.rank == rank && worst.name.length() < name.length())) {
                    return;
                }
            }
            heap.add(new Hit(index, rank, name));
            if (heap.size() > limit) {
                heap.poll();
            }
        }

        int size() {
            return heap.size();
        }

        int[] inOrder() {
            return heap.stream().sorted(ORDER).mapToInt(Hit::index).toArray();
        }

        private static final Comparator<Hit> ORDER = Comparator.comparingInt(Hit::rank)
                .thenComparingInt(h -> h.name().length())
                .thenComparing(Hit::name);

        private record Hit(int index, int rank, String name) {
        }
    }
}
