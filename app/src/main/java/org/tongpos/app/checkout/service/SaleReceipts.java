package org.tongpos.app.checkout.service;

import java.util.ArrayList;
import java.util.List;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Tender;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.promotions.domain.Discount;
import org.tongpos.app.promotions.domain.Stage;
import org.tongpos.hardware.escpos.EscPosDecoder;
import org.tongpos.hardware.escpos.EscPosElement;
import org.tongpos.hardware.escpos.TextWidth;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.hardware.receipt.Receipt;
import org.tongpos.hardware.receipt.ReceiptField;
import org.tongpos.hardware.receipt.ReceiptLabels;
import org.tongpos.hardware.receipt.ReceiptLayout;
import org.tongpos.hardware.receipt.ReceiptLine;
import org.tongpos.hardware.receipt.ReceiptTender;
import org.tongpos.sync.journal.TenderMethod;

/**
 * A completed sale as the ESC/POS bytes its receipt prints as, in the terminal's language: the same bytes go to the
 * printer and to the on-screen preview, and their text lines are what the command line prints. The QR code carries
 * the receipt number, which a return scans (docs/till.md).
 */
public final class SaleReceipts {

    private final Messages messages;
    private final String storeName;

    public SaleReceipts(Messages messages, String storeName) {
        this.messages = messages;
        this.storeName = storeName;
    }

    /** The same store's receipts in another language (the cashier switched it in the settings). */
    public SaleReceipts withMessages(Messages other) {
        return new SaleReceipts(other, storeName);
    }

    public Receipt receipt(CompletedSale sale) {
        List<ReceiptLine> lines = new ArrayList<>(sale.lines().size());
        for (int i = 0; i < sale.lines().size(); i++) {
            CartLine line = sale.lines().get(i);
            List<ReceiptField> notes = new ArrayList<>();
            for (Discount d : sale.discounts()) {
                if (d.stage() == Stage.ITEM && d.lastLine() == i) {
                    notes.add(new ReceiptField(d.name(), d.amount().toYuanString()));
                }
            }
            if (line.quantity() == 0) {
                // priced by the scale's label, weight unknown: one package at the label's price
                lines.add(new ReceiptLine(line.product().name(), 1000, line.amount().fen(), line.amount().fen(),
                        notes));
                continue;
            }
            // pieces count in thousandths, grams are thousandths of a kilogram already
            long quantity = line.isWeighed() ? line.quantity() : Math.multiplyExact(line.quantity(), 1000L);
            lines.add(new ReceiptLine(line.product().name(), quantity, line.unitPrice().fen(), line.amount().fen(),
                    notes));
        }
        List<ReceiptField> adjustments = new ArrayList<>();
        if (!sale.discounts().isEmpty()) {
            adjustments.add(new ReceiptField(messages.get("receipt.subtotal"), sale.subtotal().toYuanString()));
        }
        for (Discount d : sale.discounts()) {
            if (d.stage() != Stage.ITEM) {
                adjustments.add(new ReceiptField(d.name(), d.amount().toYuanString()));
            }
        }
        List<ReceiptTender> tenders = new ArrayList<>();
        for (Tender tender : sale.tenders()) {
            tenders.add(new ReceiptTender(messages.get("tender." + tender.method().name()), tender.tendered().fen()));
        }
        List<ReceiptField> details = new ArrayList<>();
        for (Tender tender : sale.tenders()) {
            if (tender.method() == TenderMethod.BANK_CARD) {
                if (!tender.cardNumber().isEmpty()) {
                    details.add(new ReceiptField(messages.get("receipt.card.number"), tender.cardNumber()));
                }
                details.add(new ReceiptField(messages.get("receipt.card.reference"), tender.reference()));
            }
        }
        if (sale.rounding().isPositive()) {
            details.add(new ReceiptField(messages.get("checkout.rounding"),
                    "-" + sale.rounding().toYuanString()));
        } else if (sale.rounding().isNegative()) {
            details.add(new ReceiptField(messages.get("checkout.rounding"),
                    "+" + sale.rounding().negate().toYuanString()));
        }
        return new Receipt(storeName, sale.receiptNo(), sale.occurredAt().toLocalDateTime(), sale.cashier(), lines,
                sale.totalDiscount().negate().fen(), sale.total().fen(), tenders, sale.change().fen(), sale.receiptNo(),
                details, List.of(), adjustments);
    }

    /** The receipt's bytes for {@code paper}; the drawer is opened separately, so a reprint never opens it. */
    public byte[] encode(CompletedSale sale, PaperWidth paper) {
        return new ReceiptLayout(paper, labels()).encode(receipt(sale), false);
    }

    /** The receipt's text as it prints, line by line, centred lines centred: for the command line and previews. */
    public String text(CompletedSale sale, PaperWidth paper) {
        StringBuilder text = new StringBuilder(1024);
        for (EscPosElement element : EscPosDecoder.decode(encode(sale, paper))) {
            if (element instanceof EscPosElement.TextLine line) {
                String content = line.text();
                int pad = line.alignment() == org.tongpos.hardware.escpos.Alignment.CENTER
                        ? Math.max(0, (paper.columns() - TextWidth.columns(content)) / 2) : 0;
                text.append(" ".repeat(pad)).append(content).append('\n');
            }
        }
        return text.toString();
    }

    private ReceiptLabels labels() {
        return messages.locale().getLanguage().equals("zh") ? ReceiptLabels.chinese() : ReceiptLabels.english();
    }
}
