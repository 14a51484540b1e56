package org.tongpos.sync.reconcile;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongpos.sync.client.Jdbc;

/** Stored reconciliation runs and their differences; differences can be marked investigated and exported. */
public final class ReconciliationStore {

    static final String CSV_HEADER = "category,txn_id,seq,method,local_amount_fen,bank_amount_fen,bank_fee_fen,"
            + "bank_status,reference,investigated,note";
    private static final String DIFF_COLUMNS = "run_id, diff_no, category, txn_id, seq, method, local_amount_fen, "
            + "bank_amount_fen, bank_fee_fen, bank_status, reference, investigated, note, investigated_at";

    private final Jdbc jdbc;
    private final Clock clock;

    public ReconciliationStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The latest run for a date. */
    public Optional<ReconciliationReport> latest(LocalDate businessDate) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT run_id FROM recon_run WHERE business_date = ? "
                    + "ORDER BY run_id DESC LIMIT 1")) {
                ps.setObject(1, businessDate);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(report(c, rs.getLong(1))) : Optional.empty();
                }
            }
        });
    }

    /** The latest run of each of the most recent business dates, newest date first (for the sync screen). */
    public List<ReconciliationReport> recentDays(int limit) {
        return jdbc.inTransaction(c -> {
            List<Long> runIds = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(run_id) FROM recon_run GROUP BY business_date "
                    + "ORDER BY business_date DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        runIds.add(rs.getLong(1));
                    }
                }
            }
            List<ReconciliationReport> reports = new ArrayList<>();
            for (long runId : runIds) {
                reports.add(report(c, runId));
            }
            return reports;
        });
    }

    public ReconciliationReport report(long runId) {
        return jdbc.inTransaction(c -> report(c, runId));
    }

    public List<Difference> differences(long runId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DIFF_COLUMNS
                    + " FROM recon_difference WHERE run_id = ? ORDER BY diff_no")) {
                ps.setLong(1, runId);
                List<Difference> differences = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        differences.add(readDifference(rs));
                    }
                }
                return differences;
            }
        });
    }

    /** Records that a person looked into a difference, with their note. */
    public void markInvestigated(long runId, int diffNo, String note) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE recon_difference SET investigated = TRUE, "
                    + "note = ?, investigated_at = ? WHERE run_id = ? AND diff_no = ?")) {
                ps.setString(1, note);
                ps.setObject(2, OffsetDateTime.now(clock));
                ps.setLong(3, runId);
                ps.setInt(4, diffNo);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalArgumentException("no difference " + diffNo + " in run " + runId);
                }
            }
            return null;
        });
    }

    /** Writes the run's differences as CSV (UTF-8 text, LF line ends, RFC 4180 quoting where needed). */
    public void exportCsv(long runId, Writer out) throws IOException {
        out.write(CSV_HEADER);
        out.write('\n');
        for (Difference d : differences(runId)) {
            out.write(String.join(",", d.category().name(), d.txnId(), text(d.seq()), d.method(),
                    text(d.localAmountFen()), text(d.bankAmountFen()), text(d.bankFeeFen()),
                    quote(d.bankStatus()), quote(d.reference()), Boolean.toString(d.investigated()),
                    quote(d.note())));
            out.write('\n');
        }
        out.flush();
    }

    /** Starts a run inside the caller's transaction and returns its id. */
    long insertRun(Connection c, LocalDate date, String hash, String downloadPath) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO recon_run (business_date, statement_hash, "
                + "download_path, reconciled_at, statement_rows, statement_amount_fen, statement_fee_fen, "
                + "statement_net_fen, local_tenders, matched_count, matched_amount_fen, difference_count) "
                + "VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0)", new String[] {"RUN_ID"})) {
            ps.setObject(1, date);
            ps.setString(2, hash);
            ps.setString(3, downloadPath);
            ps.setObject(4, OffsetDateTime.now(clock));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    void finishRun(Connection c, long runId, StatementTrailer trailer, long localTenders, long matched,
                   long matchedAmount, long differences, Long previousRunId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE recon_run SET statement_rows = ?, "
                + "statement_amount_fen = ?, statement_fee_fen = ?, statement_net_fen = ?, local_tenders = ?, "
                + "matched_count = ?, matched_amount_fen = ?, difference_count = ? WHERE run_id = ?")) {
            ps.setLong(1, trailer.rows());
            ps.setLong(2, trailer.amountFen());
            ps.setLong(3, trailer.feeFen());
            ps.setLong(4, trailer.netFen());
            ps.setLong(5, localTenders);
            ps.setLong(6, matched);
            ps.setLong(7, matchedAmount);
            ps.setLong(8, differences);
            ps.setLong(9, runId);
            ps.executeUpdate();
        }
        if (previousRunId != null) {
            carryOverInvestigations(c, previousRunId, runId);
        }
    }

    Long latestRunId(Connection c, LocalDate date) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(run_id) FROM recon_run WHERE business_date = ?")) {
            ps.setObject(1, date);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? null : id;
            }
        }
    }

    /** Batches difference inserts on one connection. */
    static final class DifferenceWriter implements AutoCloseable {
        private final PreparedStatement insert;
        private final long runId;
        private int pending;
        private int next = 1;

        DifferenceWriter(Connection c, long runId) throws SQLException {
            this.runId = runId;
            this.insert = c.prepareStatement("INSERT INTO recon_difference (run_id, diff_no, category, txn_id, seq, "
                    + "method, local_amount_fen, bank_amount_fen, bank_fee_fen, bank_status, reference) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void add(DifferenceCategory category, String txnId, Long seq, String method, Long local, Long bank,
                 Long fee, String status, String reference) throws SQLException {
            insert.setLong(1, runId);
            insert.setInt(2, next++);
            insert.setString(3, category.name());
            insert.setString(4, txnId);
            setLong(insert, 5, seq);
            insert.setString(6, method);
            setLong(insert, 7, local);
            setLong(insert, 8, bank);
            setLong(insert, 9, fee);
            insert.setString(10, status);
            insert.setString(11, reference);
            insert.addBatch();
            if (++pending == 500) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
            }
            insert.close();
        }
    }

    private void carryOverInvestigations(Connection c, long previousRunId, long runId) throws SQLException {
        String match = "p.run_id = ? AND p.category = d.category AND p.txn_id = d.txn_id AND p.method = d.method "
                + "AND p.investigated";
        try (PreparedStatement ps = c.prepareStatement("UPDATE recon_difference d SET investigated = TRUE, "
                + "note = (SELECT p.note FROM recon_difference p WHERE " + match + "), "
                + "investigated_at = (SELECT p.investigated_at FROM recon_difference p WHERE " + match + ") "
                + "WHERE d.run_id = ? AND EXISTS (SELECT 1 FROM recon_difference p WHERE " + match + ")")) {
            ps.setLong(1, previousRunId);
            ps.setLong(2, previousRunId);
            ps.setLong(3, runId);
            ps.setLong(4, previousRunId);
            ps.executeUpdate();
        }
    }

    private static ReconciliationReport report(Connection c, long runId) throws SQLException {
        Map<DifferenceCategory, Long> counts = new EnumMap<>(DifferenceCategory.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT category, COUNT(*) FROM recon_difference "
                + "WHERE run_id = ? GROUP BY category")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(DifferenceCategory.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT business_date, reconciled_at, statement_hash, "
                + "statement_rows, statement_amount_fen, statement_fee_fen, statement_net_fen, local_tenders, "
                + "matched_count, matched_amount_fen, difference_count FROM recon_run WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no reconciliation run " + runId);
                }
                return new ReconciliationReport(runId, rs.getObject(1, LocalDate.class),
                        rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        new StatementTrailer(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)),
                        rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), counts);
            }
        }
    }

    private static Difference readDifference(ResultSet rs) throws SQLException {
        return new Difference(rs.getLong(1), rs.getInt(2), DifferenceCategory.valueOf(rs.getString(3)),
                rs.getString(4), nullableLong(rs, 5), rs.getString(6), nullableLong(rs, 7), nullableLong(rs, 8),
                nullableLong(rs, 9), rs.getString(10), rs.getString(11), rs.getBoolean(12), rs.getString(13),
                rs.getObject(14, OffsetDateTime.class));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static String text(Long value) {
        return value == null ? "" : value.toString();
    }

    static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
