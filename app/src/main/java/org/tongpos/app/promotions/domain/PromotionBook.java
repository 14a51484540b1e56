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
    /** Item promotions, and cart promotions and bank offers: a line looks up only the first kind. */
    private final Index items;
    private final Index carts;

    private PromotionBook(List<Promotion> promotions) {
        this.promotions = promotions;
        Index.Builder itemIndex = new Index.Builder();
        Index.Builder cartIndex = new Index.Builder();
        for (int rank = 0; rank < promotions.size(); rank++) {
            Promotion p = promotions.get(rank);
            Index.Builder index = p.stage() == Stage.ITEM ? itemIndex : cartIndex;
            index.file(p.target(), rank);
            if (p.terms().hasGetTarget()) {
                index.file(p.terms().getTarget(), rank);
            }
        }
        items = itemIndex.build();
        carts = cartIndex.build();
    }

    /** Promotions by product code, by category, and those that cover everything; each as ranks in ascending order. */
    private record Index(Map<String, int[]> byCode, Map<String, int[]> byCategory, int[] everywhere) {

        void candidates(Product product, boolean withEverywhere, int[] seen, int stamp, IntList into) {
            for (String key : Target.codeKeysOf(product)) {
                add(byCode.get(key), seen, stamp, into);
            }
            add(byCategory.get(product.category()), seen, stamp, into);
            if (withEverywhere) {
                add(everywhere, seen, stamp, into);
            }
        }

        static final class Builder {
            private final Map<String, List<Integer>> codes = new HashMap<>();
            private final Map<String, List<Integer>> categories = new HashMap<>();
            private final List<Integer> all = new ArrayList<>();

            void file(Target target, int rank) {
                switch (target.type()) {
                    case ALL -> all.add(rank);
                    case CATEGORY -> target.indexKeys()
                            .forEach(k -> categories.computeIfAbsent(k, x -> new ArrayList<>()).add(rank));
                    case PRODUCT -> target.indexKeys()
                            .forEach(k -> codes.computeIfAbsent(k, x -> new ArrayList<>()).add(rank));
                }
            }

            Index build() {
                Map<String, int[]> byCode = new HashMap<>();
                Map<String, int[]> byCategory = new HashMap<>();
                codes.forEach((key, ranks) -> byCode.put(key, distinct(ranks)));
                categories.forEach((key, ranks) -> byCategory.put(key, distinct(ranks)));
                return new Index(byCode, byCategory, distinct(all));
            }
        }
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
     * Adds to {@code into} the ranks of the item promotions that may touch {@code product}, each once ({@code seen}
     * holds a stamp per rank: a rank whose stamp equals {@code stamp} was added already).
     */
    void itemCandidates(Product product, int[] seen, int stamp, IntList into) {
        items.candidates(product, true, seen, stamp, into);
    }

    /** Likewise for the cart promotions and bank offers that name {@code product} or its category. */
    void cartCandidates(Product product, int[] seen, int stamp, IntList into) {
        carts.candidates(product, false, seen, stamp, into);
    }

    /** The cart promotions and bank offers that cover the whole cart. */
    int[] cartEverywhere() {
        return carts.everywhere();
    }

    private static void add(int[] ranks, int[] seen, int stamp, IntList into) {
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

    private static int[] distinct(List<Integer> ranks) {
        return ranks.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    }
}
