package org.tongpos.app.reports.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tongpos.app.reports.domain.ReportTable;

/**
 * Writes report tables as one CSV file: UTF-8 with a byte-order mark (so that Excel opens Chinese correctly), CRLF line
 * ends, each table as its title line, its header line and its rows, tables separated by an empty line. The file is
 * written beside the target and moved into place, so a reader never sees half of it.
 */
public final class CsvExport {

    public static final String BOM = "\uFEFF";

    private CsvExport() {
    }

    public static void write(List<ReportTable> tables, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), ".report", ".csv.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                write(tables, out);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void write(List<ReportTable> tables, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BOM);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
        boolean first = true;
        for (ReportTable table : tables) {
            if (!first) {
                csv.println();
            }
            first = false;
            csv.printRecord(table.title());
            csv.printRecord(table.headers());
            for (List<String> row : table.rows()) {
                csv.printRecord(row);
            }
        }
        csv.flush();
    }
}
