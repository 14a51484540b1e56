package org.tongpos.sync.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.client.SyncStorageException;
import org.tongpos.sync.wire.AccountChange;

/**
 * The local replica of the bank's canteen accounts ({@code bank_account}); read API for the canteen. Every change kind
 * of the feed is applied: OPEN and UPDATE describe the account (diner, name, department, type, card), every change
 * carries the balances after it (TOPUP, SUBSIDY, DEBIT and CREDIT move them), HOTLIST / UNHOTLIST and CLOSE set the
 * flags (OPEN clears both). Lookups by card UID, account, diner, name prefix and initials prefix use indexes, so
 * 300,000 accounts are found as fast as 30.
 */
public final class AccountReplica implements AutoCloseable {

    private static final String COLUMNS = "account_id, diner_id, name, department, diner_type, card_uid, "
            + "balance_fen, subsidy_fen, hotlisted, closed, last_change, last_cursor, updated_at, name_initials";
    /** The columns a change writes, in the order {@link #applyPage} binds them (the account id follows). */
    private static final String UPDATED = "diner_id, name, department, diner_type, card_uid, balance_fen, subsidy_fen, "
            + "hotlisted, closed, last_change, last_cursor, updated_at, name_initials";

    private final Jdbc jdbc;
    private final Clock clock;
    private final UnaryOperator<String> nameInitials;
    /**
     * Card lookups keep one connection and one prepared statement: taking a pooled connection and preparing the
     * statement for each card cost as much as the indexed lookup itself (about 12 µs each on this kind of machine).
     */
    private final ReentrantLock cardLock = new ReentrantLock();
    private Connection cardConnection;
    private PreparedStatement cardStatement;

    public AccountReplica(Jdbc jdbc, Clock clock) {
        this(jdbc, clock, FeedHooks.NONE.nameInitials());
    }

