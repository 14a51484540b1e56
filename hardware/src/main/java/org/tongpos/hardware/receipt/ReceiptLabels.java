package org.tongpos.hardware.receipt;

/** The fixed words on a receipt, in the terminal's language. */
public record ReceiptLabels(
        String receiptNumber,
        String time,
        String cashier,
        String item,
        String quantity,
        String unitPrice,
        String amount,
        String savings,
        String total,
        String change,
        String thanks) {

    public static ReceiptLabels chinese() {
        return new ReceiptLabels("单号", "时间", "收银员", "品名", "数量", "单价", "金额", "优惠", "合计", "找零", "谢谢惠顾，欢迎再次光临");
    }

    public static ReceiptLabels english() {
        return new ReceiptLabels("No.", "Time", "Cashier", "Item", "Qty", "Price", "Amount", "Savings", "Total", "Change",
                "Thank you for shopping with us");
    }
}
