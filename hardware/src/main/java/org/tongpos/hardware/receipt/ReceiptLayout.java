package org.tongpos.hardware.receipt;

import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.tongpos.hardware.escpos.Alignment;
import org.tongpos.hardware.escpos.EscPosEncoder;
import org.tongpos.hardware.escpos.MonochromeBitmap;
import org.tongpos.hardware.escpos.QrErrorCorrection;
import org.tongpos.hardware.escpos.TextWidth;

/**
 * Lays a {@link Receipt} out in ESC/POS for a paper width: Chinese characters take two columns, names that do not
 * fit wrap, numbers are right-aligned in their columns. On 58 mm each item takes two lines (name, then quantity ×
 * price and amount); on 80 mm the name shares the line with the numbers.
 */
public final class ReceiptLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int QUANTITY_COLUMNS = 7;
    private static final int PRICE_COLUMNS = 10;
    private static final int AMOUNT_COLUMNS = 11;

    private final PaperWidth paper;
    private final ReceiptLabels labels;
    private final MonochromeBitmap logo;

    public ReceiptLayout(PaperWidth paper, ReceiptLabels labels) {
        this(paper, labels, null);
    }

    /** With a logo printed centred above the store name (at most the paper's width in dots). */
    public ReceiptLayout(PaperWidth paper, ReceiptLabels labels, MonochromeBitmap logo) {
        this.paper = Objects.requireNonNull(paper, "paper");
        this.labels = Objects.requireNonNull(labels, "labels");
        if (logo != null && logo.widthDots() > paper.dots()) {
            throw new IllegalArgumentException("logo of " + logo.widthDots() + " dots is wider than the paper ("
                    + paper.dots() + ")");
        }
        this.logo = logo;
    }

    public PaperWidth paper() {
        return paper;
    }

    /** The whole receipt: init, Chinese mode, content, QR of the receipt id, cut; opens the drawer if asked. */
    public byte[] encode(Receipt receipt, boolean openDrawer) {
        EscPosEncoder encoder = new EscPosEncoder();
        write(receipt, openDrawer, encoder);
        return encoder.toBytes();
    }

    /** The whole receipt into {@code out}: header, items, totals and tenders, footer with the QR code, cut. */
    public void write(Receipt receipt, boolean openDrawer, EscPosEncoder out) {
        int width = paper.columns();
        out.initialize().chineseMode(true);
        if (openDrawer) {
            out.drawerKick();
        }
        writeHeader(receipt, out, width);
        writeItems(receipt, out, width);
        writeTotals(receipt, out, width);
        writeFooter(receipt, out, width);
        out.align(Alignment.LEFT).feedLines(3).cut(true);
    }

    /** Logo, store name in double size, receipt number, time and cashier. */
    private void writeHeader(Receipt receipt, EscPosEncoder out, int width) {
        out.align(Alignment.CENTER);
        if (logo != null) {
            out.raster(logo);
        }
        out.bold(true).doubleSize(true);
        writeWrapped(out, receipt.storeName(), width / 2);
        out.doubleSize(false).bold(false).align(Alignment.LEFT);
        writeWrapped(out, labeled(labels.receiptNumber(), receipt.receiptNumber()), width);
        writeWrapped(out, labeled(labels.time(), TIME.format(receipt.time())), width);
        writeWrapped(out, labeled(labels.cashier(), receipt.cashier()), width);
    }

    /** The column headings between rules, then every item. */
    private void writeItems(Receipt receipt, EscPosEncoder out, int width) {
        out.line(rule(width));
        if (width >= 42) {
            out.line(itemRow(labels.item(), labels.quantity(), labels.unitPrice(), labels.amount(), width));
        } else {
            out.line(labels.item());
            out.line(numbersRow(labels.quantity(), labels.unitPrice(), labels.amount(), width));
        }
        out.line(rule(width));
        for (ReceiptLine line : receipt.lines()) {
            writeItem(line, out, width);
        }
    }

    /** On 80 mm the name shares its first line with the numbers when that fits; otherwise name, then numbers. */
    private void writeItem(ReceiptLine line, EscPosEncoder out, int width) {
        writeItemRow(line, out, width);
        for (ReceiptField note : line.notes()) {
            writeSpread(out, "  " + note.label(), note.value(), width);
        }
    }

    private void writeItemRow(ReceiptLine line, EscPosEncoder out, int width) {
        String quantity = Fen.quantity(line.quantityThousandths());
        String price = Fen.format(line.unitPriceFen());
        String amount = Fen.format(line.amountFen());
        if (width >= 42) {
            int nameColumns = width - QUANTITY_COLUMNS - PRICE_COLUMNS - AMOUNT_COLUMNS;
            java.util.List<String> parts = wrap(line.name(), nameColumns);
            String first = itemRow(parts.get(0), quantity, price, amount, width);
            if (TextWidth.columns(first) <= width) {
                out.line(first);
                for (int i = 1; i < parts.size(); i++) {
                    out.line(parts.get(i));
                }
                return;
            }
        }
        writeWrapped(out, line.name(), width);
        writeNumbers(out, quantity, price, amount, width);
    }

    /** Savings, the total in bold, each tender, the change and the receipt's other details. */
    private void writeTotals(Receipt receipt, EscPosEncoder out, int width) {
        out.line(rule(width));
        for (ReceiptField adjustment : receipt.adjustments()) {
            writeSpread(out, adjustment.label() + ":", adjustment.value(), width);
        }
        if (receipt.savingsFen() > 0) {
            writeSpread(out, labels.savings() + ":", "-" + Fen.format(receipt.savingsFen()), width);
        }
        out.bold(true);
        writeSpread(out, labels.total() + ":", "￥" + Fen.format(receipt.totalFen()), width);
        out.bold(false);
        for (ReceiptTender tender : receipt.tenders()) {
            writeSpread(out, tender.method() + ":", Fen.format(tender.amountFen()), width);
        }
        if (receipt.changeFen() > 0) {
            writeSpread(out, labels.change() + ":", Fen.format(receipt.changeFen()), width);
        }
        for (ReceiptField field : receipt.details()) {
            writeSpread(out, field.label() + ":", field.value(), width);
        }
        out.line(rule(width));
    }

    /** The receipt id as a QR code, the footer lines and the thanks, centred. */
    private void writeFooter(Receipt receipt, EscPosEncoder out, int width) {
        out.align(Alignment.CENTER);
        if (receipt.receiptId() != null && !receipt.receiptId().isEmpty()) {
            out.qrCode(receipt.receiptId(), paper.columns() >= 42 ? 6 : 5, QrErrorCorrection.M);
        }
        for (String footerLine : receipt.footer()) {
            writeWrapped(out, footerLine, width);
        }
        writeWrapped(out, labels.thanks(), width);
    }

    private static void writeWrapped(EscPosEncoder out, String text, int columns) {
        for (String part : wrap(text, columns)) {
            out.line(part);
        }
    }

    /** Quantity, price and amount on one line, or (numbers too long for the paper) amount on a line of its own. */
    private void writeNumbers(EscPosEncoder out, String quantity, String price, String amount, int width) {
        String numbers = numbersRow(quantity, price, amount, width);
        if (TextWidth.columns(numbers) <= width) {
            out.line(numbers);
            return;
        }
        out.line("  " + quantity + " x " + price);
        out.line(spread("", amount, width));
    }

    /** Label left, value right; a label too long for that gets its own (wrapped) lines above the value. */
    private void writeSpread(EscPosEncoder out, String left, String right, int width) {
        if (TextWidth.columns(left) + 1 + TextWidth.columns(right) <= width) {
            out.line(spread(left, right, width));
            return;
        }
        writeWrapped(out, left, width);
        out.line(spread("", right, width));
    }

    private String labeled(String label, String value) {
        return label + ": " + value;
    }

    private String rule(int width) {
        StringBuilder row = new StringBuilder(64);
        for (int i = 0; i < width; i++) {
            row.append('-');
        }
        return row.toString();
    }

    private String itemRow(String name, String quantity, String price, String amount, int width) {
        StringBuilder row = new StringBuilder(64);
        int nameColumns = width - QUANTITY_COLUMNS - PRICE_COLUMNS - AMOUNT_COLUMNS;
        row.append(name);
        pad(row, nameColumns - TextWidth.columns(name));
        padLeft(row, quantity, QUANTITY_COLUMNS);
        padLeft(row, price, PRICE_COLUMNS);
        padLeft(row, amount, AMOUNT_COLUMNS);
        return row.toString();
    }

    private String numbersRow(String quantity, String price, String amount, int width) {
        StringBuilder row = new StringBuilder(64);
        pad(row, 2);
        row.append(quantity);
        int used = 2 + TextWidth.columns(quantity);
        int priceEnd = width - AMOUNT_COLUMNS;
        pad(row, Math.max(1, priceEnd - used - TextWidth.columns(price)));
        row.append(price);
        padLeft(row, amount, AMOUNT_COLUMNS);
        return row.toString();
    }

    /** Label on the left, value on the right edge. */
    private String spread(String left, String right, int width) {
        StringBuilder row = new StringBuilder(64);
        row.append(left);
        pad(row, Math.max(1, width - TextWidth.columns(left) - TextWidth.columns(right)));
        row.append(right);
        return row.toString();
    }

    private static void padLeft(StringBuilder row, String value, int columns) {
        pad(row, Math.max(1, columns - TextWidth.columns(value)));
        row.append(value);
    }

    private static void pad(StringBuilder row, int spaces) {
        for (int i = 0; i < spaces; i++) {
            row.append(' ');
        }
    }

    /** Splits text into pieces of at most {@code columns} printed columns, never inside a character. */
    static java.util.List<String> wrap(String text, int columns) {
        java.util.List<String> parts = new java.util.ArrayList<>(2);
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int w = TextWidth.columns(codePoint);
            if (used + w > columns && i > start) {
                parts.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += w;
            i += Character.charCount(codePoint);
        }
        if (start < text.length() || parts.isEmpty()) {
            parts.add(text.substring(start));
        }
        return parts;
    }
}