    public AccountReplica(Jdbc jdbc, Clock clock, UnaryOperator<String> nameInitials) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nameInitials = nameInitials;
    }

    public Optional<BankAccount> byAccountId(String accountId) {
        return first("WHERE account_id = ?", accountId);
    }

    /**
     * The account with this card UID (hex, any case), an open one before a closed one (a closed account's card may be
     * reissued), the latest first.
     */
    public Optional<BankAccount> byCardUid(String cardUid) {
        String uid = cardUid.toUpperCase(Locale.ROOT);
        cardLock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    if (cardStatement == null) {
                        cardConnection = jdbc.dataSource().getConnection();
                        cardStatement = cardConnection.prepareStatement("SELECT " + COLUMNS
                                + " FROM bank_account WHERE card_uid = ?");
                    }
                    cardStatement.setString(1, uid);
                    List<BankAccount> found = new ArrayList<>(1);
                    try (ResultSet rs = cardStatement.executeQuery()) {
                        while (rs.next()) {
                            found.add(readRow(rs));
                        }
                    }
                    // usually one row: chosen here rather than sorted by the database
                    return found.stream().min(Comparator.comparing(BankAccount::closed)
                            .thenComparing(BankAccount::updatedAt, Comparator.reverseOrder()));
                } catch (SQLException e) {
                    closeCardLookup();
                    if (attempt == 2) {
                        throw new SyncStorageException(e);
                    }
                }
            }
        } finally {
            cardLock.unlock();
        }
    }

    /** Gives back the connection kept for card lookups (the next lookup takes one again). */
    @Override
    public void close() {
        cardLock.lock();
        try {
            closeCardLookup();
        } finally {
            cardLock.unlock();
        }
    }

    private void closeCardLookup() {
        try {
            if (cardConnection != null) {
                cardConnection.close();
            }
        } catch (SQLException e) {
            // the connection is gone either way
        }
        cardConnection = null;
        cardStatement = null;
    }

    public List<BankAccount> byDinerId(String dinerId) {
        return list("WHERE diner_id = ? ORDER BY closed, account_id", dinerId, 100);
    }

    /** Accounts whose name starts with {@code prefix}, open ones first, at most {@code limit}. */
    public List<BankAccount> byNamePrefix(String prefix, int limit) {
        return list("WHERE name LIKE ? ESCAPE '\\' ORDER BY closed, name, account_id", like(prefix), limit);
    }

    /** Accounts whose name's initials start with {@code prefix} ({@code zw} finds 张伟), open ones first. */
    public List<BankAccount> byInitialsPrefix(String prefix, int limit) {
        return list("WHERE name_initials LIKE ? ESCAPE '\\' ORDER BY closed, name, account_id",
                like(prefix.toLowerCase(Locale.ROOT)), limit);
    }

    public List<BankAccount> all() {
        return list("ORDER BY account_id", null, Integer.MAX_VALUE);
    }

    public long count() {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM bank_account");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Computes the initials of accounts stored before they were kept (the replica of an older terminal); returns how
     * many were filled.
     */
    public int fillMissingInitials() {
        return jdbc.inTransaction(c -> {
            List<String[]> missing = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT account_id, name FROM bank_account WHERE name_initials = '' AND name <> ''");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    missing.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE bank_account SET name_initials = ? WHERE account_id = ?")) {
                for (String[] row : missing) {
                    ps.setString(1, initials(row[1]));
                    ps.setString(2, row[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return missing.size();
        });
    }

    /** Applies one change inside the caller's transaction. */
    void apply(Connection c, AccountChange change) throws SQLException {
        applyPage(c, List.of(change));
    }

    /**
     * Applies a page of changes, in order, inside the caller's transaction: the accounts it names are read in one
     * query, the changes applied in memory (a page may change one account several times), and each account's state
     * after the page written in one batch.
     */
    void applyPage(Connection c, List<AccountChange> changes) throws SQLException {
        Map<String, BankAccount> accounts = readAll(c, changes.stream().map(AccountChange::accountId).distinct()
                .toList());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, BankAccount> after = new LinkedHashMap<>();
        for (AccountChange change : changes) {
            BankAccount old = after.containsKey(change.accountId()) ? after.get(change.accountId())
                    : accounts.get(change.accountId());
            after.put(change.accountId(), next(old, change, now));
        }
        // new accounts are inserted and known ones updated: cheaper than MERGE, which tries an update first
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bank_account (" + UPDATED + ", account_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = c.prepareStatement("UPDATE bank_account SET " + UPDATED.replace(",", " = ?,")
                     + " = ? WHERE account_id = ?")) {
            for (BankAccount a : after.values()) {
                PreparedStatement ps = accounts.containsKey(a.accountId()) ? update : insert;
                ps.setString(1, a.dinerId());
                ps.setString(2, a.name());
                ps.setString(3, a.department());
                ps.setString(4, a.dinerType());
                ps.setString(5, a.cardUid());
                ps.setLong(6, a.balanceFen());
                ps.setLong(7, a.subsidyFen());
                ps.setBoolean(8, a.hotlisted());
                ps.setBoolean(9, a.closed());
                ps.setString(10, a.lastChange());
                ps.setString(11, a.lastCursor());
                ps.setObject(12, a.updatedAt());
                ps.setString(13, a.nameInitials());
                ps.setString(14, a.accountId());
                ps.addBatch();
            }
            insert.executeBatch();
            update.executeBatch();
        }
    }

    /** The account after one change: OPEN and UPDATE describe it (as does any change of an account not seen yet). */
    private BankAccount next(BankAccount old, AccountChange change, OffsetDateTime now) {
        boolean describes = switch (change.change()) {
            case OPEN, UPDATE -> true;
            default -> old == null;
        };
        boolean hotlisted = switch (change.change()) {
            case HOTLIST -> true;
            case UNHOTLIST, OPEN -> false;
            default -> old != null && old.hotlisted();
        };
        boolean closed = switch (change.change()) {
            case CLOSE -> true;
            case OPEN -> false;
            default -> old != null && old.closed();
        };
        String name = describes ? text(change.name()) : old.name();
        String initials = describes || old.nameInitials().isEmpty() ? initials(name) : old.nameInitials();
        return new BankAccount(change.accountId(),
                describes ? text(change.dinerId()) : old.dinerId(),
                name,
                describes ? text(change.department()) : old.department(),
                describes ? text(change.dinerType()) : old.dinerType(),
                describes ? text(change.cardUid()).toUpperCase(Locale.ROOT) : old.cardUid(),
                change.balanceFen(), change.subsidyFen(), hotlisted, closed, change.change().name(), change.cursor(),
                now, initials);
    }

    private static Map<String, BankAccount> readAll(Connection c, List<String> accountIds) throws SQLException {
        Map<String, BankAccount> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM bank_account "
                + "WHERE account_id = ANY(?)")) {
            ps.setObject(1, accountIds.toArray(new String[0]));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BankAccount account = readRow(rs);
                    found.put(account.accountId(), account);
                }
            }
        }
        return found;
    }

    private String initials(String name) {
        String initials = nameInitials.apply(name);
        return initials.length() > 128 ? initials.substring(0, 128) : initials;
    }

    private Optional<BankAccount> first(String where, String parameter) {
        List<BankAccount> found = list(where, parameter, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<BankAccount> list(String where, String parameter, int limit) {
        String limited = limit == Integer.MAX_VALUE ? "" : " LIMIT " + limit;
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM bank_account " + where
                    + limited)) {
                if (parameter != null) {
                    ps.setString(1, parameter);
                }
                List<BankAccount> accounts = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        accounts.add(readRow(rs));
                    }
                }
                return accounts;
            }
        });
    }

    private static BankAccount readRow(ResultSet rs) throws SQLException {
        return new BankAccount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9), rs.getBoolean(10), rs.getString(11),
                rs.getString(12), rs.getObject(13, OffsetDateTime.class), rs.getString(14));
    }

    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
