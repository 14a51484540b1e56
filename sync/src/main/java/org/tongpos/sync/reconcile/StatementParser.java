package org.tongpos.sync.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads a statement CSV as a stream, one record at a time (a quoted reference may hold line breaks):
 * memory does not grow with the file. Checks the header, every row's shape, and that the trailer's count
 * and sums equal the rows'.
 */
public final class StatementParser {

    public static final String HEADER = "txn_id,seq,kind,business_date,method,amount_fen,fee_fen,net_fen,reference,status";
    private static final String TRAILER_MARK = "#TOTAL";
    private static final int FIELDS = 10;

    private StatementParser() {
    }

    /** Passes every row to {@code rows} and returns the verified trailer. */
    public static StatementTrailer parse(InputStream in, Consumer<StatementRow> rows) throws IOException {
        CsvRecordReader records = new CsvRecordReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String[] fields = new String[FIELDS];
        int fieldCount = records.next(fields);
        if (fieldCount != FIELDS || !joined(fields, fieldCount).equals(HEADER)) {
            throw new StatementFormatException("statement header is not '" + HEADER + "': "
                    + (fieldCount < 0 ? "empty file" : joined(fields, fieldCount)));
        }
        long count = 0;
        long amount = 0;
        long fee = 0;
        long net = 0;
        while ((fieldCount = records.next(fields)) >= 0) {
            long lineNo = records.recordLine();
            if (TRAILER_MARK.equals(fields[0])) {
                StatementTrailer trailer = trailer(fields, fieldCount);
                if (records.next(fields) >= 0) {
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
            if (fieldCount != FIELDS) {
                throw new StatementFormatException("statement line " + lineNo + " does not have " + FIELDS
                        + " fields");
            }
            StatementRow row;
            try {
                row = new StatementRow(fields[0], Long.parseLong(fields[1]), fields[2], fields[3], fields[4],
                        Long.parseLong(fields[5]), Long.parseLong(fields[6]), Long.parseLong(fields[7]), fields[8],
                        fields[9]);
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

    private static StatementTrailer trailer(String[] fields, int fieldCount) {
        String text = joined(fields, fieldCount);
        if (fieldCount != 5) {
            throw new StatementFormatException("malformed statement trailer: " + text);
        }
        try {
            return new StatementTrailer(Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                    Long.parseLong(fields[3]), Long.parseLong(fields[4]));
        } catch (NumberFormatException e) {
            throw new StatementFormatException("malformed statement trailer: " + text, e);
        }
    }

    private static String joined(String[] fields, int fieldCount) {
        return String.join(",", Arrays.asList(fields).subList(0, Math.max(0, Math.min(fieldCount, fields.length))));
    }
}
