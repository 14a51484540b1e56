package org.tongpos.sync.sandbox;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import org.tongpos.sync.journal.EntryKind;

/**
 * Writes a day's statement CSV: header; one row per non-cash tender of the terminal's entries of that
 * business date, by seq then tender order; refunds negative (amount, fee, net); marked rows REVERSED,
 * ADJUSTED (the bank's amount) or left out; trailer {@code #TOTAL,rows,amount,fee,net} over all rows.
 * UTF-8 without BOM, LF line ends, a newline after the trailer, RFC 4180 quoting only where needed.
 * Rows are streamed from the database to a temporary file, forced to disk, then moved into place.
 */
final class StatementWriter {

    static final String HEADER = "txn_id,seq,kind,business_date,method,amount_fen,fee_fen,net_fen,reference,status";

    record Written(Path file, String sha256, long rows) {
    }

    private final FeePolicy fees;

    StatementWriter(FeePolicy fees) {
        this.fees = fees;
    }

    Written write(Connection connection, String terminalId, String businessDate, Path target) throws SQLException {
        try {
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling(target.getFileName() + ".tmp");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long rows;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                OutputStream digesting = new DigestOutputStream(java.nio.channels.Channels.newOutputStream(channel),
                        sha256);
                Writer out = new BufferedWriter(new OutputStreamWriter(digesting, StandardCharsets.UTF_8), 1 << 16);
                rows = writeRows(connection, terminalId, businessDate, out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(target.getParent());
            return new Written(target, HexFormat.of().formatHex(sha256.digest()), rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write statement " + target, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** Makes the rename durable too (Linux allows fsync on a directory; elsewhere this is best effort). */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported on this platform: the file itself is already forced
        }
    }

    private long writeRows(Connection connection, String terminalId, String businessDate, Writer out)
            throws SQLException, IOException {
        out.write(HEADER);
        out.write('\n');
        long rows = 0;
        long amountSum = 0;
        long feeSum = 0;
        long netSum = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT e.txn_id, e.seq, e.kind, e.business_date, t.method, t.amount_fen, t.reference,"
                        + " m.status, m.bank_amount_fen"
                        + " FROM entries e JOIN entry_tenders t ON t.terminal_id = e.terminal_id AND t.seq = e.seq"
                        + " LEFT JOIN statement_marks m ON m.terminal_id = e.terminal_id AND m.txn_id = e.txn_id"
                        + " AND m.method = t.method"
                        + " WHERE e.terminal_id = ? AND e.business_date = ? AND t.method <> 'CASH'"
                        + " ORDER BY e.seq, t.position")) {
            select.setString(1, terminalId);
            select.setString(2, businessDate);
            select.setFetchSize(1000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    StatementRowStatus mark = rs.getString(8) == null ? StatementRowStatus.SETTLED
                            : StatementRowStatus.valueOf(rs.getString(8));
                    if (mark == StatementRowStatus.OMITTED) {
                        continue;
                    }
                    long magnitude = mark == StatementRowStatus.ADJUSTED ? rs.getLong(9) : rs.getLong(6);
                    long amount = EntryKind.valueOf(rs.getString(3)).isCredit() ? -magnitude : magnitude;
                    long fee = fees.feeFor(amount);
                    long net = amount - fee;
                    out.write(field(rs.getString(1)));
                    out.write(',');
                    out.write(Long.toString(rs.getLong(2)));
                    out.write(',');
                    out.write(rs.getString(3));
                    out.write(',');
                    out.write(rs.getString(4));
                    out.write(',');
                    out.write(rs.getString(5));
                    out.write(',');
                    out.write(Long.toString(amount));
                    out.write(',');
                    out.write(Long.toString(fee));
                    out.write(',');
                    out.write(Long.toString(net));
                    out.write(',');
                    out.write(field(rs.getString(7)));
                    out.write(',');
                    out.write(mark.name());
                    out.write('\n');
                    rows++;
                    amountSum = Math.addExact(amountSum, amount);
                    feeSum = Math.addExact(feeSum, fee);
                    netSum = Math.addExact(netSum, net);
                }
            }
        }
        out.write("#TOTAL," + rows + "," + amountSum + "," + feeSum + "," + netSum + "\n");
        return rows;
    }

    /** RFC 4180: quote only a field holding a comma, a quote, CR or LF; double the quotes inside. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
