package org.tongpos.sync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.wire.DayTotals;
import org.tongpos.sync.wire.ErrorCode;
import org.tongpos.sync.wire.SettlementResult;
import org.tongpos.sync.wire.SettlementStatus;
import org.tongpos.sync.wire.StatementInfo;

/**
 * Day close and statements. Settling compares the terminal's totals with what the bank holds for that
 * date then (late entries included) and publishes a new statement version under a new
 * {@code download_path}; older files stay and can still be downloaded.
 */
final class SettlementService {

    private final SandboxDatabase database;
    private final IdempotentExecutor idempotent;
    private final StatementWriter writer;
    private final JsonBodies bodies;
    private final Path statementsDir;
    private final Clock clock;

    SettlementService(SandboxDatabase database, IdempotentExecutor idempotent, StatementWriter writer,
                      JsonBodies bodies, Path statementsDir, Clock clock) {
        this.database = database;
        this.idempotent = idempotent;
        this.writer = writer;
        this.bodies = bodies;
        this.statementsDir = statementsDir;
        this.clock = clock;
    }

    ApiResponse settle(RequestContext request, String terminalId) {
        return idempotent.execute(request, (connection, key) -> {
            JsonNode body = bodies.object(request.body());
            String settlementId = JsonFields.identifier(body, "settlement_id");
            if (!settlementId.equals(key)) {
                throw ApiException.param("Idempotency-Key must equal settlement_id");
            }
            String date = JsonFields.text(body, "business_date");
            if (!EntryReader.isDate(date)) {
                throw ApiException.param("business_date must be YYYY-MM-DD");
            }
            DayTotals terminal = new DayTotals(nonNegative(body, "count"), nonNegative(body, "debit_total_fen"),
                    nonNegative(body, "credit_total_fen"));
            DayTotals bank = Ledger.dayTotals(connection, terminalId, date);
            SettlementStatus status = bank.equals(terminal) ? SettlementStatus.IN_BALANCE
                    : SettlementStatus.OUT_OF_BALANCE;
            int version = publishStatement(connection, terminalId, date);
            insertSettlement(connection, terminalId, settlementId, date, terminal, status, bank, version);
            return bodies.respond(200, new SettlementResult(settlementId, status, bank));
        });
    }

    ApiResponse statementInfo(String terminalId, String businessDate) {
        requireDate(businessDate);
        StatementInfo info = database.inTransaction(connection -> latest(connection, terminalId, businessDate));
        if (info == null) {
            throw new ApiException(ErrorCode.NOT_READY, "business date " + businessDate + " is not settled yet");
        }
        return bodies.respond(200, info);
    }

    ApiResponse download(String terminalId, String businessDate, String version) {
        requireDate(businessDate);
        if (!version.matches("[1-9][0-9]{0,8}")) {
            throw ApiException.notFound("no such statement file");
        }
        String fileName = database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT file_name FROM statements WHERE terminal_id = ? AND business_date = ? AND version = ?")) {
                select.setString(1, terminalId);
                select.setString(2, businessDate);
                select.setInt(3, Integer.parseInt(version));
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            }
        });
        if (fileName == null || !Files.isRegularFile(statementsDir.resolve(terminalId).resolve(fileName))) {
            throw ApiException.notFound("no such statement file");
        }
        return ApiResponse.csvFile(statementsDir.resolve(terminalId).resolve(fileName));
    }

    /** Marks one tender's row in statements published from now on. */
    void mark(String terminalId, String txnId, TenderMethod method, StatementRowStatus status, long bankAmountFen) {
        if (method == TenderMethod.CASH) {
            throw new IllegalArgumentException("cash tenders have no statement row");
        }
        database.durably(connection -> {
            try (PreparedStatement merge = connection.prepareStatement(
                    "MERGE INTO statement_marks (terminal_id, txn_id, method, status, bank_amount_fen)"
                            + " KEY (terminal_id, txn_id, method) VALUES (?, ?, ?, ?, ?)")) {
                merge.setString(1, terminalId);
                merge.setString(2, txnId);
                merge.setString(3, method.name());
                merge.setString(4, status.name());
                merge.setLong(5, bankAmountFen);
                merge.executeUpdate();
            }
            return null;
        });
    }

    static String downloadPath(String terminalId, String businessDate, int version) {
        return "/v1/terminals/" + terminalId + "/statements/" + businessDate + "/files/" + version + ".csv";
    }

    private int publishStatement(Connection connection, String terminalId, String date) throws SQLException {
        int version;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM statements WHERE terminal_id = ? AND business_date = ?")) {
            select.setString(1, terminalId);
            select.setString(2, date);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                version = rows.getInt(1);
            }
        }
        String fileName = date + "-v" + version + ".csv";
        StatementWriter.Written written = writer.write(connection, terminalId, date,
                statementsDir.resolve(terminalId).resolve(fileName));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO statements (terminal_id, business_date, version, file_name, sha256, row_count, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, terminalId);
            insert.setString(2, date);
            insert.setInt(3, version);
            insert.setString(4, fileName);
            insert.setString(5, written.sha256());
            insert.setLong(6, written.rows());
            insert.setString(7, BankTime.now(clock));
            insert.executeUpdate();
        }
        return version;
    }

    private void insertSettlement(Connection connection, String terminalId, String settlementId, String date,
                                  DayTotals terminal, SettlementStatus status, DayTotals bank, int version)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO settlements (terminal_id, settlement_id, business_date, entry_count, debit_total_fen,"
                        + " credit_total_fen, status, bank_count, bank_debit_fen, bank_credit_fen, statement_version,"
                        + " settled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, terminalId);
            insert.setString(2, settlementId);
            insert.setString(3, date);
            insert.setLong(4, terminal.count());
            insert.setLong(5, terminal.debitTotalFen());
            insert.setLong(6, terminal.creditTotalFen());
            insert.setString(7, status.name());
            insert.setLong(8, bank.count());
            insert.setLong(9, bank.debitTotalFen());
            insert.setLong(10, bank.creditTotalFen());
            insert.setInt(11, version);
            insert.setString(12, BankTime.now(clock));
            insert.executeUpdate();
        }
    }

    private static StatementInfo latest(Connection connection, String terminalId, String date) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version, sha256 FROM statements WHERE terminal_id = ? AND business_date = ?"
                        + " ORDER BY version DESC LIMIT 1")) {
            select.setString(1, terminalId);
            select.setString(2, date);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                return new StatementInfo(date, StatementInfo.SHA_256, rows.getString(2),
                        downloadPath(terminalId, date, rows.getInt(1)));
            }
        }
    }

    private static long nonNegative(JsonNode body, String field) {
        long value = JsonFields.integer(body, field);
        if (value < 0) {
            throw ApiException.param(field + " must be >= 0");
        }
        return value;
    }

    private static void requireDate(String businessDate) {
        if (!EntryReader.isDate(businessDate)) {
            throw ApiException.param("business_date must be YYYY-MM-DD");
        }
    }
}
