package org.tongpos.hardware.escpos;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** What a printer does with a stretch of ESC/POS bytes, as decoded by {@link EscPosDecoder}. */
public sealed interface EscPosElement {

    /** A run of text with one style; {@code widthMultiplier}/{@code heightMultiplier} from GS !. */
    record TextRun(String text, boolean bold, int widthMultiplier, int heightMultiplier) {
    }

    /** One printed line, ended by LF. */
    record TextLine(Alignment alignment, List<TextRun> runs) implements EscPosElement {
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (TextRun run : runs) {
                sb.append(run.text());
            }
            return sb.toString();
        }
    }

    record QrCode(byte[] data, int moduleSize, QrErrorCorrection errorCorrection, Alignment alignment)
            implements EscPosElement {
        public String payload() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    record Barcode(BarcodeType type, String data, int heightDots, int moduleWidth, boolean textBelow,
                   Alignment alignment) implements EscPosElement {
    }

    record RasterImage(MonochromeBitmap bitmap, Alignment alignment) implements EscPosElement {
    }

    record Feed(int lines) implements EscPosElement {
    }

    record Cut(boolean partial) implements EscPosElement {
    }

    record DrawerKick(int pin, int onMillis, int offMillis) implements EscPosElement {
    }

    record StatusRequest(int function) implements EscPosElement {
    }

    record Initialize() implements EscPosElement {
    }
}
