package org.tongpos.app.checkout.service;

import java.time.format.DateTimeFormatter;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Tender;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;

/**
 * A sale's receipt as monospaced text of a given column width, Chinese characters counting two columns: what the
 * CLI prints and the screen previews.
 */
public final class ReceiptText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Messages messages;
    private final int columns;

    public ReceiptText(Messages messages, int columns) {
        if (columns < 24) {
            throw new IllegalArgumentException("a receipt needs at least 24 columns");
        }
        this.messages = messages;
        this.columns = columns;
    }

    public String format(CompletedSale sale, String storeName) {
        StringBuilder out = new StringBuilder(1024);
        center(out, storeName);
        spread(out, messages.get("receipt.cashier", sale.cashier()), sale.receiptNo());
        out.append(TIME.format(sale.occurredAt())).append('\n');
        rule(out);
        for (CartLine line : sale.lines()) {
            out.append(line.product().name()).append('\n');
            spread(out, "  " + quantityText(line), line.amount().toYuanString());
        }
        rule(out);
        spread(out, messages.get("receipt.items", sale.itemCount()),
                messages.get("receipt.total", "￥" + sale.total().toYuanString()));
        for (Tender tender : sale.tenders()) {
            spread(out, messages.get("tender." + tender.method().name()), tender.tendered().toYuanString());
        }
        Money change = sale.change();
        if (change.isPositive()) {
            spread(out, messages.get("receipt.change"), change.toYuanString());
        }
        rule(out);
        center(out, messages.get("receipt.thanks"));
        return out.toString();
    }

    private String quantityText(CartLine line) {
        if (line.isWeighed() && line.quantity() > 0) {
            return messages.get("receipt.weighedLine", kilograms(line.quantity()), line.unitPrice().toYuanString(),
                    line.product().unit().label());
        }
        if (line.quantity() == 0) {
            return messages.get("receipt.scalePriced");
        }
        return line.quantity() + " × " + line.unitPrice().toYuanString();
    }

    private static String kilograms(long grams) {
        return grams / 1000 + "." + String.format("%03d", grams % 1000) + "kg";
    }

    private void rule(StringBuilder out) {
        out.append("-".repeat(columns)).append('\n');
    }

    private void center(StringBuilder out, String text) {
        int pad = Math.max(0, (columns - width(text)) / 2);
        out.append(" ".repeat(pad)).append(text).append('\n');
    }

    private void spread(StringBuilder out, String left, String right) {
        int gap = columns - width(left) - width(right);
        if (gap < 1) {
            out.append(left).append('\n');
            gap = columns - width(right);
            out.append(" ".repeat(Math.max(0, gap))).append(right).append('\n');
            return;
        }
        out.append(left).append(" ".repeat(gap)).append(right).append('\n');
    }

    /** Printer columns taken by {@code text}: two for each wide (CJK, fullwidth) character, one otherwise. */
    public static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            width += c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                    || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                    || (c >= 0xFFE0 && c <= 0xFFE6)) ? 2 : 1;
        }
        return width;
    }
}
