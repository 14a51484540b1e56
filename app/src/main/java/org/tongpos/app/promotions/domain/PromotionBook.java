package org.tongpos.app.promotions.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tongpos.app.catalog.domain.Product;

/**
 * The active promotions, indexed so that pricing a line looks only at the promotions that can touch it: by product
 * code (barcodes and PLU, for product targets and the goods given by buy X get Y), by category, and the few that cover
 * every item. Immutable; build a new one when promotions change. Prices a cart with {@link #price}.
 */
public final class PromotionBook {

    /** Ties between equally good choices go to the lower priority number, then the smaller id. */
    static final Comparator<Promotion> ORDER = Comparator.comparingInt((Promotion p) -> p.combination().priority())
            .thenComparing(Promotion::id);

    private final List<Promotion> promotions;
    private final Map<String, int[]> byCode = new HashMap<>();
    private final Map<String, int[]> byCategory = new HashMap<>();
    private final int[] everywhere;

    private PromotionBook(List<Promotion> promotions) {
        this.promotions = promotions;
        Map<String, List<Integer>> codes = new HashMap<>();
        Map<String, List<Integer>> categories = new HashMap<>();
        List<Integer> all = new ArrayList<>();
        for (int rank = 0; rank < promotions.size(); rank++) {
            Promotion p = promotions.get(rank);
            file(p.target(), rank, codes, categories, all);
            if (p.terms().hasGetTarget()) {
                file(p.terms().getTarget(), rank, codes, categories, all);
            }
        }
        codes.forEach((key, ranks) -> byCode.put(key, distinct(ranks)));
        categories.forEach((key, ranks) -> byCategory.put(key, distinct(ranks)));
        everywhere = distinct(all);
    }

    /** A book of the given promotions that are active; inactive ones are left out. */
    public static PromotionBook of(Collection<Promotion> promotions) {
        List<Promotion> active = new ArrayList<>();
        for (Promotion p : promotions) {
            if (p.active()) {
                active.add(p);
            }
        }
        active.sort(ORDER);
        return new PromotionBook(List.copyOf(active));
    }

    public static PromotionBook empty() {
        return new PromotionBook(List.of());
    }

    /** The active promotions, by priority then id. */
    public List<Promotion> promotions() {
        return promotions;
    }

    public int size() {
        return promotions.size();
    }

    /** Prices a cart: see docs/promotions.md for the rules. Pure: same lines and context, same result. */
    public PricedCart price(List<PricingLine> lines, PricingContext context) {
        return new PricingRun(this, lines, context).run();
    }

    Promotion at(int rank) {
        return promotions.get(rank);
    }

    /**
     * Adds to {@code into} the ranks of the promotions that may touch {@code product}, each once ({@code seen} holds a
     * stamp per rank: a rank whose stamp equals {@code stamp} was added already).
     */
    void candidates(Product product, int[] seen, int stamp, List<Integer> into) {
        for (String key : Target.codeKeysOf(product)) {
            add(byCode.get(key), seen, stamp, into);
        }
        add(byCategory.get(product.category()), seen, stamp, into);
        add(everywhere, seen, stamp, into);
    }

    private static void add(int[] ranks, int[] seen, int stamp, List<Integer> into) {
        if (ranks == null) {
            return;
        }
        for (int rank : ranks) {
            if (seen[rank] != stamp) {
                seen[rank] = stamp;
                into.add(rank);
            }
        }
    }

    private static void file(Target target, int rank, Map<String, List<Integer>> codes,
                             Map<String, List<Integer>> categories, List<Integer> all) {
        switch (target.type()) {
            case ALL -> all.add(rank);
            case CATEGORY -> target.indexKeys().forEach(k -> categories.computeIfAbsent(k, x -> new ArrayList<>()).add(rank));
            case PRODUCT -> target.indexKeys().forEach(k -> codes.computeIfAbsent(k, x -> new ArrayList<>()).add(rank));
        }
    }

    private static int[] distinct(List<Integer> ranks) {
        return ranks.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    }
}
