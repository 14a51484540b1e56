package org.tongpos.app.promotions.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.tongpos.app.catalog.service.CatalogCsvReader;
import org.tongpos.app.catalog.service.CatalogCsvReader.Problem;
import org.tongpos.app.catalog.service.CatalogCsvReader.Reason;

/**
 * Reads the rows of an import CSV the way {@code catalog import} does (UTF-8, BOM and CRLF tolerated, a header of
 * known column names in any order and any case, {@code 第 N 行：原因}), handing each row to a row reader as a map of
 * column to stripped text. Unknown columns are refused, so that a misspelt column cannot be silently ignored.
 */
final class CsvRows {

    /** Reads one row; adds problems to {@code problems} under the row's line. */
    interface RowReader {
        void read(Map<String, String> fields, long line, List<Problem> problems);
    }

    private CsvRows() {
    }

    /** Reads every row; returns every problem (file, header and rows). */
    static List<Problem> read(InputStream in, List<String> required, List<String> optional, RowReader rows)
            throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        List<Problem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        long lastLine = 0;
        try (CSVParser parser = CSVParser.parse(new CatalogCsvReader.BomSkippingReader(reader), format)) {
            List<String> names = parser.getHeaderNames().stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
            List<Reason> header = new ArrayList<>();
            for (String name : names) {
                if (name.isEmpty()) {
                    header.add(Reason.of("catalog.csv.badHeader"));
                } else if (names.indexOf(name) != names.lastIndexOf(name)) {
                    header.add(Reason.of("catalog.csv.repeatedColumn", name));
                } else if (!required.contains(name) && !optional.contains(name)) {
                    header.add(Reason.of("promo.csv.unknownColumn", name, String.join(",", required),
                            String.join(",", optional)));
                }
            }
            List<String> missing = required.stream().filter(r -> !names.contains(r)).toList();
            if (!missing.isEmpty()) {
                header.add(Reason.of("promo.csv.missingColumns", String.join(", ", missing),
                        String.join(",", required)));
            }
            if (!header.isEmpty()) {
                problems.add(new Problem(1, List.copyOf(new java.util.LinkedHashSet<>(header))));
                return problems;
            }
            lastLine = 1;
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    problems.add(new Problem(line, Reason.of("catalog.csv.fieldCount", names.size(), record.size())));
                } else {
                    Map<String, String> fields = new HashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        fields.put(names.get(i), record.get(i).strip());
                    }
                    rows.read(fields, line, problems);
                }
                lastLine = line;
            }
        } catch (CharacterCodingException e) {
            problems.add(new Problem(0, Reason.of("catalog.csv.notUtf8")));
        } catch (UncheckedIOException e) {
            problems.add(CatalogCsvReader.unreadable(e.getCause(), lastLine + 1));
        } catch (CSVException e) {
            problems.add(CatalogCsvReader.unreadable(e, lastLine + 1));
        }
        return problems;
    }

    /** A promotions-domain reason as the CSV problem's reason. */
    static Reason reason(org.tongpos.app.promotions.domain.Reason r) {
        return new Reason(r.key(), r.args());
    }
}
