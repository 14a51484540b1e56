package org.tongpos.hardware.receipt;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Receipts used by several tests. */
public final class SampleReceipts {

    private SampleReceipts() {
    }

    public static Receipt small() {
        return new Receipt("通商超市（城关店）", "R20240501-0001", LocalDateTime.of(2024, 5, 1, 12, 30, 5), "张三",
                List.of(ReceiptLine.pieces("可口可乐 500ml", 2, 350),
                        new ReceiptLine("五常大米（散装）特级新米称重", 1234, 890, 1098),
                        ReceiptLine.pieces("Lay's chips", 1, 650)),
                100, 2448, List.of(new ReceiptTender("现金", 5000)), 2552, "TQ1.R20240501-0001",
                List.of("退换货请保留小票"));
    }

    public static Receipt withLines(int count) {
        List<ReceiptLine> lines = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < count; i++) {
            ReceiptLine line = ReceiptLine.pieces("康师傅红烧牛肉面" + i + "号", 1 + i % 3, 450 + i);
            lines.add(line);
            total += line.amountFen();
        }
        return new Receipt("通商超市", "R" + count, LocalDateTime.of(2024, 5, 1, 8, 0), "李四", lines, 0, total,
                List.of(new ReceiptTender("微信支付", total)), 0, "receipt-" + count, List.of());
    }
}
