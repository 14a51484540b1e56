package org.tongpos.sync.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The sandbox bank's tables. Created when missing; the sandbox owns its file, so no migrations yet. */
final class SandboxSchema {

    private static final String[] STATEMENTS = {
        """
        CREATE TABLE IF NOT EXISTS nonces (
          terminal_id VARCHAR(64) NOT NULL, nonce VARCHAR(256) NOT NULL, seen_at BIGINT NOT NULL,
          PRIMARY KEY (terminal_id, nonce))""",
        "CREATE INDEX IF NOT EXISTS nonces_seen_at ON nonces(seen_at)",
        """
        CREATE TABLE IF NOT EXISTS idempotency_records (
          scope VARCHAR(200) NOT NULL, idem_key VARCHAR(200) NOT NULL, request_sha256 CHAR(64) NOT NULL,
          status INT NOT NULL, body VARBINARY(1000000) NOT NULL, created_at VARCHAR(32) NOT NULL,
          PRIMARY KEY (scope, idem_key))""",
        """
        CREATE TABLE IF NOT EXISTS entries (
          terminal_id VARCHAR(64) NOT NULL, seq BIGINT NOT NULL, txn_id VARCHAR(36) NOT NULL, txn_uuid UUID NOT NULL,
          kind VARCHAR(16) NOT NULL, occurred_at VARCHAR(64) NOT NULL, business_date VARCHAR(10) NOT NULL,
          amount_fen BIGINT NOT NULL, original_txn_id VARCHAR(36) NOT NULL, prev_hash CHAR(64) NOT NULL,
          entry_hash CHAR(64) NOT NULL, batch_id VARCHAR(200) NOT NULL,
          PRIMARY KEY (terminal_id, seq))""",
        "CREATE UNIQUE INDEX IF NOT EXISTS entries_txn_uuid ON entries(txn_uuid)",
        """
        CREATE TABLE IF NOT EXISTS terminal_heads (
          terminal_id VARCHAR(64) NOT NULL PRIMARY KEY, last_seq BIGINT NOT NULL, last_entry_hash CHAR(64) NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS entries_by_date ON entries(terminal_id, business_date, seq)",
        """
        CREATE TABLE IF NOT EXISTS entry_tenders (
          terminal_id VARCHAR(64) NOT NULL, seq BIGINT NOT NULL, position INT NOT NULL, method VARCHAR(16) NOT NULL,
          amount_fen BIGINT NOT NULL, reference VARCHAR(200) NOT NULL,
          PRIMARY KEY (terminal_id, seq, position))""",
        """
        CREATE TABLE IF NOT EXISTS batches (
          terminal_id VARCHAR(64) NOT NULL, batch_id VARCHAR(200) NOT NULL, first_seq BIGINT NOT NULL,
          last_seq BIGINT NOT NULL, entry_count BIGINT NOT NULL, debit_total_fen BIGINT NOT NULL,
          credit_total_fen BIGINT NOT NULL, accepted_at VARCHAR(32) NOT NULL,
          PRIMARY KEY (terminal_id, batch_id))""",
        """
        CREATE TABLE IF NOT EXISTS settlements (
          terminal_id VARCHAR(64) NOT NULL, settlement_id VARCHAR(200) NOT NULL, business_date VARCHAR(10) NOT NULL,
          entry_count BIGINT NOT NULL, debit_total_fen BIGINT NOT NULL, credit_total_fen BIGINT NOT NULL,
          status VARCHAR(16) NOT NULL, bank_count BIGINT NOT NULL, bank_debit_fen BIGINT NOT NULL,
          bank_credit_fen BIGINT NOT NULL, statement_version INT NOT NULL, settled_at VARCHAR(32) NOT NULL,
          PRIMARY KEY (terminal_id, settlement_id))""",
        """
        CREATE TABLE IF NOT EXISTS statements (
          terminal_id VARCHAR(64) NOT NULL, business_date VARCHAR(10) NOT NULL, version INT NOT NULL,
          file_name VARCHAR(200) NOT NULL, sha256 CHAR(64) NOT NULL, row_count BIGINT NOT NULL,
          created_at VARCHAR(32) NOT NULL,
          PRIMARY KEY (terminal_id, business_date, version))""",
        """
        CREATE TABLE IF NOT EXISTS statement_marks (
          terminal_id VARCHAR(64) NOT NULL, txn_id VARCHAR(36) NOT NULL, method VARCHAR(16) NOT NULL,
          status VARCHAR(16) NOT NULL, bank_amount_fen BIGINT NOT NULL,
          PRIMARY KEY (terminal_id, txn_id, method))""",
        """
        CREATE TABLE IF NOT EXISTS payments (
          out_trade_no VARCHAR(64) NOT NULL PRIMARY KEY, terminal_id VARCHAR(64) NOT NULL,
          auth_code VARCHAR(32) NOT NULL, amount_fen BIGINT NOT NULL, description VARCHAR(1000) NOT NULL,
          trade_no VARCHAR(64) NOT NULL, channel VARCHAR(16) NOT NULL, status VARCHAR(16) NOT NULL,
          fail_code VARCHAR(64) NOT NULL, created_epoch BIGINT NOT NULL, queries INT NOT NULL,
          refunded_fen BIGINT NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS payment_tombstones (
          out_trade_no VARCHAR(64) NOT NULL PRIMARY KEY, reversed_at VARCHAR(32) NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS refunds (
          out_refund_no VARCHAR(64) NOT NULL PRIMARY KEY, out_trade_no VARCHAR(64) NOT NULL,
          amount_fen BIGINT NOT NULL, reason VARCHAR(1000) NOT NULL, status VARCHAR(16) NOT NULL,
          created_at VARCHAR(32) NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS accounts (
          account_id VARCHAR(64) NOT NULL PRIMARY KEY, diner_id VARCHAR(64) NOT NULL, name VARCHAR(200) NOT NULL,
          department VARCHAR(200) NOT NULL, diner_type VARCHAR(32) NOT NULL, card_uid VARCHAR(64) NOT NULL,
          balance_fen BIGINT NOT NULL, subsidy_fen BIGINT NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS account_changes (
          cursor_id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, account_id VARCHAR(64) NOT NULL,
          diner_id VARCHAR(64) NOT NULL, name VARCHAR(200) NOT NULL, department VARCHAR(200) NOT NULL,
          diner_type VARCHAR(32) NOT NULL, card_uid VARCHAR(64) NOT NULL, change_kind VARCHAR(16) NOT NULL,
          amount_fen BIGINT NOT NULL, balance_fen BIGINT NOT NULL, subsidy_fen BIGINT NOT NULL,
          txn_id VARCHAR(36) NOT NULL, terminal_id VARCHAR(64) NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS bank_keys (
          key_id VARCHAR(64) NOT NULL PRIMARY KEY, private_pkcs8 VARBINARY(1000) NOT NULL,
          public_raw VARBINARY(64) NOT NULL, created_at VARCHAR(32) NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS counters (
          name VARCHAR(64) NOT NULL PRIMARY KEY, counter_value BIGINT NOT NULL)""",
    };

    private SandboxSchema() {
    }

    static Void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
        return null;
    }
}
