package org.tongpos.app.promotions.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.money.domain.Rounding;

/**
 * The best allowed combination found by trying them all, written without the engine's shortcuts: every way of giving
 * each product one item promotion or none, and every way of grouping pieces for a multibuy.
 */
final class BruteForce {

    private BruteForce() {
    }

    /** The largest total item discount any allowed choice gives (no member, any time: all item promotions run). */
    static long bestItemDiscount(List<Promotion> promotions, List<PricingLine> lines, boolean member) {
        Map<Long, List<PricingLine>> byProduct = new LinkedHashMap<>();
        Map<Long, Product> products = new HashMap<>();
        for (PricingLine line : lines) {
            byProduct.computeIfAbsent(line.product().id(), id -> new ArrayList<>()).add(line);
            products.put(line.product().id(), line.product());
        }
        List<Long> ids = new ArrayList<>(byProduct.keySet());
        List<List<Promotion>> options = new ArrayList<>();
        for (long id : ids) {
            List<Promotion> mine = new ArrayList<>();
            mine.add(null);
            for (Promotion p : promotions) {
                if (p.stage() == Stage.ITEM && p.active() && (member || !p.conditions().membersOnly())
                        && (p.target().matches(products.get(id))
                        || p.terms().hasGetTarget() && p.terms().getTarget().matches(products.get(id)))) {
                    mine.add(p);
                }
            }
            options.add(mine);
        }
        return best(0, new Promotion[ids.size()], ids, options, byProduct);
    }

    private static long best(int i, Promotion[] choice, List<Long> ids, List<List<Promotion>> options,
                             Map<Long, List<PricingLine>> byProduct) {
        if (i == ids.size()) {
            return total(choice, ids, byProduct);
        }
        long best = 0;
        for (Promotion p : options.get(i)) {
            choice[i] = p;
            best = Math.max(best, best(i + 1, choice, ids, options, byProduct));
        }
        choice[i] = null;
        return best;
    }

    private static long total(Promotion[] choice, List<Long> ids, Map<Long, List<PricingLine>> byProduct) {
        Map<Promotion, List<Integer>> taken = new LinkedHashMap<>();
        for (int i = 0; i < choice.length; i++) {
            if (choice[i] != null) {
                taken.computeIfAbsent(choice[i], p -> new ArrayList<>()).add(i);
            }
        }
        long sum = 0;
        for (Map.Entry<Promotion, List<Integer>> e : taken.entrySet()) {
            Promotion p = e.getKey();
            boolean together = p.kind().countsPieces() && (p.terms().mix() || p.terms().hasGetTarget());
            if (together) {
                List<PricingLine> all = new ArrayList<>();
                e.getValue().forEach(i -> all.addAll(byProduct.get(ids.get(i))));
                sum += value(p, all);
            } else {
                for (int i : e.getValue()) {
                    sum += value(p, byProduct.get(ids.get(i)));
                }
            }
        }
        return sum;
    }

    private static long value(Promotion p, List<PricingLine> lines) {
        Promotion.Terms t = p.terms();
        int percent = t.percent() == 0 ? 100 : t.percent();
        switch (p.kind()) {
            case PERCENT_OFF -> {
                long amount = lines.stream().mapToLong(l -> l.amount().fen()).sum();
                return Rounding.percentOf(Money.ofFen(amount), t.percent()).fen();
            }
            case FIXED_PRICE, MEMBER_PRICE -> {
                long sum = 0;
                for (PricingLine l : lines) {
                    if (l.isPieces()) {
                        sum += l.quantity() * Math.max(0, l.unitFen() - t.price().fen());
                    } else if (l.product().isWeighed() && l.quantity() > 0) {
                        sum += Math.max(0, l.amount().fen() - Rounding.weighedAmount(t.price(), l.quantity()).fen());
                    }
                }
                return sum;
            }
            default -> {
            }
        }
        List<Long> bought = new ArrayList<>();
        List<Long> given = new ArrayList<>();
        for (PricingLine l : lines) {
            if (!l.isPieces()) {
                continue;
            }
            boolean isGiven = t.hasGetTarget() && t.getTarget().matches(l.product());
            for (long k = 0; k < l.quantity(); k++) {
                (isGiven ? given : bought).add(l.unitFen());
            }
        }
        return switch (p.kind()) {
            case N_FOR_PRICE -> bestGrouping(bought, t.buyQty(), group -> Math.max(0, sum(group) - t.price().fen()));
            case NTH_PERCENT -> bestGrouping(bought, t.buyQty(), group -> cheapestOff(group, 1, t.percent()));
            case BUY_X_GET_Y -> {
                if (t.hasGetTarget()) {
                    long free = Math.min((bought.size() / t.buyQty()) * (long) t.getQty(), given.size());
                    yield bestSubsetOff(given, (int) free, percent);
                }
                yield bestGrouping(bought, t.buyQty() + t.getQty(), group -> cheapestOff(group, t.getQty(), percent));
            }
            default -> throw new IllegalStateException();
        };
    }

