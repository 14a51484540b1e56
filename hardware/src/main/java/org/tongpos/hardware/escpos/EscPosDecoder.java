package org.tongpos.hardware.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Interprets the ESC/POS subset that {@link EscPosEncoder} emits, the way a printer would: keeps the print mode,
 * collects text into lines, and yields QR codes, barcodes, raster images, cuts and drawer pulses. Used by the
 * renderer (on-screen preview) and by tests that check what reached a printer. Anything outside the subset is
 * reported, not guessed.
 */
public final class EscPosDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private final byte[] in;
    private int pos;
    private final List<EscPosElement> out = new ArrayList<>();

    private Alignment alignment;
    private boolean bold;
    private int widthMultiplier;
    private int heightMultiplier;
    private boolean chinese;
    private final ByteArrayOutputStream runBytes = new ByteArrayOutputStream();
    private final List<EscPosElement.TextRun> lineRuns = new ArrayList<>();
    private Alignment lineAlignment;

    private int barcodeHeight;
    private int barcodeModuleWidth;
    private boolean barcodeTextBelow;
    private byte[] qrData;
    private int qrModuleSize;
    private QrErrorCorrection qrErrorCorrection;

    private EscPosDecoder(byte[] in) {
        this.in = in;
        resetModes();
    }

    public static List<EscPosElement> decode(byte[] bytes) {
        return new EscPosDecoder(bytes).run();
    }

    /** Just the text lines, in order: handy to check what a receipt says. */
    public static List<String> textLines(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        for (EscPosElement element : decode(bytes)) {
            if (element instanceof EscPosElement.TextLine line) {
                lines.add(line.text());
            }
        }
        return lines;
    }

    private void resetModes() {
        alignment = Alignment.LEFT;
        bold = false;
        widthMultiplier = 1;
        heightMultiplier = 1;
        chinese = false;
        barcodeHeight = 162;
        barcodeModuleWidth = 3;
        barcodeTextBelow = false;
        qrModuleSize = 3;
        qrErrorCorrection = QrErrorCorrection.L;
    }

    private List<EscPosElement> run() {
        while (pos < in.length) {
            int b = in[pos] & 0xFF;
            switch (b) {
                case 0x0A -> {
                    pos++;
                    endLine();
                }
                case 0x0D -> pos++;
                case 0x09 -> {
                    pos++;
                    textByte(' ');
                }
                case 0x1B -> escape();
                case 0x1D -> groupSeparator();
                case 0x1C -> fileSeparator();
                case 0x10 -> dataLinkEscape();
                default -> {
                    if (b < 0x20) {
                        throw new EscPosFormatException("unsupported control byte 0x" + hex(b), pos);
                    }
                    pos++;
                    textByte(b);
                }
            }
        }
        if (runBytes.size() > 0 || !lineRuns.isEmpty()) {
            endLine();
        }
        return out;
    }

    private void escape() {
        int start = pos;
        int command = arg(start, 1);
        switch (command) {
            case '@' -> {
                pos += 2;
                flushRun();
                resetModes();
                out.add(new EscPosElement.Initialize());
            }
            case 'a' -> {
                alignment = Alignment.fromCode(arg(start, 2));
                pos += 3;
            }
            case 'E' -> {
                styleChange();
                bold = (arg(start, 2) & 1) == 1;
                pos += 3;
            }
            case '!' -> {
                styleChange();
                int n = arg(start, 2);
                bold = (n & 0x08) != 0;
                heightMultiplier = (n & 0x10) != 0 ? 2 : 1;
                widthMultiplier = (n & 0x20) != 0 ? 2 : 1;
                pos += 3;
            }
            case 'd' -> {
                int lines = arg(start, 2);
                pos += 3;
                endPendingLine();
                out.add(new EscPosElement.Feed(lines));
            }
            case 'p' -> {
                int pin = arg(start, 2);
                int on = arg(start, 3);
                int off = arg(start, 4);
                pos += 5;
                out.add(new EscPosElement.DrawerKick(pin & 1, on * 2, off * 2));
            }
            case '2' -> pos += 2;
            case '3', 't', 'M', '-', 'G', 'R' -> {
                arg(start, 2);
                pos += 3;
            }
            default -> throw new EscPosFormatException("unsupported command ESC 0x" + hex(command), start);
        }
    }

    private void groupSeparator() {
        int start = pos;
        int command = arg(start, 1);
        switch (command) {
            case '!' -> {
                styleChange();
                int n = arg(start, 2);
                widthMultiplier = ((n >> 4) & 0x07) + 1;
                heightMultiplier = (n & 0x07) + 1;
                pos += 3;
            }
            case 'V' -> {
                int m = arg(start, 2);
                endPendingLine();
                if (m == 65 || m == 66) {
                    arg(start, 3);
                    pos += 4;
                } else if (m == 0 || m == 1 || m == 48 || m == 49) {
                    pos += 3;
                } else {
                    throw new EscPosFormatException("unsupported cut mode GS V " + m, start);
                }
                out.add(new EscPosElement.Cut(m == 1 || m == 49 || m == 66));
            }
            case 'h' -> {
                barcodeHeight = arg(start, 2);
                pos += 3;
            }
            case 'w' -> {
                barcodeModuleWidth = arg(start, 2);
                pos += 3;
            }
            case 'H' -> {
                int n = arg(start, 2);
                barcodeTextBelow = n == 2 || n == 3 || n == '2' || n == '3';
                pos += 3;
            }
            case 'f', 'a' -> {
                arg(start, 2);
                pos += 3;
            }
            case 'L' -> {
                arg(start, 3);
                pos += 4;
            }
            case 'k' -> barcode(start);
            case '(' -> extended(start);
            case 'v' -> raster(start);
            default -> throw new EscPosFormatException("unsupported command GS 0x" + hex(command), start);
        }
    }

    private void fileSeparator() {
        int start = pos;
        int command = arg(start, 1);
        switch (command) {
            case '&' -> {
                flushRun();
                chinese = true;
                pos += 2;
            }
            case '.' -> {
                flushRun();
                chinese = false;
                pos += 2;
            }
            case '!', 'W' -> {
                arg(start, 2);
                pos += 3;
            }
            default -> throw new EscPosFormatException("unsupported command FS 0x" + hex(command), start);
        }
    }

    private void dataLinkEscape() {
        int start = pos;
        int command = arg(start, 1);
        if (command == 0x04) {
            out.add(new EscPosElement.StatusRequest(arg(start, 2)));
            pos += 3;
        } else if (command == 0x14) {
            int fn = arg(start, 2);
            if (fn == 1) {
                int pin = arg(start, 3);
                int t = arg(start, 4);
                out.add(new EscPosElement.DrawerKick(pin & 1, t * 100, t * 100));
            } else {
                arg(start, 4);
            }
            pos += 5;
        } else {
            throw new EscPosFormatException("unsupported command DLE 0x" + hex(command), start);
        }
    }

    private void barcode(int start) {
        int m = arg(start, 2);
        String data;
        if (m <= 6) {
            int end = start + 3;
            while (end < in.length && in[end] != 0) {
                end++;
            }
            if (end >= in.length) {
                throw new EscPosFormatException("barcode data not terminated", start);
            }
            data = new String(in, start + 3, end - start - 3, StandardCharsets.US_ASCII);
            pos = end + 1;
        } else {
            int n = arg(start, 3);
            need(start, 4 + n);
            data = new String(in, start + 4, n, StandardCharsets.US_ASCII);
            pos = start + 4 + n;
        }
        BarcodeType type;
        try {
            type = BarcodeType.fromFunction(m);
        } catch (IllegalArgumentException e) {
            throw new EscPosFormatException(e.getMessage(), start);
        }
        if (type == BarcodeType.CODE128) {
            data = code128Text(data, start);
        }
        endPendingLine();
        out.add(new EscPosElement.Barcode(type, data, barcodeHeight, barcodeModuleWidth, barcodeTextBelow, alignment));
    }

    private static String code128Text(String data, int start) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '{' && i + 1 < data.length()) {
                char next = data.charAt(++i);
                if (next == '{') {
                    sb.append('{');
                } else if (next != 'A' && next != 'B' && next != 'C') {
                    throw new EscPosFormatException("unsupported CODE128 function {" + next, start);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private void extended(int start) {
        int kind = arg(start, 2);
        int length = arg(start, 3) | (arg(start, 4) << 8);
        need(start, 5 + length);
        if (kind != 'k') {
            throw new EscPosFormatException("unsupported command GS ( 0x" + hex(kind), start);
        }
        int p = start + 5;
        int cn = in[p] & 0xFF;
        int fn = in[p + 1] & 0xFF;
        if (cn != 49) {
            throw new EscPosFormatException("unsupported 2D symbol cn=" + cn + " (only QR, 49)", start);
        }
        switch (fn) {
            case 65 -> {
                int model = in[p + 2] & 0xFF;
                if (model != 49 && model != 50) {
                    throw new EscPosFormatException("QR model byte must be 49 or 50, got " + model, start);
                }
            }
            case 67 -> qrModuleSize = in[p + 2] & 0xFF;
            case 69 -> qrErrorCorrection = QrErrorCorrection.fromCode(in[p + 2] & 0xFF);
            case 80 -> qrData = Arrays.copyOfRange(in, p + 3, start + 5 + length);
            case 81 -> {
                if (qrData == null) {
                    throw new EscPosFormatException("QR print without stored data", start);
                }
                endPendingLine();
                out.add(new EscPosElement.QrCode(qrData, qrModuleSize, qrErrorCorrection, alignment));
            }
            default -> {
                // other QR functions (size query, etc.) change nothing we draw
            }
        }
        pos = start + 5 + length;
    }

    private void raster(int start) {
        if (arg(start, 2) != '0') {
            throw new EscPosFormatException("unsupported command GS v " + arg(start, 2), start);
        }
        arg(start, 3);
        int widthBytes = arg(start, 4) | (arg(start, 5) << 8);
        int height = arg(start, 6) | (arg(start, 7) << 8);
        int length = widthBytes * height;
        need(start, 8 + length);
        endPendingLine();
        out.add(new EscPosElement.RasterImage(
                new MonochromeBitmap(widthBytes, height, Arrays.copyOfRange(in, start + 8, start + 8 + length)), alignment));
        pos = start + 8 + length;
    }

    private void textByte(int b) {
        if (runBytes.size() == 0 && lineRuns.isEmpty()) {
            lineAlignment = alignment;
        }
        runBytes.write(b);
    }

    private void styleChange() {
        flushRun();
    }

    private void flushRun() {
        if (runBytes.size() == 0) {
            return;
        }
        byte[] bytes = runBytes.toByteArray();
        runBytes.reset();
        String text = chinese ? new String(bytes, GB18030) : latinText(bytes);
        lineRuns.add(new EscPosElement.TextRun(text, bold, widthMultiplier, heightMultiplier));
    }

    private static String latinText(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            sb.append(b >= 0 ? (char) b : '?');
        }
        return sb.toString();
    }

    private void endPendingLine() {
        if (runBytes.size() > 0 || !lineRuns.isEmpty()) {
            endLine();
        }
    }

    private void endLine() {
        flushRun();
        Alignment a = lineRuns.isEmpty() ? alignment : lineAlignment;
        List<EscPosElement.TextRun> runs = List.copyOf(lineRuns);
        if (runs.isEmpty()) {
            runs = List.of(new EscPosElement.TextRun("", bold, widthMultiplier, heightMultiplier));
        }
        out.add(new EscPosElement.TextLine(a, runs));
        lineRuns.clear();
    }

    private int arg(int start, int offset) {
        need(start, offset + 1);
        return in[start + offset] & 0xFF;
    }

    private void need(int start, int length) {
        if (start + length > in.length) {
            throw new EscPosFormatException("command cut short (needs " + length + " bytes)", start);
        }
    }

    private static String hex(int b) {
        return String.format("%02X", b);
    }
}
