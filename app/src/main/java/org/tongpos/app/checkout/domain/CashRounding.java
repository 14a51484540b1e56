package org.tongpos.app.checkout.domain;

import java.util.Locale;
import org.tongpos.app.money.domain.Money;

/**
 * Cash rounding (抹零), the {@code cash.rounding} setting: what a sale paid wholly in cash costs. Card and code
 * payments always pay the exact total. The difference is a discount line on screen and receipt; the journal amount is
 * what was paid.
 */
public enum CashRounding {
    /** The exact total. */
    NONE,
    /** To the nearest 角 (0.05 and up rounds up). */
    JIAO,
    /** To the nearest 元 (0.50 and up rounds up). */
    YUAN,
    /** Down to the 角: the fen are dropped (抹分), never more than the total. */
    DOWN;

    /** The setting's value: none, jiao, yuan or down. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CashRounding of(String setting) {
        return valueOf(setting.strip().toUpperCase(Locale.ROOT));
    }

    /** What is paid in cash for {@code total}; zero or negative totals are left as they are. */
    public Money apply(Money total) {
        long fen = total.fen();
        if (fen <= 0) {
            return total;
        }
        long rounded = switch (this) {
            case NONE -> fen;
            case JIAO -> (fen + 5) / 10 * 10;
            case YUAN -> (fen + 50) / 100 * 100;
            case DOWN -> fen / 10 * 10;
        };
        return Money.ofFen(rounded == 0 ? fen : rounded);
    }
}
