package org.tongpos.hardware.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpos.hardware.escpos.EscPosDecoder;
import org.tongpos.hardware.escpos.EscPosElement;
import org.tongpos.hardware.escpos.EscPosRenderer;
import org.tongpos.hardware.escpos.TextWidth;
import org.tongpos.hardware.testsupport.ImageCodes;

class ReceiptLayoutTest {

    @Test
    void narrowReceiptKeepsEveryLineWithin32ColumnsCountingChineseAsTwo() {
        byte[] bytes = new ReceiptLayout(PaperWidth.MM58, ReceiptLabels.chinese()).encode(SampleReceipts.small(), false);
        List<EscPosElement.TextLine> lines = EscPosDecoder.decode(bytes).stream()
                .filter(EscPosElement.TextLine.class::isInstance).map(EscPosElement.TextLine.class::cast).toList();
        for (EscPosElement.TextLine line : lines) {
            int columns = line.runs().stream()
                    .mapToInt(r -> TextWidth.columns(r.text()) * r.widthMultiplier()).sum();
            assertThat(columns).as(line.text()).isLessThanOrEqualTo(32);
        }
        List<String> text = lines.stream().map(EscPosElement.TextLine::text).toList();
        assertThat(text).contains("通商超市（城关店", "）", "收银员: 张三", "可口可乐 500ml", "退换货请保留小票");
        assertThat(text).anySatisfy(l -> assertThat(l).startsWith("合计:").endsWith("￥24.48")
                .satisfies(s -> assertThat(TextWidth.columns(s)).isEqualTo(32)));
        assertThat(text).anySatisfy(l -> assertThat(l).startsWith("  1.234").endsWith("10.98"));
        assertThat(text).anySatisfy(l -> assertThat(l).startsWith("找零:").endsWith("25.52"));
        assertThat(text).anySatisfy(l -> assertThat(l).startsWith("优惠:").endsWith("-1.00"));
    }

    @Test
    void wideReceiptPutsNameAndNumbersOnOneLineAndWrapsLongNames() {
        byte[] bytes = new ReceiptLayout(PaperWidth.MM80, ReceiptLabels.chinese()).encode(SampleReceipts.small(), true);
        List<String> text = EscPosDecoder.textLines(bytes);
        assertThat(text).allSatisfy(l -> assertThat(TextWidth.columns(l)).isLessThanOrEqualTo(48));
        assertThat(text).anySatisfy(l -> assertThat(l).startsWith("可口可乐 500ml").endsWith("2      3.50       7.00")
                .satisfies(s -> assertThat(TextWidth.columns(s)).isEqualTo(48)));
        assertThat(text).contains("新米称重");
        assertThat(EscPosDecoder.decode(bytes)).contains(new EscPosElement.DrawerKick(0, 50, 500));
    }

    @Test
    void fortyTwoColumnPaperIsRespected() {
        byte[] bytes = new ReceiptLayout(PaperWidth.MM80_42, ReceiptLabels.english()).encode(SampleReceipts.small(), false);
        assertThat(EscPosDecoder.textLines(bytes)).allSatisfy(l -> assertThat(TextWidth.columns(l)).isLessThanOrEqualTo(42))
                .anySatisfy(l -> assertThat(l).startsWith("Total:"));
    }

    @Test
    void renderedReceiptCarriesAReadableQrOfTheReceiptId() {
        for (PaperWidth paper : List.of(PaperWidth.MM58, PaperWidth.MM80)) {
            byte[] bytes = new ReceiptLayout(paper, ReceiptLabels.chinese()).encode(SampleReceipts.small(), false);
            BufferedImage image = new EscPosRenderer(paper.dots()).render(bytes);
            assertThat(ImageCodes.texts(image, BarcodeFormat.QR_CODE)).containsExactly("TQ1.R20240501-0001");
        }
    }

    @Test
    void quantitiesAndAmountsAreFormattedWithoutFloatingPoint() {
        assertThat(Fen.format(0)).isEqualTo("0.00");
        assertThat(Fen.format(5)).isEqualTo("0.05");
        assertThat(Fen.format(-1234)).isEqualTo("-12.34");
        assertThat(Fen.quantity(2000)).isEqualTo("2");
        assertThat(Fen.quantity(1500)).isEqualTo("1.5");
        assertThat(Fen.quantity(1234)).isEqualTo("1.234");
        assertThat(Fen.quantity(5)).isEqualTo("0.005");
    }

    @Test
    void thirtyLineChineseReceiptEncodesWellUnderOneMillisecond() {
        ReceiptLayout layout = new ReceiptLayout(PaperWidth.MM80, ReceiptLabels.chinese());
        Receipt receipt = SampleReceipts.withLines(30);
        for (int i = 0; i < 3000; i++) {
            layout.encode(receipt, false);
        }
        int runs = 2000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            layout.encode(receipt, false);
        }
        long perReceiptNanos = (System.nanoTime() - start) / runs;
        System.out.printf("30-line Chinese receipt: %.1f us per encode%n", perReceiptNanos / 1000.0);
        assertThat(perReceiptNanos).isLessThan(1_000_000L);
    }
}
