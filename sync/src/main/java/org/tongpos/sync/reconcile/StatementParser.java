package org.tongpos.sync.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a statement CSV as a stream, one RFC 4180 record at a time with Commons CSV (a quoted reference
 * may hold commas, quotes and line breaks): memory does not grow with the file, and no record may pass
 * {@link RecordLengthGuard#MAX_RECORD_CHARS}. Checks the header, every row's shape, and that the trailer's
 * count and sums equal the rows'.
 */
public final class StatementParser {

    public static final String HEADER = "txn_id,seq,kind,business_date,method,amount_fen,fee_fen,net_fen,reference,status";
    private static final String TRAILER_MARK = "#TOTAL";
    private static final int FIELDS = 10;
    /** Strict RFC 4180: a blank line is a record (refused as a row); text after a closing quote is an error. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setTrailingData(false)
            .setLenientEof(false)
            .get();

    private StatementParser() {
    }

    /** Passes every row to {@code rows} and returns the verified trailer. The caller closes {@code in}. */
    public static StatementTrailer parse(InputStream in, Consumer<StatementRow> rows) throws IOException {
        Records records = new Records(new InputStreamReader(in, StandardCharsets.UTF_8));
        CSVRecord record = records.next();
        if (record == null || record.size() != FIELDS || !String.join(",", record.values()).equals(HEADER)) {
            throw new StatementFormatException("statement header is not '" + HEADER + "': "
                    + (record == null ? "empty file" : String.join(",", record.values())));
        }
        long count = 0;
        long amount = 0;
        long fee = 0;
        long net = 0;
        while ((record = records.next()) != null) {
            long lineNo = records.recordLine();
            if (TRAILER_MARK.equals(record.get(0))) {
                StatementTrailer trailer = trailer(record);
                if (records.next() != null) {
                    throw new StatementFormatException("statement has lines after its trailer (line "
                            + records.recordLine() + ")");
                }
                if (trailer.rows() != count || trailer.amountFen() != amount || trailer.feeFen() != fee
                        || trailer.netFen() != net) {
                    throw new StatementFormatException("statement trailer " + trailer + " does not match its rows: "
                            + new StatementTrailer(count, amount, fee, net));
                }
                return trailer;
            }
            if (record.size() != FIELDS) {
                throw new StatementFormatException("statement line " + lineNo + " does not have " + FIELDS
                        + " fields");
            }
            StatementRow row;
            try {
                row = new StatementRow(record.get(0), Long.parseLong(record.get(1)), record.get(2), record.get(3),
                        record.get(4), Long.parseLong(record.get(5)), Long.parseLong(record.get(6)),
                        Long.parseLong(record.get(7)), record.get(8), record.get(9));
            } catch (NumberFormatException e) {
                throw new StatementFormatException("statement line " + lineNo + " has a malformed number", e);
            }
            count++;
            amount = Math.addExact(amount, row.amountFen());
            fee = Math.addExact(fee, row.feeFen());
            net = Math.addExact(net, row.netFen());
            rows.accept(row);
        }
        throw new StatementFormatException("statement has no #TOTAL trailer");
    }

    private static StatementTrailer trailer(CSVRecord record) {
        String text = String.join(",", record.values());
        if (record.size() != 5) {
            throw new StatementFormatException("malformed statement trailer: " + text);
        }
        try {
            return new StatementTrailer(Long.parseLong(record.get(1)), Long.parseLong(record.get(2)),
                    Long.parseLong(record.get(3)), Long.parseLong(record.get(4)));
        } catch (NumberFormatException e) {
            throw new StatementFormatException("malformed statement trailer: " + text, e);
        }
    }

    /** The statement's records, one at a time, each with the line it starts on. */
    private static final class Records {

        private final RecordLengthGuard guard;
        private final CSVParser parser;
        private final Iterator<CSVRecord> iterator;
        private long recordLine;

        Records(InputStreamReader reader) throws IOException {
            guard = new RecordLengthGuard(reader);
            parser = CSVParser.builder().setReader(guard).setFormat(FORMAT).get();
            iterator = parser.iterator();
        }

        /** The line (counting from 1) on which the record last read starts. */
        long recordLine() {
            return recordLine;
        }

        /** The next record, or null at the end of the statement. */
        CSVRecord next() throws IOException {
            recordLine = parser.getCurrentLineNumber() + 1;
            guard.startRecord(recordLine);
            try {
                return iterator.hasNext() ? iterator.next() : null;
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CSVException malformed) {
                    throw new StatementFormatException("statement record starting on line " + recordLine
                            + " is not valid RFC 4180 CSV: " + malformed.getMessage(), malformed);
                }
                throw e.getCause();
            }
        }
    }
}
