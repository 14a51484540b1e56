package org.tongpos.app.shifts.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongpos.app.money.domain.Money;

/**
 * What the cashier counted in the drawer: either by denomination (the blind count: {@code 100x3,50x1,0.5x4}) or one
 * total. Denominations are the renminbi notes and coins in use: 100, 50, 20, 10, 5, 1 yuan, 5 and 1 jiao.
 */
public final class DrawerCount {

    /** The denominations in fen, largest first. */
    public static final List<Long> DENOMINATIONS_FEN = List.of(10000L, 5000L, 2000L, 1000L, 500L, 100L, 50L, 10L);

    private final Map<Long, Long> pieces;
    private final Money total;

    private DrawerCount(Map<Long, Long> pieces, Money total) {
        this.pieces = Collections.unmodifiableMap(pieces);
        this.total = total;
    }

    /** A count given only as its total ({@code shift close --counted YUAN}). */
    public static DrawerCount ofTotal(Money total) {
        if (total.isNegative()) {
            throw new IllegalArgumentException("a counted drawer is not negative");
        }
        return new DrawerCount(new LinkedHashMap<>(), total);
    }

    /** A count by denomination, fen of a note or coin to how many; every denomination must be one of ours. */
    public static DrawerCount ofPieces(Map<Long, Long> piecesByFen) {
        Map<Long, Long> sorted = new LinkedHashMap<>();
        long fen = 0;
        for (long denomination : DENOMINATIONS_FEN) {
            long count = piecesByFen.getOrDefault(denomination, 0L);
            if (count < 0) {
                throw new IllegalArgumentException("a count is not negative");
            }
            if (count > 0) {
                sorted.put(denomination, count);
                fen = Math.addExact(fen, Math.multiplyExact(denomination, count));
            }
        }
        for (long denomination : piecesByFen.keySet()) {
            if (!DENOMINATIONS_FEN.contains(denomination)) {
                throw new IllegalArgumentException("not a denomination: " + Money.ofFen(denomination).toYuanString());
            }
        }
        return new DrawerCount(sorted, Money.ofFen(fen));
    }

    /**
     * Parses {@code 100x3,50x1,0.5x4} (yuan × pieces; a denomination may appear once).
     *
     * @return empty when the text is not such a list
     */
    public static Optional<DrawerCount> parse(String text) {
        Map<Long, Long> pieces = new LinkedHashMap<>();
        for (String part : text.split(",", -1)) {
            String[] halves = part.trim().split("[xX×*]", -1);
            if (halves.length != 2 || !halves[1].matches("\\d{1,6}")) {
                return Optional.empty();
            }
            long denomination;
            try {
                denomination = Money.parseYuan(halves[0].trim()).fen();
            } catch (IllegalArgumentException | ArithmeticException e) {
                return Optional.empty();
            }
            if (!DENOMINATIONS_FEN.contains(denomination) || pieces.containsKey(denomination)) {
                return Optional.empty();
            }
            pieces.put(denomination, Long.parseLong(halves[1]));
        }
        return Optional.of(ofPieces(pieces));
    }

    public Money total() {
        return total;
    }

    /** Pieces by denomination (fen), largest first; empty when only the total was given. */
    public Map<Long, Long> pieces() {
        return pieces;
    }

    public boolean byDenomination() {
        return !pieces.isEmpty();
    }

    /** The count as text for the record: {@code 100x3,50x1} or the total in yuan. */
    public String describe() {
        if (pieces.isEmpty()) {
            return total.toYuanString();
        }
        List<String> parts = new ArrayList<>();
        pieces.forEach((fen, count) -> parts.add(Money.ofFen(fen).toYuanString().replaceAll("\\.0+$", "") + "x" + count));
        return String.join(",", parts);
    }
}
