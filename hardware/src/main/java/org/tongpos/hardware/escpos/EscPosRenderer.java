package org.tongpos.hardware.escpos;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.EAN13Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Draws ESC/POS bytes as a thermal printer would put them on paper: 12×24-dot ASCII cells, 24×24-dot Chinese cells,
 * GS ! multipliers, alignment, QR codes (generated with ZXing from the decoded payload), barcodes, raster images and
 * cut marks. The on-screen receipt preview uses it, so the preview is what prints.
 *
 * <p>A printer's font is monospaced: each glyph fills its cell, a narrow one ({@code -}, {@code :}, {@code .}) sits
 * in its middle. Screen fonts are not all so, and a proportional glyph drawn at its cell's left edge leaves a gap
 * after it ({@code 2026- 12- 04}); so each glyph is centred in its cell, and squeezed to the cell when wider.
 */
public final class EscPosRenderer {

    /** Paper widths in dots at 203 dpi. */
    public static final int DOTS_58MM = 384;
    public static final int DOTS_80MM = 576;

    private static final int CELL_WIDTH = 12;
    private static final int CELL_HEIGHT = 24;
    private static final int LINE_GAP = 6;
    private static final int MARGIN = 8;
    /** Monospaced CJK fonts first (half-width ASCII, full-width Chinese, like the printer's), then others. */
    private static final String[] CJK_FONTS = {"WenQuanYi Micro Hei Mono", "WenQuanYi Zen Hei Mono",
        "Noto Sans Mono CJK SC", "SimHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC",
        "Microsoft YaHei", "PingFang SC"};
    private static volatile String fontFamily;

    private final int paperDots;
    private final java.util.Map<Integer, Font> fonts = new java.util.concurrent.ConcurrentHashMap<>();

    public EscPosRenderer(int paperDots) {
        if (paperDots < 96) {
            throw new IllegalArgumentException("paper of " + paperDots + " dots is too narrow");
        }
        this.paperDots = paperDots;
    }

    public BufferedImage render(byte[] escpos) {
        return render(EscPosDecoder.decode(escpos));
    }

    public BufferedImage render(List<EscPosElement> elements) {
        Canvas canvas = new Canvas(paperDots);
        for (EscPosElement element : elements) {
            if (element instanceof EscPosElement.TextLine line) {
                drawLine(canvas, line);
            } else if (element instanceof EscPosElement.QrCode qr) {
                drawQr(canvas, qr);
            } else if (element instanceof EscPosElement.Barcode barcode) {
                drawBarcode(canvas, barcode);
            } else if (element instanceof EscPosElement.RasterImage raster) {
                drawRaster(canvas, raster);
            } else if (element instanceof EscPosElement.Feed feed) {
                canvas.advance(feed.lines() * (CELL_HEIGHT + LINE_GAP));
            } else if (element instanceof EscPosElement.Cut) {
                drawCut(canvas);
            }
        }
        return canvas.finish();
    }

    /** Columns of single-width characters that fit the paper (32 on 58 mm, 48 on 80 mm). */
    public int columns() {
        return paperDots / CELL_WIDTH;
    }

    private void drawLine(Canvas canvas, EscPosElement.TextLine line) {
        int width = 0;
        int height = 1;
        for (EscPosElement.TextRun run : line.runs()) {
            width += TextWidth.columns(run.text()) * CELL_WIDTH * run.widthMultiplier();
            height = Math.max(height, run.heightMultiplier());
        }
        int lineHeight = CELL_HEIGHT * height;
        canvas.ensure(lineHeight + LINE_GAP);
        int x = startX(line.alignment(), Math.min(width, paperDots));
        Graphics2D g = canvas.graphics();
        int baseline = canvas.y + lineHeight - 4 * height;
        for (EscPosElement.TextRun run : line.runs()) {
            Font font = font(run.bold(), run.widthMultiplier(), run.heightMultiplier());
            g.setFont(font);
            for (int i = 0; i < run.text().length(); ) {
                int codePoint = run.text().codePointAt(i);
                int cells = TextWidth.columns(codePoint) * run.widthMultiplier();
                if (x + cells * CELL_WIDTH > paperDots) {
                    break;
                }
                if (codePoint != ' ') {
                    drawInCell(g, font, new String(Character.toChars(codePoint)), x, cells * CELL_WIDTH, baseline);
                }
                x += cells * CELL_WIDTH;
                i += Character.charCount(codePoint);
            }
        }
        canvas.advance(lineHeight + LINE_GAP);
    }