    /** The best sum of {@code score} over disjoint groups of {@code size} pieces, leaving any piece out if better. */
    private static long bestGrouping(List<Long> pieces, int size, java.util.function.ToLongFunction<List<Long>> score) {
        if (pieces.size() < size) {
            return 0;
        }
        List<Long> rest = pieces.subList(1, pieces.size());
        long best = bestGrouping(new ArrayList<>(rest), size, score);
        for (List<Integer> companions : subsets(rest.size(), size - 1)) {
            List<Long> group = new ArrayList<>();
            group.add(pieces.get(0));
            List<Long> remaining = new ArrayList<>();
            for (int k = 0; k < rest.size(); k++) {
                if (companions.contains(k)) {
                    group.add(rest.get(k));
                } else {
                    remaining.add(rest.get(k));
                }
            }
            best = Math.max(best, score.applyAsLong(group) + bestGrouping(remaining, size, score));
        }
        return best;
    }

    /** The best {@code percent} off {@code count} of the pieces, each piece rounded on its own. */
    private static long bestSubsetOff(List<Long> pieces, int count, int percent) {
        long best = 0;
        for (List<Integer> subset : subsets(pieces.size(), count)) {
            best = Math.max(best, subset.stream().mapToLong(i -> off(pieces.get(i), percent)).sum());
        }
        return best;
    }

    private static long off(long price, int percent) {
        return Rounding.percentOf(Money.ofFen(price), percent).fen();
    }

    private static List<List<Integer>> subsets(int n, int k) {
        List<List<Integer>> out = new ArrayList<>();
        collect(0, n, k, new ArrayList<>(), out);
        return out;
    }

    private static void collect(int from, int n, int k, List<Integer> current, List<List<Integer>> out) {
        if (current.size() == k) {
            out.add(new ArrayList<>(current));
            return;
        }
        for (int i = from; i < n; i++) {
            current.add(i);
            collect(i + 1, n, k, current, out);
            current.remove(current.size() - 1);
        }
    }

    private static long sum(List<Long> group) {
        return group.stream().mapToLong(Long::longValue).sum();
    }

    /** {@code percent} off each of the {@code count} cheapest pieces of a group. */
    private static long cheapestOff(List<Long> group, int count, int percent) {
        return group.stream().sorted().limit(count).mapToLong(p -> off(p, percent)).sum();
    }

    /**
     * The best cart-stage total when every cart promotion covers the whole cart: each allowed set (one per group, an
     * exclusive one alone) judged on the same amount, together never more than that amount.
     */
    static long bestCartDiscount(List<Promotion> cartPromotions, long base) {
        long best = 0;
        int n = cartPromotions.size();
        for (int mask = 0; mask < (1 << n); mask++) {
            List<Promotion> set = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    set.add(cartPromotions.get(i));
                }
            }
            if (!allowed(set)) {
                continue;
            }
            long sum = 0;
            for (Promotion p : set) {
                sum += PricingRun.thresholdValue(p, base);
            }
            best = Math.max(best, Math.min(sum, base));
        }
        return best;
    }

    private static boolean allowed(List<Promotion> set) {
        if (set.size() > 1 && set.stream().anyMatch(p -> p.combination().exclusive())) {
            return false;
        }
        return set.stream().map(p -> p.combination().group()).filter(g -> !g.isEmpty()).distinct().count()
                == set.stream().filter(p -> !p.combination().group().isEmpty()).count();
    }
}
