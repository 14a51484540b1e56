package org.tongpos.hardware.receipt;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What a sales (or meal) receipt says, as plain data: amounts in fen, time as the wall-clock time to print.
 * {@code details} are label/value lines after the payment (a canteen's diner, meal period, subsidy, balance);
 * {@code receiptId} goes into the QR code; {@code footer} lines are printed centred at the end; {@code adjustments}
 * are label/value lines before the savings and the total (满100减10: -10.00, a bank's offer, 抹零).
 */
public record Receipt(
        String storeName,
        String receiptNumber,
        LocalDateTime time,
        String cashier,
        List<ReceiptLine> lines,
        long savingsFen,
        long totalFen,
        List<ReceiptTender> tenders,
        long changeFen,
        String receiptId,
        List<ReceiptField> details,
        List<String> footer,
        List<ReceiptField> adjustments) {

    /** A receipt without adjustments before the total. */
    public Receipt(String storeName, String receiptNumber, LocalDateTime time, String cashier, List<ReceiptLine> lines,
                   long savingsFen, long totalFen, List<ReceiptTender> tenders, long changeFen, String receiptId,
                   List<ReceiptField> details, List<String> footer) {
        this(storeName, receiptNumber, time, cashier, lines, savingsFen, totalFen, tenders, changeFen, receiptId,
                details, footer, List.of());
    }

    /** A receipt without detail lines (a plain sale). */
    public Receipt(String storeName, String receiptNumber, LocalDateTime time, String cashier, List<ReceiptLine> lines,
                   long savingsFen, long totalFen, List<ReceiptTender> tenders, long changeFen, String receiptId,
                   List<String> footer) {
        this(storeName, receiptNumber, time, cashier, lines, savingsFen, totalFen, tenders, changeFen, receiptId,
                List.of(), footer);
    }

    public Receipt {
        Objects.requireNonNull(storeName, "storeName");
        Objects.requireNonNull(receiptNumber, "receiptNumber");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(cashier, "cashier");
        lines = List.copyOf(lines);
        tenders = List.copyOf(tenders);
        details = details == null ? List.of() : List.copyOf(details);
        footer = footer == null ? List.of() : List.copyOf(footer);
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
        if (savingsFen < 0 || changeFen < 0) {
            throw new IllegalArgumentException("savings and change are printed as non-negative amounts");
        }
    }
}