    /** One glyph centred in its cell of {@code cellWidth} dots, squeezed to the cell if its font draws it wider. */
    private static void drawInCell(Graphics2D g, Font font, String glyph, int cellX, int cellWidth, int baseline) {
        double advance = font.getStringBounds(glyph, g.getFontRenderContext()).getWidth();
        if (advance > cellWidth) {
            g.setFont(font.deriveFont(java.awt.geom.AffineTransform.getScaleInstance(cellWidth / advance, 1)));
            g.drawString(glyph, cellX, baseline);
            g.setFont(font);
        } else {
            g.drawString(glyph, cellX + (float) ((cellWidth - advance) / 2), baseline);
        }
    }

    private Font font(boolean bold, int widthMultiplier, int heightMultiplier) {
        int key = (bold ? 1 : 0) | widthMultiplier << 1 | heightMultiplier << 5;
        return fonts.computeIfAbsent(key, k -> createFont(bold, widthMultiplier, heightMultiplier));
    }

    private static Font createFont(boolean bold, int widthMultiplier, int heightMultiplier) {
        Font base = new Font(fontFamily(), bold ? Font.BOLD : Font.PLAIN, 22);
        if (widthMultiplier == 1 && heightMultiplier == 1) {
            return base;
        }
        return base.deriveFont(java.awt.geom.AffineTransform.getScaleInstance(widthMultiplier, heightMultiplier));
    }

