package org.tongpos.app.returns.service;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.returns.domain.CompletedReturn;
import org.tongpos.hardware.escpos.Alignment;
import org.tongpos.hardware.escpos.EscPosDecoder;
import org.tongpos.hardware.escpos.EscPosElement;
import org.tongpos.hardware.escpos.EscPosEncoder;
import org.tongpos.hardware.escpos.TextWidth;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.sync.journal.EntryTender;

/**
 * The refund slip (退货单) the receipt printer prints after a return, in the terminal's language: the original
 * receipt number, the REFUND entry's seq, the goods returned with what each paid back, the total and each tender
 * refunded, the reason and who approved. The same bytes decode to the text the screen shows.
 */
public final class RefundReceipts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A line returned: its name, what was returned (pieces, or the whole weighed line) and what it paid back. */
    public record ReturnedLine(String name, long units, boolean whole, long amountFen) {
    }

    /** Who and why, for the slip. */
    public record Details(OffsetDateTime at, String cashier, String approver, String reason) {
    }

    private final Messages messages;
    private final String storeName;

    public RefundReceipts(Messages messages, String storeName) {
        this.messages = messages;
        this.storeName = storeName;
    }

    /** The slip's bytes for the printer; opens the drawer first when cash is paid back and {@code drawer} is set. */
    public byte[] encode(CompletedReturn done, List<ReturnedLine> lines, Details details, PaperWidth paper,
                         boolean drawer) {
        int width = paper.columns();
        EscPosEncoder out = new EscPosEncoder().initialize().chineseMode(true);
        if (drawer) {
            out.drawerKick();
        }
        out.align(Alignment.CENTER).bold(true).line(storeName).line(m("return.slip.title")).bold(false)
                .align(Alignment.LEFT);
        out.line(pair(m("return.slip.original"),
                done.receiptNo().isEmpty() ? m("return.slip.noReceipt") : done.receiptNo(), width));
        out.line(pair(m("return.slip.seq"), Long.toString(done.seq()), width));
        out.line(pair(m("return.slip.time"), TIME.format(details.at()), width));
        out.line(pair(m("return.slip.cashier"), details.cashier(), width));
        if (!details.approver().isEmpty()) {
            out.line(pair(m("return.slip.approver"), details.approver(), width));
        }
        out.line("-".repeat(width));
        for (ReturnedLine line : lines) {
            String quantity = line.whole() ? m("return.slip.whole") : "×" + line.units();
            String label = line.name() + " " + quantity;
            for (String part : pair(label, "-" + yuan(line.amountFen()), width).split("\n", -1)) {
                out.line(part);
            }
        }
        out.line("-".repeat(width));
        out.bold(true).line(pair(m("return.slip.total"), "-" + yuan(done.amountFen()), width)).bold(false);
        for (EntryTender tender : done.tenders()) {
            out.line(pair("  " + m("tender." + tender.method().name()), "-" + yuan(tender.amountFen()), width));
        }
        if (!details.reason().isEmpty()) {
            out.line(m("return.slip.reason", details.reason()));
        }
        out.feedLines(3).cut(true);
        return out.toBytes();
    }

    /** The slip as text, line by line (centred lines centred), for the screen. */
    public String text(CompletedReturn done, List<ReturnedLine> lines, Details details, PaperWidth paper) {
        StringBuilder text = new StringBuilder(512);
        for (EscPosElement element : EscPosDecoder.decode(encode(done, lines, details, paper, false))) {
            if (element instanceof EscPosElement.TextLine line) {
                String content = line.text();
                int pad = line.alignment() == Alignment.CENTER
                        ? Math.max(0, (paper.columns() - TextWidth.columns(content)) / 2) : 0;
                text.append(" ".repeat(pad)).append(content).append('\n');
            }
        }
        return text.toString();
    }

    private String m(String key, Object... args) {
        return messages.get(key, args);
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }

    private static String pair(String label, String value, int width) {
        int used = TextWidth.columns(label) + TextWidth.columns(value);
        if (used + 1 <= width) {
            return label + " ".repeat(width - used) + value;
        }
        return label + "\n" + " ".repeat(Math.max(0, width - TextWidth.columns(value))) + value;
    }
}
