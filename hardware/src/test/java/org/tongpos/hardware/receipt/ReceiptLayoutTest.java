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
    void logoIsPrintedAsARasterImageAboveTheStoreName() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 64, 32);
        g.setColor(java.awt.Color.BLACK);
        g.fillRect(8, 8, 48, 16);
        g.dispose();
        org.tongpos.hardware.escpos.MonochromeBitmap logo = org.tongpos.hardware.escpos.MonochromeBitmap.fromImage(image);

        byte[] bytes = new ReceiptLayout(PaperWidth.MM58, ReceiptLabels.chinese(), logo).encode(SampleReceipts.small(), false);

        List<EscPosElement> elements = EscPosDecoder.decode(bytes);
        int rasterAt = -1;
        int titleAt = -1;
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof EscPosElement.RasterImage r) {
                rasterAt = i;
                assertThat(r.bitmap().isBlack(8, 8)).isTrue();
                assertThat(r.bitmap().isBlack(4, 4)).isFalse();
            } else if (titleAt < 0 && elements.get(i) instanceof EscPosElement.TextLine t && t.text().startsWith("通商超市")) {
                titleAt = i;
            }
        }
        assertThat(rasterAt).isGreaterThanOrEqualTo(0).isLessThan(titleAt);
    }

    @Test
    void testPageHasChineseTextBarcodesQrAndCut() {
        for (PaperWidth paper : List.of(PaperWidth.MM58, PaperWidth.MM80)) {
            byte[] bytes = TestPage.encode(paper, java.time.LocalDateTime.of(2024, 5, 1, 9, 0), false);
            assertThat(EscPosDecoder.textLines(bytes)).contains("打印测试", "金额：￥1234.56")
                    .allSatisfy(l -> assertThat(TextWidth.columns(l)).isLessThanOrEqualTo(paper.columns()));
            assertThat(EscPosDecoder.decode(bytes)).contains(new EscPosElement.Cut(true));
            BufferedImage image = new EscPosRenderer(paper.dots()).render(bytes);
            assertThat(ImageCodes.texts(image, BarcodeFormat.QR_CODE)).containsExactly(TestPage.QR_CONTENT);
            assertThat(ImageCodes.texts(image, BarcodeFormat.EAN_13, BarcodeFormat.CODE_128))
                    .containsExactlyInAnyOrder(TestPage.EAN13, TestPage.CODE128);
        }
    }

    @Test
    void mealReceiptCarriesItsDetailLines() {
        Receipt meal = new Receipt("县政府机关食堂", "M20240501-0042", java.time.LocalDateTime.of(2024, 5, 1, 11, 58), "窗口2",
                List.of(ReceiptLine.pieces("午餐 标准餐", 1, 1200)), 0, 1200, List.of(new ReceiptTender("饭卡", 700)), 0,
                "TQ1.M20240501-0042", List.of(new ReceiptField("就餐人", "张三 (1001)"), new ReceiptField("补贴", "5.00"),
                        new ReceiptField("余额", "120.00")), List.of());
        List<String> text = EscPosDecoder.textLines(new ReceiptLayout(PaperWidth.MM58, ReceiptLabels.chinese()).encode(meal, false));
        assertThat(text).anySatisfy(l -> assertThat(l).startsWith("就餐人:").endsWith("张三 (1001)"));
        assertThat(text).anySatisfy(l -> assertThat(l).startsWith("余额:").endsWith("120.00"));
    }
}
