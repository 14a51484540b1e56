package org.tongpos.app.promotions.domain;

import java.util.Arrays;
import org.tongpos.app.money.domain.Rounding;

/**
 * Pieces of goods as runs of equal price, most expensive first: what multibuys and buy X get Y count. The values are
 * the best for the customer, proven by exchange: with the pieces sorted by price, the groups a multibuy forms are
 * consecutive runs of that order, so the most expensive pieces go into groups first and, within each group, the
 * cheapest pieces are the ones discounted (as shops do: 第二件半价 halves the cheaper piece).
 */
final class PieceUnits {

    static final PieceUnits EMPTY = new PieceUnits(new long[0], new long[0]);

    private final long[] prices;
    /** cumulativeCount[i] = pieces in runs 0..i-1; cumulativeSum likewise for their amount. */
    private final long[] cumulativeCount;
    private final long[] cumulativeSum;

    private PieceUnits(long[] prices, long[] counts) {
        this.prices = prices;
        this.cumulativeCount = new long[prices.length + 1];
        this.cumulativeSum = new long[prices.length + 1];
        for (int i = 0; i < prices.length; i++) {
            cumulativeCount[i + 1] = cumulativeCount[i] + counts[i];
            cumulativeSum[i + 1] = Math.addExact(cumulativeSum[i], Math.multiplyExact(prices[i], counts[i]));
        }
    }

    /** Pieces from runs given as parallel arrays of price and count, in any order (the arrays are reordered). */
    static PieceUnits of(long[] prices, long[] counts, int size) {
        if (size == 0) {
            return EMPTY;
        }
        for (int i = 1; i < size; i++) {
            long price = prices[i];
            long count = counts[i];
            int j = i - 1;
            while (j >= 0 && prices[j] < price) {
                prices[j + 1] = prices[j];
                counts[j + 1] = counts[j];
                j--;
            }
            prices[j + 1] = price;
            counts[j + 1] = count;
        }
        long[] p = new long[size];
        long[] c = new long[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (counts[i] == 0) {
                continue;
            }
            if (n > 0 && p[n - 1] == prices[i]) {
                c[n - 1] += counts[i];
            } else {
                p[n] = prices[i];
                c[n] = counts[i];
                n++;
            }
        }
        return new PieceUnits(n == size ? p : Arrays.copyOf(p, n), n == size ? c : Arrays.copyOf(c, n));
    }

    /** Pieces from runs already sorted dearest first (equal prices next to each other are merged). */
    static PieceUnits ofSorted(long[] prices, long[] counts, int size) {
        if (size == 0) {
            return EMPTY;
        }
        long[] p = new long[size];
        long[] c = new long[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (n > 0 && p[n - 1] == prices[i]) {
                c[n - 1] += counts[i];
            } else {
                p[n] = prices[i];
                c[n] = counts[i];
                n++;
            }
        }
        return new PieceUnits(n == size ? p : Arrays.copyOf(p, n), n == size ? c : Arrays.copyOf(c, n));
    }

    /** How many different prices (runs) the pieces have. */
    int runCount() {
        return prices.length;
    }

    /** The price of run {@code i}, dearest first. */
    long price(int i) {
        return prices[i];
    }

    long count() {
        return cumulativeCount[prices.length];
    }

    /** The amount of the {@code n} most expensive pieces. */
    long prefixSum(long n) {
        if (n <= 0) {
            return 0;
        }
        int run = Arrays.binarySearch(cumulativeCount, n);
        if (run >= 0) {
            return cumulativeSum[run];
        }
        int inside = -run - 2;
        return cumulativeSum[inside] + (n - cumulativeCount[inside]) * prices[inside];
    }

    /**
     * {@code size} pieces for {@code price} (3 for ¥10), as many groups as lower the bill: groups of the most expensive
     * pieces first, while a group costs more than the price.
     */
    long nForPrice(int size, long price) {
        long groups = count() / size;
        long lo = 0;
        long hi = groups;
        while (lo < hi) {
            long mid = (lo + hi + 1) >>> 1;
            long groupSum = prefixSum(mid * size) - prefixSum((mid - 1) * size);
            if (groupSum > price) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return prefixSum(lo * size) - Math.multiplyExact(lo, price);
    }

    /**
     * In every complete set of {@code buy + get} pieces, the {@code get} cheapest are {@code percent} off (buy 2 get 1
     * free: 2, 1, 100; 第二件半价: 1, 1, 50). Each discounted piece is rounded to the fen on its own, as the receipt
     * would say it ("the second one at half price").
     */
    long setDiscount(int buy, int get, int percent) {
        long size = (long) buy + get;
        long full = (count() / size) * size;
        long discount = 0;
        for (int i = 0; i < prices.length; i++) {
            long a = Math.min(cumulativeCount[i], full);
            long b = Math.min(cumulativeCount[i + 1], full);
            long inRun = discountedBelow(b, size, buy, get) - discountedBelow(a, size, buy, get);
            discount = Math.addExact(discount, Math.multiplyExact(inRun, pieceOff(prices[i], percent)));
        }
        return discount;
    }

    /** {@code percent} of one piece's price, half-up to the fen. */
    static long pieceOff(long price, int percent) {
        return Rounding.percentOf(org.tongpos.app.money.domain.Money.ofFen(price), percent).fen();
    }

    /** How many of the positions 0..x-1 are discounted ones (offsets buy..buy+get-1 of each set). */
    private static long discountedBelow(long x, long size, int buy, int get) {
        return (x / size) * get + Math.max(0, Math.min(get, x % size - buy));
    }

    /** {@code percent} off each of the {@code n} most expensive pieces (buy X get Y of other goods). */
    long mostExpensiveOff(long n, int percent) {
        long left = Math.min(n, count());
        long discount = 0;
        for (int i = 0; i < prices.length && left > 0; i++) {
            long take = Math.min(left, cumulativeCount[i + 1] - cumulativeCount[i]);
            discount = Math.addExact(discount, Math.multiplyExact(take, pieceOff(prices[i], percent)));
            left -= take;
        }
        return discount;
    }
}
