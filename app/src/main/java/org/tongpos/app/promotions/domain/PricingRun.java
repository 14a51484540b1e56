package org.tongpos.app.promotions.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.money.domain.Rounding;

/**
 * One pricing of one cart (docs/promotions.md has the rules with examples):
 * <ol>
 *   <li><b>Items.</b> Lines of one product are taken together. Each product takes at most one item promotion, and the
 *       engine chooses for every product the one that, with the choices for all other products, gives the customer
 *       the largest total discount. A promotion that counts pieces of several products together (任选 multibuys, buy X
 *       get Y of other goods) takes those products as a whole; such choices are searched exactly.</li>
 *   <li><b>Cart.</b> Thresholds are judged on what their goods cost after item discounts. They stack, except that of
 *       promotions sharing an exclusivity group only the best applies, and an exclusive one applies alone (when it
 *       alone gives more than the others together).</li>
 *   <li><b>Tender.</b> Bank offers the same way, on what is left to pay, only with the bank's tender, and a capped
 *       offer only for a known payer who has not used it up today.</li>
 * </ol>
 * Everything is worked out in a fixed order (products by id, promotions by priority then id), so the result does
 * not depend on the order of the lines.
 */
final class PricingRun {

    /** Search nodes per group of interlinked products; beyond it the best choice found so far stands. */
    static final int SEARCH_NODE_BUDGET = 20_000;
    private static final int MAX_EXACT_GROUPS = 62;
    /** The dynamic programme's states: the product of the set sizes of a component's linked promotions. */
    private static final int MAX_DP_STATES = 4096;

    private final PromotionBook book;
    private final List<PricingLine> lines;
    private final PricingContext context;
    private final List<Group> groups;
    private final long[] net;
    private final byte[] eligibility;
    /** Per promotion rank, the stamp of the last lookup that found it: each lookup takes a new stamp. */
    private final int[] seen;
    private int stamp;
    private final List<Discount> itemDiscounts = new ArrayList<>();
    private final List<Discount> cartDiscounts = new ArrayList<>();
    private final List<CapUse> capUses = new ArrayList<>();
    private final List<UnavailableOffer> unavailable = new ArrayList<>();

    PricingRun(PromotionBook book, List<PricingLine> lines, PricingContext context) {
        this.book = book;
        this.lines = List.copyOf(lines);
        this.context = context;
        this.net = new long[this.lines.size()];
        this.eligibility = new byte[book.size()];
        this.seen = new int[book.size()];
        this.groups = groupByProduct();
    }

    PricedCart run() {
        long subtotal = 0;
        for (int i = 0; i < lines.size(); i++) {
            net[i] = lines.get(i).amount().fen();
            subtotal = Math.addExact(subtotal, net[i]);
        }
        if (book.size() > 0 && !lines.isEmpty()) {
            priceItems();
            priceCart(Stage.CART);
            priceCart(Stage.TENDER);
        }
        itemDiscounts.sort(Comparator.comparingInt(PricingRun::firstLine));
        List<Discount> all = new ArrayList<>(itemDiscounts);
        all.addAll(cartDiscounts);
        long payable = 0;
        for (long n : net) {
            payable += n;
        }
        return new PricedCart(lines, Money.ofFen(subtotal), all, Money.ofFen(payable), capUses, unavailable);
    }

    // ---------------------------------------------------------------------------------------------------- grouping

    /** The lines of one product, in a canonical order (dearer lines first) so that shares do not depend on input order. */
    private static final class Group {
        final Product product;
        final List<Integer> lines = new ArrayList<>();
        final IntList candidates = new IntList();
        PieceUnits pieces = PieceUnits.EMPTY;
        long amount;

        Group(Product product) {
            this.product = product;
        }
    }

