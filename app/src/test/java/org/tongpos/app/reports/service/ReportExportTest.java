package org.tongpos.app.reports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.reports.domain.ReportTable;

/** The exports opened and read back: CSV with its BOM and Chinese intact, PDF text extracted with the Chinese. */
class ReportExportTest {

    private static final List<ReportTable> TABLES = List.of(
            new ReportTable("销售报表 2026-11-01 至 2026-11-30", List.of("指标", "本期", "上周同期"),
                    List.of(List.of("销售额", "1075191.90", "899568.44"),
                            List.of("客单价", "164.63", "161.79"))),
            new ReportTable("按商品销售", List.of("商品", "金额"),
                    List.of(List.of("农夫山泉, 550ml \"天然\"", "12.00"), List.of("红富士苹果", "8.80"))));

    @TempDir
    Path dir;

    @Test
    void csvStartsWithTheBomAndReadsBackWithChineseQuotesAndCommas() throws Exception {
        Path file = dir.resolve("sales.csv");
        CsvExport.write(TABLES, file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            assertThat(reader.read()).isEqualTo(0xFEFF);
            List<CSVRecord> records = CSVFormat.EXCEL.parse(reader).getRecords();
            assertThat(records.get(0).get(0)).isEqualTo("销售报表 2026-11-01 至 2026-11-30");
            assertThat(records.get(1).toList()).containsExactly("指标", "本期", "上周同期");
            assertThat(records.get(2).toList()).containsExactly("销售额", "1075191.90", "899568.44");
            assertThat(records.get(7).toList()).containsExactly("农夫山泉, 550ml \"天然\"", "12.00");
        }
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void pdfEmbedsTheChineseFontAndItsTextReadsBack() throws Exception {
        Path font;
        try {
            font = PdfExport.defaultFont();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no Chinese font: install fonts-wqy-microhei");
            return;
        }
        Path file = dir.resolve("sales.pdf");
        PdfExport.write(TABLES, List.of(new PdfExport.Chart("按时段销售", List.of("08", "09", "12"),
                List.of(100L, 250L, 400L))), font, file);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("销售报表 2026-11-01 至 2026-11-30", "销售额", "1075191.90", "红富士苹果",
                    "按时段销售", "上周同期");
            PDFont used = doc.getPage(0).getResources().getFont(
                    doc.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(used.isEmbedded()).isTrue();
        }
    }
}
