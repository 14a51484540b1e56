package org.tongpos.app.catalog.domain;

import java.util.Comparator;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * The till's search rules, in one place for the in-memory {@link ProductIndex} and the database's search (which
 * answers until the index is built, and on the command line): exact codes first (as typed), then initials or names
 * that start with the text, then those that contain it, then primary barcodes that start with it in any case (four
 * characters or more); shorter names first within a rank. Both feed the candidates in catalog order, so both give the
 * same answer.
 */
public final class ProductSearch {

    /** Digits at least this long that find a product exactly are a full code ({@link #searchesNames}). */
    public static final int FULL_CODE_DIGITS = 8;

    /** Rank of a product that does not match. */
    public static final int NO_MATCH = 0;

    private final String code;
    private final String query;

    private ProductSearch(String code) {
        this.code = code;
        this.query = code.toLowerCase(Locale.ROOT);
    }

    /** The search for what was typed, or null when there is nothing to search for. */
    public static ProductSearch of(String text) {
        String code = text == null ? "" : text.strip();
        return code.isEmpty() ? null : new ProductSearch(code);
    }

    /** What was typed, stripped: looked up as an exact barcode or PLU. */
    public String code() {
        return code;
    }

    /**
     * Whether names and initials are searched as well. Not for a full code (eight digits or more, EAN-8 and longer)
     * that is a product's barcode or PLU exactly: the cashier scanned or typed a barcode, and only longer barcodes
     * that start with it ({@link #rankByCode}) are offered beside it. This is what makes {@code catalog find CODE} one
     * indexed query instead of a pass over every name.
     */
    public boolean searchesNames(boolean exactMatchFound) {
        boolean fullCode = code.length() >= FULL_CODE_DIGITS && code.chars().allMatch(ch -> ch >= '0' && ch <= '9');
        return !(exactMatchFound && fullCode);
    }

    /** The rank of a product by its primary barcode only, when names are not searched ({@link #searchesNames}). */
    public int rankByCode(String searchCode) {
        return query.length() >= 4 && searchCode.startsWith(query) ? 3 : NO_MATCH;
    }

    /** A name as the search compares it. */
    public static String searchName(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A primary barcode as the search compares it. */
    public static String searchCode(String primaryBarcode) {
        return primaryBarcode.toLowerCase(Locale.ROOT);
    }

    /**
     * 1 when the initials or the name start with the query, 2 when they contain it, 3 when the primary barcode starts
     * with it (queries of four characters or more), else {@link #NO_MATCH}. Names and codes as {@link #searchName} and
     * {@link #searchCode} give them.
     */
    public int rank(String initials, String searchName, String searchCode) {
        if (initials.startsWith(query) || searchName.startsWith(query)) {
            return 1;
        }
        if (initials.contains(query) || searchName.contains(query)) {
            return 2;
        }
        if (query.length() >= 4 && searchCode.startsWith(query)) {
            return 3;
        }
        return NO_MATCH;
    }

    /** The best {@code limit} hits by (rank, name length, name), kept in a bounded max-heap; keys name the products. */
    public static final class BestHits {
        private static final Comparator<Hit> ORDER = Comparator.comparingInt(Hit::rank)
                .thenComparingInt(h -> h.name().length())
                .thenComparing(Hit::name);

        private final PriorityQueue<Hit> heap;
        private final int limit;

        public BestHits(int limit) {
            this.limit = limit;
            this.heap = new PriorityQueue<>(Math.min(limit, 1024) + 1, ORDER.reversed());
        }

        /** Offers a matching product (rank above {@link #NO_MATCH}), in catalog order. */
        public void offer(long key, int rank, String name) {
            if (heap.size() >= limit) {
                Hit worst = heap.peek();
                if (worst.rank < rank || (worst.rank == rank && worst.name.length() < name.length())) {
                    return;
                }
            }
            heap.add(new Hit(key, rank, name));
            if (heap.size() > limit) {
                heap.poll();
            }
        }

        public int size() {
            return heap.size();
        }

        /** The keys of the hits, best first. */
        public long[] inOrder() {
            return heap.stream().sorted(ORDER).mapToLong(Hit::key).toArray();
        }

        private record Hit(long key, int rank, String name) {
        }
    }
}
