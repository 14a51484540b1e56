package org.tongpos.hardware.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpos.hardware.testsupport.ImageCodes;

class EscPosEncoderTest {

    private static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }

    @Test
    void initChineseModeAndYuanSignAsFullWidthGb18030() {
        byte[] bytes = new EscPosEncoder().initialize().chineseMode(true).text("¥1 ￥2 中").toBytes();
        assertThat(hex(bytes)).isEqualTo("1B 40 1C 26 A3 A4 31 20 A3 A4 32 20 D6 D0");
    }

    @Test
    void controlCharactersInTextCannotBecomePrinterCommands() {
        assertThat(hex(new EscPosEncoder().text("A\u001B@B").toBytes())).isEqualTo("41 20 40 42");
        assertThat(hex(new EscPosEncoder().chineseMode(true).text("中\u001Dv").toBytes())).isEqualTo("1C 26 D6 D0 20 76");
        assertThat(hex(new EscPosEncoder().text("a\nb").toBytes())).isEqualTo("61 0A 62");
    }

    @Test
    void nonAsciiOutsideChineseModeBecomesQuestionMarks() {
        assertThat(new EscPosEncoder().text("a中").toBytes()).containsExactly('a', '?');
    }

    @Test
    void qrStoreLengthCountsUtf8BytesAndModelIsTwo() {
        String payload = "收据R001";
        byte[] bytes = new EscPosEncoder().qrCode(payload, 6, QrErrorCorrection.M).toBytes();
        int utf8Length = payload.getBytes(StandardCharsets.UTF_8).length;
        assertThat(utf8Length).isEqualTo(10);
        String h = hex(bytes);
        assertThat(h).startsWith("1D 28 6B 04 00 31 41 32 00 1D 28 6B 03 00 31 43 06 1D 28 6B 03 00 31 45 31 ");
        assertThat(h).contains("1D 28 6B 0D 00 31 50 30 " + hex(payload.getBytes(StandardCharsets.UTF_8)));
        assertThat(h).endsWith("1D 28 6B 03 00 31 51 30");
    }

    @Test
    void drawerKickAndCutAreTheCommonSequences() {
        assertThat(hex(new EscPosEncoder().drawerKick().toBytes())).isEqualTo("1B 70 00 19 FA");
        assertThat(hex(new EscPosEncoder().cut(true).toBytes())).isEqualTo("1D 56 42 00");
        assertThat(hex(new EscPosEncoder().statusRequest(4).toBytes())).isEqualTo("10 04 04");
    }

    @Test
    void styleCommands() {
        byte[] bytes = new EscPosEncoder().align(Alignment.CENTER).bold(true).doubleSize(true).feedLines(2).toBytes();
        assertThat(hex(bytes)).isEqualTo("1B 61 01 1B 45 01 1D 21 11 1B 64 02");
    }

    @Test
    void badBarcodeDataIsRefused() {
        EscPosEncoder encoder = new EscPosEncoder();
        assertThatThrownBy(() -> encoder.barcode(BarcodeType.EAN13, "6901234567891", 80, 2, true))
                .hasMessageContaining("check digit");
        assertThatThrownBy(() -> encoder.barcode(BarcodeType.EAN13, "69012", 80, 2, true)).hasMessageContaining("12 or 13");
        assertThatThrownBy(() -> encoder.barcode(BarcodeType.CODE128, "中文", 80, 2, true)).hasMessageContaining("ASCII");
    }

    @Test
    void decoderGivesBackTextQrBarcodeRasterCutAndDrawer() {
        byte[] bitmap = new byte[2 * 3];
        bitmap[0] = (byte) 0x80;
        byte[] bytes = new EscPosEncoder().initialize().chineseMode(true)
                .align(Alignment.CENTER).bold(true).line("通商超市").bold(false)
                .align(Alignment.LEFT).text("可乐 ").text("￥3.50").lineFeed()
                .barcode(BarcodeType.EAN13, "6901234567892", 60, 2, true)
                .barcode(BarcodeType.CODE128, "R{1}", 60, 2, false)
                .qrCode("https://pay.example/收据/1", 4, QrErrorCorrection.Q)
                .raster(new MonochromeBitmap(2, 3, bitmap))
                .drawerKick().cut(true).toBytes();

        List<EscPosElement> elements = EscPosDecoder.decode(bytes);

        assertThat(EscPosDecoder.textLines(bytes)).containsExactly("通商超市", "可乐 ￥3.50");
        EscPosElement.TextLine title = (EscPosElement.TextLine) elements.get(1);
        assertThat(title.alignment()).isEqualTo(Alignment.CENTER);
        assertThat(title.runs().get(0).bold()).isTrue();
        assertThat(elements).filteredOn(EscPosElement.Barcode.class::isInstance)
                .extracting(e -> ((EscPosElement.Barcode) e).data()).containsExactly("690123456789", "R{1}");
        assertThat(elements).filteredOn(EscPosElement.QrCode.class::isInstance)
                .extracting(e -> ((EscPosElement.QrCode) e).payload()).containsExactly("https://pay.example/收据/1");
        assertThat(elements).filteredOn(EscPosElement.RasterImage.class::isInstance).hasSize(1);
        assertThat(elements).contains(new EscPosElement.DrawerKick(0, 50, 500), new EscPosElement.Cut(true));
    }

    @Test
    void decoderReportsUnknownAndTruncatedCommands() {
        assertThatThrownBy(() -> EscPosDecoder.decode(new byte[] {0x1B, 'Z', 1})).hasMessageContaining("ESC 0x5A");
        assertThatThrownBy(() -> EscPosDecoder.decode(new byte[] {0x1D, '(', 'k', 10, 0, 49, 80}))
                .hasMessageContaining("cut short");
    }

    @Test
    void rendererDrawsQrAndBarcodesThatZxingCanRead() {
        byte[] bytes = new EscPosEncoder().initialize().chineseMode(true).align(Alignment.CENTER)
                .line("测试")
                .qrCode("TQ1.收据-20240501-0001", 5, QrErrorCorrection.M)
                .barcode(BarcodeType.EAN13, "690123456789", 80, 2, true)
                .barcode(BarcodeType.CODE128, "R20240501-0001", 80, 2, true)
                .cut(true).toBytes();

        BufferedImage image = new EscPosRenderer(EscPosRenderer.DOTS_58MM).render(bytes);

        assertThat(image.getWidth()).isEqualTo(384);
        assertThat(ImageCodes.texts(image, BarcodeFormat.QR_CODE)).containsExactly("TQ1.收据-20240501-0001");
        assertThat(ImageCodes.texts(image, BarcodeFormat.EAN_13, BarcodeFormat.CODE_128))
                .containsExactlyInAnyOrder("6901234567892", "R20240501-0001");
    }

    @Test
    void rendererDrawsRasterImagesDotForDot() {
        byte[] data = new byte[4 * 16];
        for (int y = 0; y < 16; y++) {
            data[y * 4] = (byte) 0xFF;
        }
        byte[] bytes = new EscPosEncoder().raster(new MonochromeBitmap(4, 16, data)).toBytes();
        BufferedImage image = new EscPosRenderer(EscPosRenderer.DOTS_58MM).render(bytes);
        int top = 8;
        assertThat(image.getRGB(0, top) & 0xFFFFFF).isZero();
        assertThat(image.getRGB(7, top + 15) & 0xFFFFFF).isZero();
        assertThat(image.getRGB(8, top) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }
}
