package org.tongpos.hardware.escpos;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds ESC/POS bytes for the commands TongPOS prints with. Not thread-safe: one encoder per job (or per thread,
 * {@link #reset()} between jobs); it keeps its GB18030 encoder and buffers so encoding allocates almost nothing.
 *
 * <p>Text is GB18030 inside Chinese mode (FS &amp;), which single-byte ASCII passes through unchanged. The yen sign
 * U+00A5 is printed as the full-width ￥ U+FFE5 (GB18030 A3 A4), because U+00A5 is a four-byte GB18030 sequence that
 * GBK-only printers garble.
 */
public final class EscPosEncoder {

    static final byte ESC = 0x1B;
    static final byte GS = 0x1D;
    static final byte FS = 0x1C;
    static final byte DLE = 0x10;
    static final byte EOT = 0x04;
    static final byte LF = 0x0A;

    /** QR payload limit of model 2 in byte mode at level L. */
    public static final int MAX_QR_BYTES = 2953;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private final CharsetEncoder gb18030 = GB18030.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer textBytes = ByteBuffer.allocate(256);
    private byte[] buffer = new byte[4096];
    private int size;
    private boolean chineseMode;

    public EscPosEncoder reset() {
        size = 0;
        chineseMode = false;
        return this;
    }

    /** ESC @: printer back to its power-on settings. */
    public EscPosEncoder initialize() {
        chineseMode = false;
        return put(ESC, '@');
    }

    /** FS &amp; / FS .: enter or leave Chinese character mode. */
    public EscPosEncoder chineseMode(boolean on) {
        chineseMode = on;
        return on ? put(FS, '&') : put(FS, '.');
    }

    public EscPosEncoder align(Alignment alignment) {
        return put(ESC, 'a', alignment.ordinal());
    }

    public EscPosEncoder bold(boolean on) {
        return put(ESC, 'E', on ? 1 : 0);
    }

    /** GS ! : character width and height multipliers 1..8. */
    public EscPosEncoder size(int widthMultiplier, int heightMultiplier) {
        if (widthMultiplier < 1 || widthMultiplier > 8 || heightMultiplier < 1 || heightMultiplier > 8) {
            throw new IllegalArgumentException("character size multipliers are 1..8");
        }
        return put(GS, '!', ((widthMultiplier - 1) << 4) | (heightMultiplier - 1));
    }

    public EscPosEncoder doubleSize(boolean on) {
        return on ? size(2, 2) : size(1, 1);
    }

    /**
     * Text without a line end; '\n' inside becomes LF. Other control characters (a product name with an ESC in it
     * would otherwise be a printer command) print as spaces.
     */
    public EscPosEncoder text(CharSequence text) {
        int length = text.length();
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' || c == 0x7F) {
                return text(withoutControls(text));
            }
            if (c >= 0x80) {
                ascii = false;
            }
        }
        if (ascii) {
            ensure(length);
            for (int i = 0; i < length; i++) {
                buffer[size++] = (byte) text.charAt(i);
            }
            return this;
        }
        if (!chineseMode) {
            ensure(length);
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                buffer[size++] = c < 0x80 ? (byte) c : (byte) '?';
            }
            return this;
        }
        return putGb18030(text);
    }

    private static String withoutControls(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 && c != '\n' || c == 0x7F ? ' ' : c);
        }
        return sb.toString();
    }

    public EscPosEncoder line(CharSequence text) {
        return text(text).lineFeed();
    }

    public EscPosEncoder lineFeed() {
        return put(LF);
    }

    /** ESC d n: print and feed n lines. */
    public EscPosEncoder feedLines(int lines) {
        return put(ESC, 'd', checkByte(lines, "lines"));
    }

    /**
     * GS h, GS w, GS H, GS k (function B). EAN-13 takes 12 digits (check digit added by the printer) or 13 with a valid
     * check digit; CODE128 takes printable ASCII and is sent in code set B.
     */
    public EscPosEncoder barcode(BarcodeType type, String data, int heightDots, int moduleWidth, boolean textBelow) {
        byte[] payload = switch (type) {
            case EAN13 -> ean13Payload(data);
            case CODE128 -> code128Payload(data);
        };
        if (payload.length > 255) {
            throw new IllegalArgumentException("barcode data too long: " + data.length());
        }
        put(GS, 'h', checkRange(heightDots, 1, 255, "barcode height"));
        put(GS, 'w', checkRange(moduleWidth, 1, 6, "barcode module width"));
        put(GS, 'H', textBelow ? 2 : 0);
        put(GS, 'k', type.functionB(), payload.length);
        return putBytes(payload, payload.length);
    }

    /**
     * QR code by GS ( k: model 2 (function 65, n1 = 50), module size (67), error correction (69), store (80) with the
     * length taken from the UTF-8 bytes, print (81).
     */
    public EscPosEncoder qrCode(String data, int moduleSize, QrErrorCorrection errorCorrection) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > MAX_QR_BYTES) {
            throw new IllegalArgumentException("QR data must be 1.." + MAX_QR_BYTES + " bytes, got " + bytes.length);
        }
        put(GS, '(', 'k', 4, 0, 49, 65, 50, 0);
        put(GS, '(', 'k', 3, 0, 49, 67, checkRange(moduleSize, 1, 16, "QR module size"));
        put(GS, '(', 'k', 3, 0, 49, 69, errorCorrection.code());
        int storeLength = bytes.length + 3;
        put(GS, '(', 'k', storeLength & 0xFF, storeLength >> 8, 49, 80, 48);
        putBytes(bytes, bytes.length);
        return put(GS, '(', 'k', 3, 0, 49, 81, 48);
    }

    /** GS v 0: raster bit image, normal density. */
    public EscPosEncoder raster(MonochromeBitmap bitmap) {
        if (bitmap.widthBytes() > 0xFFFF || bitmap.heightDots() > 0xFFFF) {
            throw new IllegalArgumentException("raster image too large");
        }
        put(GS, 'v', '0', 0);
        put(bitmap.widthBytes() & 0xFF, bitmap.widthBytes() >> 8, bitmap.heightDots() & 0xFF, bitmap.heightDots() >> 8);
        return putBytes(bitmap.data(), bitmap.data().length);
    }

    /** GS V 66/65 n: feed to the cutter and cut (partial leaves a hinge). */
    public EscPosEncoder cut(boolean partial) {
        return put(GS, 'V', partial ? 66 : 65, 0);
    }

    /** ESC p 0 25 250: pulse drawer pin 2 for 50 ms on, 500 ms off — what most drawers expect. */
    public EscPosEncoder drawerKick() {
        return drawerKick(0, 25, 250);
    }

    /** ESC p m t1 t2: pulse drawer pin m (0 = pin 2, 1 = pin 5) on for t1×2 ms, off for t2×2 ms. */
    public EscPosEncoder drawerKick(int pin, int onUnits, int offUnits) {
        return put(ESC, 'p', checkRange(pin, 0, 1, "drawer pin"), checkByte(onUnits, "on time"), checkByte(offUnits, "off time"));
    }

    /** DLE EOT n: real-time status request (1 printer, 2 offline cause, 3 error cause, 4 paper sensor). */
    public EscPosEncoder statusRequest(int n) {
        return put(DLE, EOT, checkRange(n, 1, 4, "status function"));
    }

    public int size() {
        return size;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(buffer, size);
    }

    private EscPosEncoder putGb18030(CharSequence text) {
        CharBuffer chars = CharBuffer.wrap(text);
        int needed = text.length() * 4;
        if (textBytes.capacity() < needed) {
            textBytes = ByteBuffer.allocate(Math.max(needed, textBytes.capacity() * 2));
        }
        textBytes.clear();
        gb18030.reset();
        int length = text.length();
        for (int start = 0; start < length; ) {
            int yen = indexOf(text, '\u00A5', start);
            int end = yen < 0 ? length : yen;
            chars.limit(end).position(start);
            CoderResult result = gb18030.encode(chars, textBytes, false);
            if (result.isError() || result.isOverflow()) {
                throw new IllegalStateException("GB18030 encoding failed: " + result);
            }
            if (yen >= 0) {
                textBytes.put((byte) 0xA3).put((byte) 0xA4);
                start = yen + 1;
            } else {
                start = end;
            }
        }
        chars.limit(length).position(length);
        gb18030.encode(chars, textBytes, true);
        gb18030.flush(textBytes);
        textBytes.flip();
        int n = textBytes.remaining();
        ensure(n);
        textBytes.get(buffer, size, n);
        size += n;
        return this;
    }

    private static int indexOf(CharSequence text, char c, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ean13Payload(String data) {
        if (data == null || !(data.length() == 12 || data.length() == 13) || !data.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("EAN-13 needs 12 or 13 digits, got '" + data + "'");
        }
        if (data.length() == 13 && Ean13.checkDigit(data.substring(0, 12)) != data.charAt(12) - '0') {
            throw new IllegalArgumentException("EAN-13 check digit of '" + data + "' is wrong");
        }
        return data.substring(0, 12).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] code128Payload(String data) {
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException("CODE128 needs data");
        }
        StringBuilder sb = new StringBuilder(data.length() + 2).append("{B");
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("CODE128 code set B takes printable ASCII only, not U+"
                        + Integer.toHexString(c));
            }
            sb.append(c);
            if (c == '{') {
                sb.append('{');
            }
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private EscPosEncoder put(int... values) {
        ensure(values.length);
        for (int v : values) {
            buffer[size++] = (byte) v;
        }
        return this;
    }

    private EscPosEncoder put(byte b) {
        ensure(1);
        buffer[size++] = b;
        return this;
    }

    private EscPosEncoder putBytes(byte[] bytes, int length) {
        ensure(length);
        System.arraycopy(bytes, 0, buffer, size, length);
        size += length;
        return this;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    private static int checkByte(int value, String what) {
        return checkRange(value, 0, 255, what);
    }

    private static int checkRange(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", got " + value);
        }
        return value;
    }
}
