package org.tongpos.hardware.receipt;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.tongpos.hardware.escpos.Alignment;
import org.tongpos.hardware.escpos.BarcodeType;
import org.tongpos.hardware.escpos.EscPosEncoder;
import org.tongpos.hardware.escpos.QrErrorCorrection;

/**
 * The printer test page ({@code device test-print}, the settings screen's test button): Chinese text in every size,
 * the column ruler, ￥, an EAN-13 and a CODE128 barcode, a QR code with Chinese content, and a cut.
 */
public final class TestPage {

    public static final String QR_CONTENT = "TongPOS 测试页 ✓";
    public static final String EAN13 = "6901234567892";
    public static final String CODE128 = "TONGPOS-TEST-01";

    private TestPage() {
    }

    public static byte[] encode(PaperWidth paper, LocalDateTime printedAt, boolean openDrawer) {
        EscPosEncoder out = new EscPosEncoder().initialize().chineseMode(true);
        if (openDrawer) {
            out.drawerKick();
        }
        out.align(Alignment.CENTER).bold(true).doubleSize(true).line("打印测试").doubleSize(false).bold(false);
        out.line(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(printedAt));
        out.align(Alignment.LEFT);
        StringBuilder ruler = new StringBuilder(paper.columns());
        for (int i = 1; i <= paper.columns(); i++) {
            ruler.append(i % 10);
        }
        out.line(ruler);
        out.line("中文：通商超市 食堂 停车 校园");
        out.line("金额：￥1234.56");
        out.bold(true).line("粗体 Bold").bold(false);
        out.size(2, 1).line("倍宽").size(1, 2).line("倍高").size(1, 1);
        out.align(Alignment.CENTER);
        out.barcode(BarcodeType.EAN13, EAN13, 80, 2, true);
        out.barcode(BarcodeType.CODE128, CODE128, 80, 2, true);
        out.qrCode(QR_CONTENT, 6, QrErrorCorrection.M);
        out.line(paper.columns() + " 列 / " + paper.dots() + " 点");
        out.align(Alignment.LEFT).feedLines(3).cut(true);
        return out.toBytes();
    }
}