    private static String fontFamily() {
        String family = fontFamily;
        if (family == null) {
            family = Font.SANS_SERIF;
            List<String> installed = Arrays.asList(
                    GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
            for (String candidate : CJK_FONTS) {
                if (installed.contains(candidate)) {
                    family = candidate;
                    break;
                }
            }
            fontFamily = family;
        }
        return family;
    }

    private void drawQr(Canvas canvas, EscPosElement.QrCode qr) {
        BitMatrix matrix;
        try {
            Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
            hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.valueOf(qr.errorCorrection().name()));
            hints.put(EncodeHintType.MARGIN, 0);
            // One char per byte: the symbol carries exactly the stored bytes, no ECI header, like the printer's.
            String bytesAsChars = new String(qr.data(), StandardCharsets.ISO_8859_1);
            matrix = new QRCodeWriter().encode(bytesAsChars, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR data cannot be encoded: " + e.getMessage(), e);
        }
        int module = Math.max(1, qr.moduleSize());
        int size = matrix.getWidth() * module;
        int quiet = 4 * module;
        canvas.ensure(size + 2 * quiet);
        canvas.advance(quiet);
        int x0 = startX(qr.alignment(), size);
        Graphics2D g = canvas.graphics();
        for (int my = 0; my < matrix.getHeight(); my++) {
            for (int mx = 0; mx < matrix.getWidth(); mx++) {
                if (matrix.get(mx, my)) {
                    g.fillRect(x0 + mx * module, canvas.y + my * module, module, module);
                }
            }
        }
        canvas.advance(size + quiet);
    }

    private void drawBarcode(Canvas canvas, EscPosElement.Barcode barcode) {
        BitMatrix matrix;
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.MARGIN, 0);
        try {
            matrix = switch (barcode.type()) {
                case EAN13 -> new EAN13Writer().encode(
                        barcode.data().length() == 12 ? barcode.data() + Ean13.checkDigit(barcode.data()) : barcode.data(),
                        BarcodeFormat.EAN_13, 0, 1, hints);
                case CODE128 -> new Code128Writer().encode(barcode.data(), BarcodeFormat.CODE_128, 0, 1, hints);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("barcode '" + barcode.data() + "' cannot be drawn: " + e.getMessage(), e);
        }
        int module = Math.max(1, barcode.moduleWidth());
        int width = matrix.getWidth() * module;
        if (width > paperDots) {
            module = Math.max(1, paperDots / matrix.getWidth());
            width = matrix.getWidth() * module;
        }
        int textHeight = barcode.textBelow() ? CELL_HEIGHT + LINE_GAP : 0;
        canvas.ensure(barcode.heightDots() + textHeight + 2 * LINE_GAP);
        canvas.advance(LINE_GAP);
        int x0 = startX(barcode.alignment(), width);
        Graphics2D g = canvas.graphics();
        for (int mx = 0; mx < matrix.getWidth(); mx++) {
            if (matrix.get(mx, 0)) {
                g.fillRect(x0 + mx * module, canvas.y, module, barcode.heightDots());
            }
        }
        canvas.advance(barcode.heightDots());
        if (barcode.textBelow()) {
            String hri = barcode.type() == BarcodeType.EAN13 && barcode.data().length() == 12
                    ? barcode.data() + Ean13.checkDigit(barcode.data()) : barcode.data();
            drawLine(canvas, new EscPosElement.TextLine(barcode.alignment(),
                    List.of(new EscPosElement.TextRun(hri, false, 1, 1))));
        } else {
            canvas.advance(LINE_GAP);
        }
    }

    private void drawRaster(Canvas canvas, EscPosElement.RasterImage raster) {
        MonochromeBitmap bitmap = raster.bitmap();
        canvas.ensure(bitmap.heightDots());
        int x0 = startX(raster.alignment(), Math.min(bitmap.widthDots(), paperDots));
        for (int y = 0; y < bitmap.heightDots(); y++) {
            for (int x = 0; x < bitmap.widthDots() && x0 + x < paperDots; x++) {
                if (bitmap.isBlack(x, y)) {
                    canvas.image.setRGB(x0 + x, canvas.y + y, 0xFF000000);
                }
            }
        }
        canvas.advance(bitmap.heightDots());
    }

    private void drawCut(Canvas canvas) {
        canvas.ensure(3 * LINE_GAP);
        canvas.advance(LINE_GAP);
        Graphics2D g = canvas.graphics();
        g.setColor(Color.GRAY);
        for (int x = 0; x < paperDots; x += 12) {
            g.drawLine(x, canvas.y, x + 6, canvas.y);
        }
        g.setColor(Color.BLACK);
        canvas.advance(2 * LINE_GAP);
    }

    private int startX(Alignment alignment, int width) {
        return switch (alignment) {
            case LEFT -> 0;
            case CENTER -> Math.max(0, (paperDots - width) / 2);
            case RIGHT -> Math.max(0, paperDots - width);
        };
    }

    /** A white strip of paper that grows as lines are printed. */
    private static final class Canvas {
        private final int width;
        private BufferedImage image;
        private Graphics2D graphics;
        private int y = MARGIN;

        Canvas(int width) {
            this.width = width;
            this.image = blank(width, 1024);
        }

        Graphics2D graphics() {
            if (graphics == null) {
                graphics = image.createGraphics();
                graphics.setColor(Color.BLACK);
                graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            }
            return graphics;
        }

        void ensure(int more) {
            if (y + more + MARGIN <= image.getHeight()) {
                return;
            }
            BufferedImage bigger = blank(width, Math.max(image.getHeight() * 2, y + more + MARGIN));
            Graphics2D g = bigger.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
            if (graphics != null) {
                graphics.dispose();
                graphics = null;
            }
            image = bigger;
        }

        void advance(int dots) {
            ensure(dots);
            y += dots;
        }

        BufferedImage finish() {
            if (graphics != null) {
                graphics.dispose();
            }
            return image.getSubimage(0, 0, width, Math.min(image.getHeight(), y + MARGIN));
        }

        private static BufferedImage blank(int width, int height) {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.dispose();
            return img;
        }
    }
}