    private List<Group> groupByProduct() {
        Map<Long, Group> byId = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            PricingLine line = lines.get(i);
            byId.computeIfAbsent(line.product().id(), id -> new Group(line.product())).lines.add(i);
        }
        List<Group> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparingLong(g -> g.product.id()));
        for (Group g : sorted) {
            g.lines.sort(Comparator.comparingLong((Integer i) -> -lines.get(i).amount().fen())
                    .thenComparingLong(i -> -lines.get(i).quantity()).thenComparingInt(i -> i));
            long[] prices = new long[g.lines.size()];
            long[] counts = new long[g.lines.size()];
            int runs = 0;
            for (int i : g.lines) {
                PricingLine line = lines.get(i);
                g.amount = Math.addExact(g.amount, line.amount().fen());
                if (line.isPieces()) {
                    prices[runs] = line.unitFen();
                    counts[runs] = line.quantity();
                    runs++;
                }
            }
            g.pieces = PieceUnits.of(prices, counts, runs);
            book.itemCandidates(g.product, seen, ++stamp, g.candidates);
            g.candidates.sort();
        }
        return sorted;
    }

    /** Whether a promotion runs at this moment for this customer (tender aside); worked out once per promotion. */
    private boolean eligible(int rank) {
        if (eligibility[rank] == 0) {
            Promotion p = book.at(rank);
            boolean runs = p.conditions().window().contains(context.at())
                    && (!p.conditions().membersOnly() || context.member().isPresent());
            eligibility[rank] = (byte) (runs ? 1 : 2);
        }
        return eligibility[rank] == 1;
    }

    // ---------------------------------------------------------------------------------------------------- items

    /** An item promotion that counts pieces of several products together, with the products it may take. */
    private static final class Linked {
        final int rank;
        final Promotion promotion;
        final List<Integer> groups = new ArrayList<>();
        final List<Boolean> given = new ArrayList<>();
        /** Within a component: the positions it may take, and which of them are the goods given. */
        long candidateMask;
        long givenMask;
        final LongLongMap memo = new LongLongMap();
        /** The pieces of all products it may take, dearest first: price, count, position, given. */
        long[] runPrice;
        long[] runCount;
        int[] runPos;
        boolean[] runGiven;
        int runs;

        Linked(int rank, Promotion promotion) {
            this.rank = rank;
            this.promotion = promotion;
        }
    }

    private void priceItems() {
        int n = groups.size();
        long[] localValue = new long[n];
        int[] localRank = new int[n];
        Arrays.fill(localRank, -1);
        Map<Integer, Linked> linkedByRank = new HashMap<>();
        for (int gi = 0; gi < n; gi++) {
            Group g = groups.get(gi);
            for (int c = 0; c < g.candidates.size(); c++) {
                int rank = g.candidates.get(c);
                Promotion p = book.at(rank);
                if (p.stage() != Stage.ITEM || !eligible(rank)) {
                    continue;
                }
                boolean given = p.terms().hasGetTarget() && p.terms().getTarget().matches(g.product);
                if (!given && !p.target().matches(g.product)) {
                    continue;
                }
                if (p.kind().countsPieces() && (p.terms().mix() || p.terms().hasGetTarget())) {
                    Linked linked = linkedByRank.computeIfAbsent(rank, r -> new Linked(r, p));
                    linked.groups.add(gi);
                    linked.given.add(given);
                } else {
                    offerLocal(gi, rank, localValue(p, gi), localValue, localRank);
                }
            }
        }
        List<Linked> linked = new ArrayList<>();
        for (Linked l : linkedByRank.values()) {
            if (l.groups.size() == 1 && !l.promotion.terms().hasGetTarget()) {
                int gi = l.groups.get(0);
                offerLocal(gi, l.rank, localValue(l.promotion, gi), localValue, localRank);
            } else if (value(l.promotion, l.groups, l.given) > 0) {
                linked.add(l);
            }
        }
        linked.sort(Comparator.comparingInt(l -> l.rank));
        int[] choice = new int[n];
        Arrays.fill(choice, -1);
        for (List<Integer> component : components(linked, n)) {
            chooseLinked(component, linked, localValue, choice);
        }
        for (int gi = 0; gi < n; gi++) {
            if (choice[gi] < 0 && localRank[gi] >= 0) {
                applyItem(book.at(localRank[gi]), List.of(gi), List.of(false), localValue[gi]);
            }
        }
        for (int li = 0; li < linked.size(); li++) {
            Linked l = linked.get(li);
            List<Integer> taken = new ArrayList<>();
            List<Boolean> given = new ArrayList<>();
            for (int k = 0; k < l.groups.size(); k++) {
                if (choice[l.groups.get(k)] == li) {
                    taken.add(l.groups.get(k));
                    given.add(l.given.get(k));
                }
            }
            if (!taken.isEmpty()) {
                applyItem(l.promotion, taken, given, value(l.promotion, taken, given));
            }
        }
    }

    private static void offerLocal(int gi, int rank, long value, long[] localValue, int[] localRank) {
        if (value > localValue[gi] || value > 0 && value == localValue[gi] && rank < localRank[gi]) {
            localValue[gi] = value;
            localRank[gi] = rank;
        }
    }

    /** The discount an item promotion gives one product's lines on their own. */
    private long localValue(Promotion p, int gi) {
        Group g = groups.get(gi);
        Promotion.Terms t = p.terms();
        return switch (p.kind()) {
            case PERCENT_OFF -> Rounding.percentOf(Money.ofFen(g.amount), t.percent()).fen();
            case FIXED_PRICE, MEMBER_PRICE -> {
                long sum = 0;
                for (int i : g.lines) {
                    sum = Math.addExact(sum, fixedPriceDiscount(lines.get(i), t.price().fen()));
                }
                yield sum;
            }
            default -> pieceValue(p, g.pieces, PieceUnits.EMPTY);
        };
    }

    /** What a fixed price (per piece, or per kg for weighed goods) takes off one line; 0 for a scale-priced line. */
    private static long fixedPriceDiscount(PricingLine line, long price) {
        if (line.isPieces()) {
            return Math.multiplyExact(line.quantity(), Math.max(0, line.unitFen() - price));
        }
        if (line.product().isWeighed() && line.quantity() > 0) {
            long fixed = Rounding.weighedAmount(Money.ofFen(price), line.quantity()).fen();
            return Math.max(0, line.amount().fen() - fixed);
        }
        return 0;
    }

    /** The discount a piece-counting promotion gives the given products together. */
    private long value(Promotion p, List<Integer> taken, List<Boolean> given) {
        return pieceValue(p, pieces(taken, given, false),
                p.terms().hasGetTarget() ? pieces(taken, given, true) : PieceUnits.EMPTY);
    }

    /** The discount of a piece-counting promotion on the pieces bought and (buy X get other goods) given. */
    private static long pieceValue(Promotion p, PieceUnits bought, PieceUnits given) {
        Promotion.Terms t = p.terms();
        int percent = t.percent() == 0 ? 100 : t.percent();
        return switch (p.kind()) {
            case N_FOR_PRICE -> bought.nForPrice(t.buyQty(), t.price().fen());
            case NTH_PERCENT -> bought.setDiscount(t.buyQty() - 1, 1, t.percent());
            case BUY_X_GET_Y -> t.hasGetTarget()
                    ? given.mostExpensiveOff((bought.count() / t.buyQty()) * t.getQty(), percent)
                    : bought.setDiscount(t.buyQty(), t.getQty(), percent);
            default -> throw new IllegalStateException("not a piece-counting promotion: " + p.kind());
        };
    }

    private PieceUnits pieces(List<Integer> taken, List<Boolean> given, boolean wantGiven) {
        int size = 0;
        for (int k = 0; k < taken.size(); k++) {
            if (given.get(k) == wantGiven) {
                size += groups.get(taken.get(k)).lines.size();
            }
        }
        long[] prices = new long[size];
        long[] counts = new long[size];
        int runs = 0;
        for (int k = 0; k < taken.size(); k++) {
            if (given.get(k) != wantGiven) {
                continue;
            }
            for (int i : groups.get(taken.get(k)).lines) {
                PricingLine line = lines.get(i);
                if (line.isPieces()) {
                    prices[runs] = line.unitFen();
                    counts[runs] = line.quantity();
                    runs++;
                }
            }
        }
        return PieceUnits.of(prices, counts, runs);
    }

    /** Products linked, directly or through others, by promotions that count their pieces together. */
    private static List<List<Integer>> components(List<Linked> linked, int n) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        boolean[] involved = new boolean[n];
        for (Linked l : linked) {
            int first = l.groups.get(0);
            for (int g : l.groups) {
                involved[g] = true;
                parent[find(parent, g)] = find(parent, first);
            }
        }
        Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
        for (int g = 0; g < n; g++) {
            if (involved[g]) {
                byRoot.computeIfAbsent(find(parent, g), r -> new ArrayList<>()).add(g);
            }
        }
        return new ArrayList<>(byRoot.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * Decides, for the products of one component, which take their best promotion of their own and which go to a
     * linked promotion: a greedy choice first, then an exact branch-and-bound search that keeps a better one.
     */
    private void chooseLinked(List<Integer> component, List<Linked> linked, long[] localValue, int[] choice) {
        List<Integer> members = new ArrayList<>();
        for (int li = 0; li < linked.size(); li++) {
            if (component.contains(linked.get(li).groups.get(0))) {
                members.add(li);
            }
        }
        Search search = new Search(component, members, linked, localValue);
        int[] best = search.run();
        for (int pos = 0; pos < component.size(); pos++) {
            choice[component.get(pos)] = best[pos];
        }
    }

    /** The choice for one component: per position (a product), -1 for its own best, else the index of a linked one. */
    private final class Search {
        final List<Integer> component;
        final List<Integer> members;
        final List<Linked> linked;
        final long[] local;
        final int size;
        final int[][] optionsAt;
        long best = -1;
        int[] bestChoice;
        int nodes;

        Search(List<Integer> component, List<Integer> members, List<Linked> linked, long[] localValue) {
            this.component = component;
            this.members = members;
            this.linked = linked;
            this.size = component.size();
            this.local = new long[size];
            List<List<Integer>> options = new ArrayList<>();
            for (int pos = 0; pos < size; pos++) {
                local[pos] = localValue[component.get(pos)];
                options.add(new ArrayList<>());
            }
            for (int li : members) {
                Linked l = linked.get(li);
                l.candidateMask = 0;
                l.givenMask = 0;
                l.memo.clear();
                int lineCount = 0;
                for (int g : l.groups) {
                    lineCount += groups.get(g).lines.size();
                }
                l.runPrice = new long[lineCount];
                l.runCount = new long[lineCount];
                l.runPos = new int[lineCount];
                l.runGiven = new boolean[lineCount];
                l.runs = 0;
                for (int k = 0; k < l.groups.size(); k++) {
                    int pos = component.indexOf(l.groups.get(k));
                    options.get(pos).add(li);
                    if (pos < MAX_EXACT_GROUPS) {
                        l.candidateMask |= 1L << pos;
                        if (l.given.get(k)) {
                            l.givenMask |= 1L << pos;
                        }
                    }
                    for (int i : groups.get(l.groups.get(k)).lines) {
                        PricingLine line = lines.get(i);
                        if (line.isPieces()) {
                            addRun(l, line.unitFen(), line.quantity(), pos, l.given.get(k));
                        }
                    }
                }
            }
            optionsAt = new int[size][];
            for (int pos = 0; pos < size; pos++) {
                optionsAt[pos] = options.get(pos).stream().mapToInt(Integer::intValue).toArray();
            }
        }

        /** Inserts a run keeping the runs dearest first. */
        private void addRun(Linked l, long price, long count, int pos, boolean given) {
            int j = l.runs - 1;
            while (j >= 0 && l.runPrice[j] < price) {
                l.runPrice[j + 1] = l.runPrice[j];
                l.runCount[j + 1] = l.runCount[j];
                l.runPos[j + 1] = l.runPos[j];
                l.runGiven[j + 1] = l.runGiven[j];
                j--;
            }
            l.runPrice[j + 1] = price;
            l.runCount[j + 1] = count;
            l.runPos[j + 1] = pos;
            l.runGiven[j + 1] = given;
            l.runs++;
        }

        /** The linked promotion's discount on the products at the positions {@code taken} accepts. */
        private long valueWhere(int li, java.util.function.IntPredicate taken) {
            Linked l = linked.get(li);
            long[] boughtPrice = new long[l.runs];
            long[] boughtCount = new long[l.runs];
            long[] givenPrice = new long[l.runs];
            long[] givenCount = new long[l.runs];
            int bought = 0;
            int given = 0;
            for (int r = 0; r < l.runs; r++) {
                if (!taken.test(l.runPos[r])) {
                    continue;
                }
                if (l.runGiven[r]) {
                    givenPrice[given] = l.runPrice[r];
                    givenCount[given++] = l.runCount[r];
                } else {
                    boughtPrice[bought] = l.runPrice[r];
                    boughtCount[bought++] = l.runCount[r];
                }
            }
            return pieceValue(l.promotion, PieceUnits.ofSorted(boughtPrice, boughtCount, bought),
                    PieceUnits.ofSorted(givenPrice, givenCount, given));
        }

        int[] run() {
            if (lastPieceOfEachSet() && states() <= MAX_DP_STATES) {
                return dynamicProgramme();
            }
            int[] greedy = greedy();
            bestChoice = greedy;
            best = total(greedy);
            if (size <= MAX_EXACT_GROUPS) {
                long[] masks = new long[linked.size()];
                dfs(0, masks, 0, new int[size]);
            }
            return bestChoice;
        }

        /**
         * Whether every linked promotion discounts only the last piece of each complete set (第二件半价, buy 2 get 1)
         * and every product of the component has a single piece price: then the exact choice follows from going
         * through the products dearest first, remembering only how far each promotion's current set is filled.
         */
        private boolean lastPieceOfEachSet() {
            for (int li : members) {
                Promotion p = linked.get(li).promotion;
                boolean lastPiece = p.kind() == PromotionKind.NTH_PERCENT
                        || p.kind() == PromotionKind.BUY_X_GET_Y && !p.terms().hasGetTarget() && p.terms().getQty() == 1;
                if (!lastPiece) {
                    return false;
                }
            }
            for (int pos = 0; pos < size; pos++) {
                if (groups.get(component.get(pos)).pieces.runCount() > 1) {
                    return false;
                }
            }
            return true;
        }

        private long states() {
            long states = 1;
            for (int li : members) {
                states *= setSize(linked.get(li).promotion);
                if (states > MAX_DP_STATES) {
                    return states;
                }
            }
            return states;
        }

        private static int setSize(Promotion p) {
            return p.kind() == PromotionKind.NTH_PERCENT ? p.terms().buyQty() : p.terms().buyQty() + 1;
        }

        /**
         * The exact choice for {@link #lastPieceOfEachSet} components. Products go dearest first (ties by position);
         * the state holds, per linked promotion, how many pieces of its current set are filled. Giving a product's
         * {@code q} pieces to a promotion completes {@code (filled + q) / setSize} sets, each discounting one piece
         * of this product. Ties keep the product's own promotion, then the first linked one.
         */
        private int[] dynamicProgramme() {
            int k = members.size();
            int[] setSize = new int[k];
            int[] stride = new int[k];
            int[] percent = new int[k];
            Map<Integer, Integer> memberOf = new HashMap<>();
            int states = 1;
            for (int m = 0; m < k; m++) {
                Promotion p = linked.get(members.get(m)).promotion;
                memberOf.put(members.get(m), m);
                setSize[m] = setSize(p);
                stride[m] = states;
                states *= setSize[m];
                percent[m] = p.terms().percent() == 0 ? 100 : p.terms().percent();
            }
            Integer[] order = new Integer[size];
            for (int pos = 0; pos < size; pos++) {
                order[pos] = pos;
            }
            Arrays.sort(order, Comparator.comparingLong((Integer pos) -> -piecePrice(pos)).thenComparingInt(pos -> pos));
            long[] dp = new long[states];
            Arrays.fill(dp, Long.MIN_VALUE);
            dp[0] = 0;
            int[][] previous = new int[size][];
            int[][] picked = new int[size][];
            for (int t = 0; t < size; t++) {
                int pos = order[t];
                long price = piecePrice(pos);
                long pieces = groups.get(component.get(pos)).pieces.count();
                long[] next = new long[states];
                Arrays.fill(next, Long.MIN_VALUE);
                int[] from = new int[states];
                int[] pick = new int[states];
                for (int s = 0; s < states; s++) {
                    if (dp[s] == Long.MIN_VALUE) {
                        continue;
                    }
                    relax(next, from, pick, s, s, dp[s] + local[pos], -1);
                    for (int li : optionsAt[pos]) {
                        int m = memberOf.get(li);
                        int filled = (s / stride[m]) % setSize[m];
                        long total = filled + pieces;
                        long gain = Math.multiplyExact(total / setSize[m], PieceUnits.pieceOff(price, percent[m]));
                        int to = s + ((int) (total % setSize[m]) - filled) * stride[m];
                        relax(next, from, pick, to, s, dp[s] + gain, li);
                    }
                }
                previous[t] = from;
                picked[t] = pick;
                dp = next;
            }
            int state = 0;
            for (int s = 1; s < states; s++) {
                if (dp[s] > dp[state]) {
                    state = s;
                }
            }
            int[] choice = new int[size];
            for (int t = size - 1; t >= 0; t--) {
                choice[order[t]] = picked[t][state];
                state = previous[t][state];
            }
            return choice;
        }

        private long piecePrice(int pos) {
            PieceUnits pieces = groups.get(component.get(pos)).pieces;
            return pieces.runCount() == 0 ? 0 : pieces.price(0);
        }

        private static void relax(long[] next, int[] from, int[] pick, int to, int s, long value, int option) {
            if (value > next[to]) {
                next[to] = value;
                from[to] = s;
                pick[to] = option;
            }
        }

        /** Repeatedly gives a linked promotion all the free products it may take, the one that gains most first. */
        private int[] greedy() {
            int[] choice = new int[size];
            Arrays.fill(choice, -1);
            List<Integer> left = new ArrayList<>(members);
            while (true) {
                int pick = -1;
                long pickGain = 0;
                for (int li : left) {
                    long gain = valueOfChoice(li, choice, true);
                    for (int pos = 0; pos < size; pos++) {
                        if (choice[pos] < 0 && takes(li, pos)) {
                            gain -= local[pos];
                        }
                    }
                    if (gain > pickGain) {
                        pickGain = gain;
                        pick = li;
                    }
                }
                if (pick < 0) {
                    return choice;
                }
                for (int pos = 0; pos < size; pos++) {
                    if (choice[pos] < 0 && takes(pick, pos)) {
                        choice[pos] = pick;
                    }
                }
                left.remove(Integer.valueOf(pick));
            }
        }

        private boolean takes(int li, int pos) {
            return linked.get(li).groups.contains(component.get(pos));
        }

        /** The linked promotion's discount on the positions chosen for it (or, with {@code free}, also the free ones). */
        private long valueOfChoice(int li, int[] choice, boolean free) {
            return valueWhere(li, pos -> choice[pos] == li || free && choice[pos] < 0);
        }

        private long total(int[] choice) {
            long sum = 0;
            for (int pos = 0; pos < size; pos++) {
                if (choice[pos] < 0) {
                    sum += local[pos];
                }
            }
            for (int li : members) {
                sum += valueOfChoice(li, choice, false);
            }
            return sum;
        }

        private long valueOfMask(int li, long mask) {
            if (mask == 0) {
                return 0;
            }
            Linked l = linked.get(li);
            long known = l.memo.get(mask);
            if (known >= 0) {
                return known;
            }
            long v = valueWhere(li, pos -> (mask & (1L << pos)) != 0);
            l.memo.put(mask, v);
            return v;
        }

        private void dfs(int pos, long[] masks, long localSum, int[] choice) {
            if (++nodes > SEARCH_NODE_BUDGET) {
                return;
            }
            if (pos == size) {
                long sum = localSum;
                for (int li : members) {
                    sum += valueOfMask(li, masks[li]);
                }
                if (sum > best) {
                    best = sum;
                    bestChoice = choice.clone();
                }
                return;
            }
            long undecided = (-1L >>> (64 - size)) & ~((1L << pos) - 1);
            long bound = localSum;
            for (int q = pos; q < size; q++) {
                bound += local[q];
            }
            for (int li : members) {
                bound += valueOfMask(li, masks[li] | (linked.get(li).candidateMask & undecided));
            }
            if (bound <= best) {
                return;
            }
            if (local[pos] > 0) {
                choice[pos] = -1;
                dfs(pos + 1, masks, localSum + local[pos], choice);
            }
            for (int li : optionsAt[pos]) {
                masks[li] |= 1L << pos;
                choice[pos] = li;
                dfs(pos + 1, masks, localSum, choice);
                masks[li] &= ~(1L << pos);
            }
            choice[pos] = -1;
        }
    }

    /** Records an item discount and spreads it over the lines it was computed from. */
    private void applyItem(Promotion p, List<Integer> taken, List<Boolean> given, long value) {
        if (value <= 0) {
            return;
        }
        IntList shareLines = new IntList();
        LongList weights = new LongList();
        boolean onGiven = p.kind() == PromotionKind.BUY_X_GET_Y && p.terms().hasGetTarget();
        for (int k = 0; k < taken.size(); k++) {
            if (onGiven && !given.get(k)) {
                continue;
            }
            for (int i : groups.get(taken.get(k)).lines) {
                PricingLine line = lines.get(i);
                long weight = switch (p.kind()) {
                    case PERCENT_OFF -> line.amount().fen();
                    case FIXED_PRICE, MEMBER_PRICE -> fixedPriceDiscount(line, p.terms().price().fen());
                    default -> line.isPieces() ? line.amount().fen() : 0;
                };
                shareLines.add(i);
                weights.add(weight);
            }
        }
        itemDiscounts.add(discount(p, value, shareLines, weights));
    }

    // ---------------------------------------------------------------------------------------------------- cart, tender

    /** A cart or bank promotion that would apply, with its value on the stage's starting amounts. */
    private record Candidate(int rank, Promotion promotion, long value) {
    }

    private void priceCart(Stage stage) {
        long total = 0;
        Map<String, Long> byCategory = new HashMap<>();
        for (Group g : groups) {
            long groupNet = 0;
            for (int i : g.lines) {
                groupNet += net[i];
            }
            total += groupNet;
            byCategory.merge(g.product.category(), groupNet, Long::sum);
        }
        IntList ranks = new IntList();
        int lookup = ++stamp;
        for (int rank : book.cartEverywhere()) {
            seen[rank] = lookup;
            ranks.add(rank);
        }
        for (Group g : groups) {
            book.cartCandidates(g.product, seen, lookup, ranks);
        }
        ranks.sort();
        List<Candidate> candidates = new ArrayList<>();
        for (int r = 0; r < ranks.size(); r++) {
            int rank = ranks.get(r);
            Promotion p = book.at(rank);
            if (p.stage() != stage || !eligible(rank) || stage == Stage.TENDER && !tenderAccepted(p)) {
                continue;
            }
            long base = switch (p.target().type()) {
                case ALL -> total;
                case CATEGORY -> {
                    long sum = 0;
                    for (String category : p.target().values()) {
                        sum += byCategory.getOrDefault(category, 0L);
                    }
                    yield sum;
                }
                case PRODUCT -> {
                    long sum = 0;
                    IntList covered = coveredLines(p);
                    for (int k = 0; k < covered.size(); k++) {
                        sum += net[covered.get(k)];
                    }
                    yield sum;
                }
            };
            long value = thresholdValue(p, base);
            if (value > 0 && available(p)) {
                candidates.add(new Candidate(rank, p, value));
            }
        }
        List<Candidate> chosen = select(candidates);
        chosen.sort(Comparator.comparingInt(Candidate::rank));
        for (Candidate c : chosen) {
            IntList covered = coveredLines(c.promotion());
            LongList weights = new LongList();
            long left = 0;
            for (int k = 0; k < covered.size(); k++) {
                weights.add(net[covered.get(k)]);
                left += net[covered.get(k)];
            }
            long amount = Math.min(c.value(), left);
            if (amount > 0) {
                cartDiscounts.add(discount(c.promotion(), amount, covered, weights));
                if (c.promotion().isCapped()) {
                    capUses.add(new CapUse(c.promotion().id(), context.tender().orElseThrow().payerKey(),
                            c.promotion().conditions().dailyCap()));
                }
            }
        }
    }

    /** The lines of the goods a cart promotion covers, products in id order. */
    private IntList coveredLines(Promotion p) {
        IntList covered = new IntList();
        for (Group g : groups) {
            if (p.target().matches(g.product)) {
                for (int i : g.lines) {
                    covered.add(i);
                }
            }
        }
        return covered;
    }

    private boolean tenderAccepted(Promotion p) {
        if (context.tender().isEmpty()) {
            return false;
        }
        BankTender tender = context.tender().get();
        if (!p.conditions().tender().accepts(tender.kind())) {
            return false;
        }
        List<String> prefixes = p.conditions().cardPrefixes();
        if (prefixes.isEmpty() || tender.kind() != BankTender.Kind.BANK_CARD) {
            return true;
        }
        String digits = tender.cardPrefixDigits();
        return prefixes.stream().anyMatch(digits::startsWith);
    }

    /** Whether a bank offer's cap lets this payer have it; says why not otherwise. */
    private boolean available(Promotion p) {
        if (!p.isCapped()) {
            return true;
        }
        BankTender tender = context.tender().orElseThrow();
        if (!tender.knowsPayer()) {
            unavailable.add(new UnavailableOffer(p.id(), p.name(), UnavailableOffer.Why.PAYER_UNKNOWN));
            return false;
        }
        if (context.usesToday(p.id()) >= p.conditions().dailyCap()) {
            unavailable.add(new UnavailableOffer(p.id(), p.name(), UnavailableOffer.Why.DAILY_CAP_REACHED));
            return false;
        }
        return true;
    }

    /** A threshold's discount on {@code base}: 0 below the threshold; never more than the cap or the base. */
    static long thresholdValue(Promotion p, long base) {
        Promotion.Terms t = p.terms();
        if (base <= 0 || base < t.minSpend().fen()) {
            return 0;
        }
        long value;
        if (t.amountOff().isPositive()) {
            value = t.stepped() ? Math.multiplyExact(base / t.minSpend().fen(), t.amountOff().fen()) : t.amountOff().fen();
        } else {
            value = Rounding.percentOf(Money.ofFen(base), t.percent()).fen();
        }
        if (t.maxOff().isPositive()) {
            value = Math.min(value, t.maxOff().fen());
        }
        return Math.min(value, base);
    }

    /**
     * The best allowed combination: all that stack (of each exclusivity group its best one), or a single exclusive
     * promotion when it alone gives more.
     */
    private static List<Candidate> select(List<Candidate> candidates) {
        candidates.sort(Comparator.comparingInt(Candidate::rank));
        Map<String, Candidate> bestOfGroup = new LinkedHashMap<>();
        List<Candidate> stacking = new ArrayList<>();
        Candidate bestExclusive = null;
        for (Candidate c : candidates) {
            Promotion.Combination combination = c.promotion().combination();
            if (combination.exclusive()) {
                if (bestExclusive == null || c.value() > bestExclusive.value()) {
                    bestExclusive = c;
                }
            } else if (combination.group().isEmpty()) {
                stacking.add(c);
            } else {
                bestOfGroup.merge(combination.group(), c, (a, b) -> b.value() > a.value() ? b : a);
            }
        }
        stacking.addAll(bestOfGroup.values());
        long together = 0;
        for (Candidate c : stacking) {
            together += c.value();
        }
        if (bestExclusive != null && bestExclusive.value() > together) {
            return new ArrayList<>(List.of(bestExclusive));
        }
        return stacking;
    }

    // ---------------------------------------------------------------------------------------------------- shares

    /** A discount of {@code value} fen spread over {@code shareLines} by {@code weights}, taken off their net amounts. */
    private Discount discount(Promotion p, long value, IntList shareLines, LongList weights) {
        long[] w = weights.toArray();
        long[] parts = Rounding.split(value, w);
        List<LineShare> shares = new ArrayList<>();
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] > 0) {
                int line = shareLines.get(k);
                net[line] -= parts[k];
                shares.add(new LineShare(line, Money.ofFen(-parts[k])));
            }
        }
        shares.sort(Comparator.comparingInt(LineShare::line));
        return new Discount(p.id(), p.name(), p.kind(), Money.ofFen(-value), shares);
    }

    private static int firstLine(Discount d) {
        return d.shares().isEmpty() ? Integer.MAX_VALUE : d.shares().get(0).line();
    }
}
