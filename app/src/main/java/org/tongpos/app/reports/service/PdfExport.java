package org.tongpos.app.reports.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.tongpos.app.reports.domain.ReportTable;

/**
 * Writes report tables as a PDF (A4 landscape) with a Chinese font embedded (its subset), and a bar chart of a
 * breakdown when one is given. The font is WenQuanYi Micro Hei from the system ({@code fonts-wqy-microhei}, see
 * docs/reports.md) or a TrueType/TrueType-collection file named by the caller.
 */
public final class PdfExport {

    /** Where {@code fonts-wqy-microhei} installs its font; Noto CJK as the second choice. */
    public static final List<Path> DEFAULT_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"));

    private static final float MARGIN = 36;
    private static final float FONT_SIZE = 9;
    private static final float LEADING = 13;
    private static final int CHART_HEIGHT_POINTS = 180;

    /** A bar chart: a title, the bars' labels and their values. */
    public record Chart(String title, List<String> labels, List<Long> values) {
    }

    private PdfExport() {
    }

    /** The first default font that exists. */
    public static Path defaultFont() throws IOException {
        for (Path p : DEFAULT_FONTS) {
            if (Files.isReadable(p)) {
                return p;
            }
        }
        throw new IOException("no Chinese font found (install fonts-wqy-microhei, or name one with --font): "
                + DEFAULT_FONTS);
    }

    public static void write(List<ReportTable> tables, List<Chart> charts, Path font, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), ".report", ".pdf.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                write(tables, charts, font, out);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void write(List<ReportTable> tables, List<Chart> charts, Path font, OutputStream out)
            throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font pdfFont = load(doc, font);
            Pages pages = new Pages(doc, pdfFont);
            try {
                for (Chart chart : charts) {
                    pages.chart(chart);
                }
                for (ReportTable table : tables) {
                    pages.table(table);
                }
            } finally {
                pages.close();
            }
            doc.save(out);
        }
    }

    private static PDType0Font load(PDDocument doc, Path font) throws IOException {
        String name = font.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".ttc")) {
            AtomicReference<TrueTypeFont> first = new AtomicReference<>();
            TrueTypeCollection collection = new TrueTypeCollection(font.toFile());
            collection.processAllFonts(f -> {
                if (first.get() == null) {
                    first.set(f);
                }
            });
            if (first.get() == null) {
                throw new IOException("no font in " + font);
            }
            return PDType0Font.load(doc, first.get(), true);
        }
        return PDType0Font.load(doc, font.toFile());
    }

    /** Writes on pages one after another, starting a new page when one is full. */
    private static final class Pages {
        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream content;
        private float y;
        private final PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

        Pages(PDDocument doc, PDType0Font font) {
            this.doc = doc;
            this.font = font;
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(size);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            y = size.getHeight() - MARGIN;
        }

        private void need(float height) throws IOException {
            if (content == null || y - height < MARGIN) {
                newPage();
            }
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }

        private void text(float x, float atY, float fontSize, String text) throws IOException {
            content.beginText();
            content.setFont(font, fontSize);
            content.newLineAtOffset(x, atY);
            content.showText(printable(text));
            content.endText();
        }

        /** Characters the font cannot draw are replaced by '?', so that one odd name never fails an export. */
        private String printable(String text) {
            StringBuilder b = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                try {
                    if (cp >= 0x20 && font.hasGlyph(cp)) {
                        b.appendCodePoint(cp);
                    } else {
                        b.append('?');
                    }
                } catch (IOException e) {
                    b.append('?');
                }
            });
            return b.toString();
        }

        void table(ReportTable table) throws IOException {
            need(LEADING * 4);
            y -= LEADING * 1.5f;
            text(MARGIN, y, FONT_SIZE + 3, table.title());
            y -= LEADING * 1.5f;
            float[] widths = widths(table);
            row(table.headers(), widths);
            content.moveTo(MARGIN, y - 3);
            content.lineTo(size.getWidth() - MARGIN, y - 3);
            content.stroke();
            for (List<String> row : table.rows()) {
                need(LEADING);
                if (y == size.getHeight() - MARGIN) {
                    row(table.headers(), widths);
                }
                y -= LEADING;
                row(row, widths);
            }
        }

        private void row(List<String> cells, float[] widths) throws IOException {
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                text(x, y, FONT_SIZE, fit(cells.get(i), widths[i] - 4));
                x += widths[i];
            }
        }

        private String fit(String text, float width) throws IOException {
            String t = printable(text);
            while (t.length() > 1 && font.getStringWidth(t) / 1000 * FONT_SIZE > width) {
                t = t.substring(0, t.length() - 1);
            }
            return t;
        }

        private float[] widths(ReportTable table) throws IOException {
            int n = table.headers().size();
            float[] want = new float[n];
            List<List<String>> all = new ArrayList<>();
            all.add(table.headers());
            all.addAll(table.rows().subList(0, Math.min(200, table.rows().size())));
            for (List<String> row : all) {
                for (int i = 0; i < n; i++) {
                    want[i] = Math.max(want[i], font.getStringWidth(printable(row.get(i))) / 1000 * FONT_SIZE + 8);
                }
            }
            float total = 0;
            for (float w : want) {
                total += w;
            }
            float available = size.getWidth() - 2 * MARGIN;
            float scale = total > available ? available / total : 1;
            for (int i = 0; i < n; i++) {
                want[i] *= scale;
            }
            return want;
        }

        void chart(Chart chart) throws IOException {
            int height = CHART_HEIGHT_POINTS;
            need(height + LEADING * 4);
            y -= LEADING * 1.5f;
            text(MARGIN, y, FONT_SIZE + 3, chart.title());
            y -= LEADING;
            long max = 1;
            for (long v : chart.values()) {
                max = Math.max(max, v);
            }
            int bars = Math.min(chart.values().size(), 40);
            float width = size.getWidth() - 2 * MARGIN;
            float slot = bars == 0 ? width : width / bars;
            float base = y - height;
            content.setNonStrokingColor(0.2f, 0.45f, 0.75f);
            for (int i = 0; i < bars; i++) {
                content.addRect(MARGIN + i * slot + slot * 0.15f, base, slot * 0.7f, barPoints(chart.values().get(i), max));
            }
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
            content.moveTo(MARGIN, base);
            content.lineTo(MARGIN + width, base);
            content.stroke();
            for (int i = 0; i < bars; i++) {
                text(MARGIN + i * slot + 2, base - LEADING, FONT_SIZE - 2, fit(chart.labels().get(i), slot - 2));
            }
            y = base - LEADING * 2;
        }
    }

    /** A bar's height in whole points: the value's share of the largest, in integer arithmetic on the values. */
    static long barPoints(long value, long max) {
        return CHART_HEIGHT_POINTS * value / max;
    }
}
