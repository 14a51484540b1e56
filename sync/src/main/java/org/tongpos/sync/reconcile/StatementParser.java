package org.tongpos.sync.reconcile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a statement CSV as a stream, one row at a time: memory does not grow with the file. Checks
 * the header, every row's shape, and that the trailer's count and sums equal the rows'.
 */
public final class StatementParser {

    public static final String HEADER = "txn_id,seq,kind,business_date,method,amount_fen,fee_fen,net_fen,reference,status";
    private static final String TRAILER_PREFIX = "#TOTAL,";
    private static final int FIELDS = 10;

    private StatementParser() {
    }

    /** Passes every row to {@code rows} and returns the verified trailer. */
    public static StatementTrailer parse(InputStream in, Consumer<StatementRow> rows) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String header = reader.readLine();
        if (header == null || !header.equals(HEADER)) {
            throw new StatementFormatException("statement header is not '" + HEADER + "': " + header);
        }
        long count = 0;
        long amount = 0;
        long fee = 0;
        long net = 0;
        String[] fields = new String[FIELDS];
        long lineNo = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.startsWith(TRAILER_PREFIX)) {
                StatementTrailer trailer = trailer(line);
                if (reader.readLine() != null) {
                    throw new StatementFormatException("statement has lines after its trailer (line " + lineNo + ")");
                }
                if (trailer.rows() != count || trailer.amountFen() != amount || trailer.feeFen() != fee
                        || trailer.netFen() != net) {
                    throw new StatementFormatException("statement trailer " + trailer + " does not match its rows: "
                            + new StatementTrailer(count, amount, fee, net));
                }
                return trailer;
            }
            if (split(line, fields) != FIELDS) {
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

    private static StatementTrailer trailer(String line) {
        String[] parts = line.split(",", -1);
        if (parts.length != 5) {
            throw new StatementFormatException("malformed statement trailer: " + line);
        }
        try {
            return new StatementTrailer(Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                    Long.parseLong(parts[4]));
        } catch (NumberFormatException e) {
            throw new StatementFormatException("malformed statement trailer: " + line, e);
        }
    }

    /** Splits one RFC 4180 line (quotes only where needed, {@code ""} inside quotes); returns the field count. */
    static int split(String line, String[] out) {
        int n = 0;
        int i = 0;
        int length = line.length();
        while (true) {
            if (n == out.length) {
                return n + 1;
            }
            if (i < length && line.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= length) {
                        throw new StatementFormatException("unterminated quoted field: " + line);
                    }
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < length && line.charAt(i + 1) == '"') {
                            value.append('"');
                            i += 2;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        value.append(c);
                        i++;
                    }
                }
                out[n++] = value.toString();
                if (i == length) {
                    return n;
                }
                if (line.charAt(i) != ',') {
                    throw new StatementFormatException("text after a closing quote: " + line);
                }
                i++;
            } else {
                int comma = line.indexOf(',', i);
                if (comma < 0) {
                    out[n++] = line.substring(i);
                    return n;
                }
                out[n++] = line.substring(i, comma);
                i = comma + 1;
            }
        }
    }
}
