package org.tongpos.app.shifts.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.shifts.domain.CashMovement;
import org.tongpos.app.shifts.domain.ShiftFigures;
import org.tongpos.app.shifts.domain.ShiftReport;
import org.tongpos.hardware.escpos.Alignment;
import org.tongpos.hardware.escpos.EscPosDecoder;
import org.tongpos.hardware.escpos.EscPosElement;
import org.tongpos.hardware.escpos.EscPosEncoder;
import org.tongpos.hardware.escpos.TextWidth;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.sync.journal.TenderMethod;

/**
 * X and Z reports as the receipt printer prints them (ESC/POS, Chinese mode, 58 or 80 mm) in the terminal's language;
 * the same bytes decode to the text the command line prints and the window shows.
 */
public final class ShiftReports {

    private final Messages messages;
    private final String storeName;

    public ShiftReports(Messages messages, String storeName) {
        this.messages = messages;
        this.storeName = storeName;
    }

    /** The report's bytes for the printer. */
    public byte[] encode(ShiftReport report, PaperWidth paper) {
        int width = paper.columns();
        EscPosEncoder out = new EscPosEncoder().initialize().chineseMode(true);
        out.align(Alignment.CENTER).bold(true).line(storeName)
                .line(messages.get("shift.report.title." + report.kind().name())).bold(false).align(Alignment.LEFT);
        for (String row : rows(report, width)) {
            for (String part : row.split("\n", -1)) {
                out.line(part);
            }
        }
        out.feedLines(3).cut(true);
        return out.toBytes();
    }

    /** The report as text, line by line (centred lines centred), for the command line and the screen. */
    public String text(ShiftReport report, PaperWidth paper) {
        StringBuilder text = new StringBuilder(1024);
        for (EscPosElement element : EscPosDecoder.decode(encode(report, paper))) {
            if (element instanceof EscPosElement.TextLine line) {
                String content = line.text();
                int pad = line.alignment() == Alignment.CENTER
                        ? Math.max(0, (paper.columns() - TextWidth.columns(content)) / 2) : 0;
                text.append(" ".repeat(pad)).append(content).append('\n');
            }
        }
        return text.toString();
    }

    private List<String> rows(ShiftReport report, int width) {
        ShiftFigures f = report.figures();
        List<String> rows = new ArrayList<>();
        String rule = "-".repeat(width);
        rows.add(pair(m("shift.report.shift"), Long.toString(report.shift().id()), width));
        rows.add(pair(m("shift.report.openedBy"), report.shift().openedBy(), width));
        rows.add(pair(m("shift.report.openedAt"), time(report.shift().openedAt()), width));
        report.shift().closedAt().ifPresent(t -> rows.add(pair(m("shift.report.closedAt"), time(t), width)));
        rows.add(pair(m("shift.report.printedAt"), time(report.printedAt()), width));
        rows.add(pair(m("shift.report.printedBy"), report.printedBy(), width));
        rows.add(rule);
        rows.add(pair(m("shift.report.sales", f.sales()), yuan(f.salesTotal()), width));
        rows.add(pair(m("shift.report.refunds", f.refunds()), yuan(f.refundsTotal()), width));
        rows.add(pair(m("shift.report.voids", report.voids().lines(), report.voids().sales()),
                yuan(report.voids().amount()), width));
        rows.add(m("shift.report.discounts"));
        if (report.discounts().isEmpty()) {
            rows.add("  " + m("shift.report.none"));
        }
        for (Map.Entry<String, Money> discount : new TreeMap<>(report.discounts()).entrySet()) {
            rows.add(pair("  " + discount.getKey(), yuan(discount.getValue()), width));
        }
        rows.add(rule);
        rows.add(m("shift.report.tenders"));
        for (TenderMethod method : TenderMethod.values()) {
            Money sold = f.salesByMethod().getOrDefault(method, Money.ZERO);
            Money refunded = f.refundsByMethod().getOrDefault(method, Money.ZERO);
            if (sold.isZero() && refunded.isZero()) {
                continue;
            }
            rows.add(pair("  " + m("tender." + method.name()), yuan(f.net(method)), width));
            if (!refunded.isZero()) {
                rows.add(pair("    " + m("shift.report.refunded"), yuan(refunded.negate()), width));
            }
        }
        rows.add(rule);
        rows.add(pair(m("shift.report.float"), yuan(f.openingFloat()), width));
        rows.add(pair(m("shift.report.cashSales"), yuan(f.salesByMethod().getOrDefault(TenderMethod.CASH, Money.ZERO)),
                width));
        rows.add(pair(m("shift.report.cashRefunds"),
                yuan(f.refundsByMethod().getOrDefault(TenderMethod.CASH, Money.ZERO).negate()), width));
        rows.add(pair(m("shift.report.paidIn"), yuan(f.paidIn()), width));
        rows.add(pair(m("shift.report.paidOut"), yuan(f.paidOut().negate()), width));
        for (CashMovement movement : report.movements()) {
            rows.add("  " + m("shift.report.movement." + movement.kind().name(), yuan(movement.amount()),
                    movement.reason()));
        }
        rows.add(pair(m("shift.report.expectedCash"), yuan(f.expectedCash()), width));
        report.count().ifPresent(count -> {
            for (Map.Entry<Long, Long> piece : count.pieces().entrySet()) {
                rows.add(pair("  " + yuan(Money.ofFen(piece.getKey())) + " × " + piece.getValue(),
                        yuan(Money.ofFen(piece.getKey() * piece.getValue())), width));
            }
            rows.add(pair(m("shift.report.countedCash"), yuan(count.total()), width));
            Money difference = report.overShort().orElseThrow();
            String label = difference.isNegative() ? m("shift.report.short")
                    : difference.isZero() ? m("shift.report.balanced") : m("shift.report.over");
            rows.add(pair(label, yuan(difference), width));
            if (!report.reason().isEmpty()) {
                rows.add(m("shift.report.reason", report.reason()));
            }
        });
        return rows;
    }

    private String m(String key, Object... args) {
        return messages.get(key, args);
    }

    private static String yuan(Money money) {
        return money.toYuanString();
    }

    /** {@code 2026-12-05T09:00:00+08:00} as {@code 2026-12-05 09:00:00}. */
    private static String time(String apiTime) {
        String local = apiTime.length() >= 19 ? apiTime.substring(0, 19) : apiTime;
        return local.replace('T', ' ');
    }

    /** Label left, value right; on two lines when both do not fit. */
    static String pair(String label, String value, int width) {
        int used = TextWidth.columns(label) + TextWidth.columns(value);
        if (used + 1 <= width) {
            return label + " ".repeat(width - used) + value;
        }
        return label + "\n" + " ".repeat(Math.max(0, width - TextWidth.columns(value))) + value;
    }
}
