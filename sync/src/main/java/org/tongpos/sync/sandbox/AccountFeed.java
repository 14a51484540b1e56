package org.tongpos.sync.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.wire.AccountChange;
import org.tongpos.sync.wire.AccountChangeKind;
import org.tongpos.sync.wire.AccountChangesPage;

/**
 * The merchant's canteen accounts and their change feed. Every change is one row with an increasing
 * cursor; the database writes one transaction at a time, so cursors appear in commit order and a reader
 * that continues from its last cursor misses nothing. Accepted entries with ACCOUNT or SUBSIDY tenders
 * become one DEBIT (sales, meals) or CREDIT (refunds) per account: {@code amount_fen} is the account's
 * part (positive), ACCOUNT tenders move {@code balance_fen}, SUBSIDY tenders move {@code subsidy_fen}.
 * Balances may go negative: offline overdraft is recorded, not refused.
 */
final class AccountFeed {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(AccountFeed.class);

    /** Seeds the demo accounts of a fresh bank: opened, topped up and given a subsidy; one card lost. */
    void seedDemoAccountsIfEmpty(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM accounts");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            if (rows.getLong(1) > 0) {
                return;
            }
        }
        String[][] demo = {
            {"A0001", "D0001", "张伟", "办公室", "STAFF", "04A1B2C3"},
            {"A0002", "D0002", "王芳", "财务科", "STAFF", "04A1B2C4"},
            {"A0003", "D0003", "李娜", "纪检监察室", "STAFF", "04A1B2C5"},
            {"A0004", "D0004", "刘洋", "后勤保障科", "STAFF", "04A1B2C6"},
            {"A0005", "D0005", "陈静", "信息中心", "STAFF", "04A1B2C7"},
            {"A0006", "D0006", "杨帆", "信息中心", "INTERN", "04A1B2C8"},
            {"A0007", "D0007", "赵磊", "离退休干部科", "RETIREE", "04A1B2C9"},
            {"A0008", "D0008", "访客", "办公室", "GUEST", "04A1B2CA"},
        };
        for (String[] row : demo) {
            DemoAccount account = new DemoAccount(row[0], row[1], row[2], row[3], row[4], row[5], 0, 0);
            open(connection, account);
            if (!"GUEST".equals(account.dinerType())) {
                change(connection, account.accountId(), AccountChangeKind.TOPUP, 20_000);
                change(connection, account.accountId(), AccountChangeKind.SUBSIDY, 30_000);
            }
        }
        change(connection, "A0006", AccountChangeKind.HOTLIST, 0);
    }

    void open(Connection connection, DemoAccount account) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO accounts (account_id, diner_id, name, department, diner_type, card_uid, balance_fen,"
                        + " subsidy_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, account.accountId());
            insert.setString(2, account.dinerId());
            insert.setString(3, account.name());
            insert.setString(4, account.department());
            insert.setString(5, account.dinerType());
            insert.setString(6, account.cardUid());
            insert.setLong(7, account.balanceFen());
            insert.setLong(8, account.subsidyFen());
            insert.executeUpdate();
        }
        append(connection, account, AccountChangeKind.OPEN, 0, "", "");
    }

    /**
     * A bank-side change: TOPUP moves the balance by {@code amountFen}, SUBSIDY moves the subsidy (negative
     * when it expires); UPDATE, HOTLIST, UNHOTLIST and CLOSE carry no amount.
     */
    AccountChange change(Connection connection, String accountId, AccountChangeKind kind, long amountFen)
            throws SQLException {
        DemoAccount account = find(connection, accountId);
        if (account == null) {
            throw ApiException.notFound("no account " + accountId);
        }
        DemoAccount after = switch (kind) {
            case TOPUP -> account.withBalances(Math.addExact(account.balanceFen(), amountFen), account.subsidyFen());
            case SUBSIDY -> account.withBalances(account.balanceFen(), Math.addExact(account.subsidyFen(), amountFen));
            case UPDATE, HOTLIST, UNHOTLIST, CLOSE -> account;
            case OPEN, DEBIT, CREDIT -> throw ApiException.param(kind + " is not a bank-side change");
        };
        long amount = kind == AccountChangeKind.TOPUP || kind == AccountChangeKind.SUBSIDY ? amountFen : 0;
        saveBalances(connection, after);
        return append(connection, after, kind, amount, "", "");
    }

    void recordEntries(Connection connection, String terminalId, List<JournalEntry> entries) throws SQLException {
        for (JournalEntry entry : entries) {
            Map<String, long[]> parts = new LinkedHashMap<>();
            for (EntryTender tender : entry.tenders()) {
                if (tender.method() == TenderMethod.ACCOUNT || tender.method() == TenderMethod.SUBSIDY) {
                    long[] part = parts.computeIfAbsent(tender.reference(), k -> new long[2]);
                    part[tender.method() == TenderMethod.ACCOUNT ? 0 : 1] += tender.amountFen();
                }
            }
            for (Map.Entry<String, long[]> part : parts.entrySet()) {
                DemoAccount account = find(connection, part.getKey());
                if (account == null) {
                    LOG.warn("entry {} of {} names unknown account {}: no feed change", entry.seq(), terminalId,
                            part.getKey());
                    continue;
                }
                long sign = entry.kind().isCredit() ? 1 : -1;
                DemoAccount after = account.withBalances(account.balanceFen() + sign * part.getValue()[0],
                        account.subsidyFen() + sign * part.getValue()[1]);
                saveBalances(connection, after);
                append(connection, after, entry.kind().isCredit() ? AccountChangeKind.CREDIT : AccountChangeKind.DEBIT,
                        part.getValue()[0] + part.getValue()[1], entry.txnId(), terminalId);
            }
        }
    }

    /**
     * The changes after the cursor {@code after} (decimal text, or null for the start). An empty page
     * echoes {@code after} exactly as given, as the contract says ({@code 007} stays {@code 007}).
     */
    AccountChangesPage page(Connection connection, String after, int limit) throws SQLException {
        List<AccountChange> changes = new ArrayList<>();
        boolean more = false;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT cursor_id, account_id, diner_id, name, department, diner_type, card_uid, change_kind,"
                        + " amount_fen, balance_fen, subsidy_fen, txn_id, terminal_id FROM account_changes"
                        + " WHERE cursor_id > ? ORDER BY cursor_id LIMIT ?")) {
            select.setLong(1, after == null ? 0 : Long.parseLong(after));
            select.setInt(2, limit + 1);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (changes.size() == limit) {
                        more = true;
                        break;
                    }
                    changes.add(new AccountChange(Long.toString(rows.getLong(1)), rows.getString(2),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), AccountChangeKind.valueOf(rows.getString(8)), rows.getLong(9),
                            rows.getLong(10), rows.getLong(11), rows.getString(12), rows.getString(13)));
                }
            }
        }
        String next = changes.isEmpty() ? (after == null ? "0" : after)
                : changes.get(changes.size() - 1).cursor();
        return new AccountChangesPage(changes, next, more);
    }

    DemoAccount find(Connection connection, String accountId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT account_id, diner_id, name, department, diner_type, card_uid, balance_fen, subsidy_fen"
                        + " FROM accounts WHERE account_id = ?")) {
            select.setString(1, accountId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                return new DemoAccount(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getLong(7), rows.getLong(8));
            }
        }
    }

    private static void saveBalances(Connection connection, DemoAccount account) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE accounts SET balance_fen = ?, subsidy_fen = ? WHERE account_id = ?")) {
            update.setLong(1, account.balanceFen());
            update.setLong(2, account.subsidyFen());
            update.setString(3, account.accountId());
            update.executeUpdate();
        }
    }

    private static AccountChange append(Connection connection, DemoAccount account, AccountChangeKind kind,
                                        long amountFen, String txnId, String terminalId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO account_changes (account_id, diner_id, name, department, diner_type, card_uid,"
                        + " change_kind, amount_fen, balance_fen, subsidy_fen, txn_id, terminal_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"CURSOR_ID"})) {
            insert.setString(1, account.accountId());
            insert.setString(2, account.dinerId());
            insert.setString(3, account.name());
            insert.setString(4, account.department());
            insert.setString(5, account.dinerType());
            insert.setString(6, account.cardUid());
            insert.setString(7, kind.name());
            insert.setLong(8, amountFen);
            insert.setLong(9, account.balanceFen());
            insert.setLong(10, account.subsidyFen());
            insert.setString(11, txnId);
            insert.setString(12, terminalId);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new AccountChange(Long.toString(keys.getLong(1)), account.accountId(), account.dinerId(),
                        account.name(), account.department(), account.dinerType(), account.cardUid(), kind, amountFen,
                        account.balanceFen(), account.subsidyFen(), txnId, terminalId);
            }
        }
    }
}
