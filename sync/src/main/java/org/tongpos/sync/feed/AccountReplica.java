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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.client.SyncStorageException;
import org.tongpos.sync.wire.AccountChange;

/**
 * The local replica of the bank's canteen accounts ({@code bank_account}); read API for the canteen. Every change kind
 * of the feed is applied: OPEN and UPDATE describe the account (diner, name, department, type, card), every change
 * carries the balances after it (TOPUP, SUBSIDY, DEBIT and CREDIT move them), HOTLIST / UNHOTLIST and CLOSE set the
 * flags (OPEN clears both). Lookups by account, diner, name prefix and initials prefix use the database's indexes, so
 * 300,000 accounts are found as fast as 30; a card UID is looked up in memory ({@link CardIndex}: UID → row, built from
 * the table on first use or when the feed is pulled, kept current by every page the feed applies) and its account
 * read by row.
 */
public final class AccountReplica implements AutoCloseable {

    private static final String COLUMNS = "account_id, diner_id, name, department, diner_type, card_uid, "
            + "balance_fen, subsidy_fen, hotlisted, closed, last_change, last_cursor, updated_at, name_initials";
    /** The columns a change writes, in the order {@link #applyPage} binds them (the account id follows). */
    private static final String UPDATED = "diner_id, name, department, diner_type, card_uid, balance_fen, subsidy_fen, "
            + "hotlisted, closed, last_change, last_cursor, updated_at, name_initials";

    private static final Logger LOG = LoggerFactory.getLogger(AccountReplica.class);

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
    private PreparedStatement rowStatement;
    /** Card UID → row; null until built (and after a page that may have missed it was abandoned). */
    private volatile CardIndex cards;
    private final Object cardsBuild = new Object();

    /** What a page applied in an open transaction does to the card index once it commits: the index it saw, and the
     * cards its accounts gave up. */
    record CardChanges(CardIndex seen, List<Map.Entry<String, Long>> removals) {
    }

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
        long row = cardIndex().lookup(uid);
        if (row == CardIndex.ABSENT) {
            return Optional.empty();
        }
        if (row != CardIndex.SHARED) {
            Optional<BankAccount> found = byRow(row);
            // a page being applied may have moved the card: the committed row must still hold it, else ask by card
            if (found.isPresent() && found.get().cardUid().equals(uid)) {
                return found;
            }
        }
        return byCardUidInDatabase(uid);
    }

    /** The card index, built from the table when it is not there yet. */
    public CardIndex cardIndex() {
        CardIndex index = cards;
        if (index != null) {
            return index;
        }
        synchronized (cardsBuild) {
            if (cards == null) {
                cards = jdbc.read(c -> {
                    long started = System.nanoTime();
                    CardIndex built;
                    try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM bank_account");
                         ResultSet rs = count.executeQuery()) {
                        rs.next();
                        built = new CardIndex((int) Math.min(Integer.MAX_VALUE / 2, rs.getLong(1)));
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT card_uid, _ROWID_ FROM bank_account WHERE card_uid <> ''");
                         ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            built.add(rs.getString(1), rs.getLong(2));
                        }
                    }
                    LOG.info("card index built: {} card(s) in {} ms, tables {} KiB", built.size(),
                            (System.nanoTime() - started) / 1_000_000, built.tableBytes() / 1024);
                    return built;
                });
            }
            return cards;
        }
    }

    /** The account in row {@code row}, read on the kept connection. */
    private Optional<BankAccount> byRow(long row) {
        cardLock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    prepareCardLookup();
                    rowStatement.setLong(1, row);
                    try (ResultSet rs = rowStatement.executeQuery()) {
                        return rs.next() ? Optional.of(readRow(rs)) : Optional.empty();
                    }
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

    private void prepareCardLookup() throws SQLException {
        if (cardStatement == null) {
            cardConnection = jdbc.dataSource().getConnection();
            cardStatement = cardConnection.prepareStatement("SELECT " + COLUMNS
                    + " FROM bank_account WHERE card_uid = ?");
            rowStatement = cardConnection.prepareStatement("SELECT " + COLUMNS
                    + " FROM bank_account WHERE _ROWID_ = ?");
        }
    }

    /**
     * The database's answer for a card (upper-case UID), without the index: every account holding it, an open one
     * before a closed one, the latest first. Used for UIDs held by more than one account, and by checks and benchmarks.
     */
    public Optional<BankAccount> byCardUidInDatabase(String uid) {
        cardLock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    prepareCardLookup();
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
        rowStatement = null;
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
    CardChanges apply(Connection c, AccountChange change) throws SQLException {
        return applyPage(c, List.of(change));
    }

    /**
     * Applies a page of changes, in order, inside the caller's transaction: the accounts it names are read in one
     * query, the changes applied in memory (a page may change one account several times), and each account's state
     * after the page written in one batch.
     */
    CardChanges applyPage(Connection c, List<AccountChange> changes) throws SQLException {
        Map<String, Long> rowsOf = new HashMap<>();
        Map<String, BankAccount> accounts = readAll(c, changes.stream().map(AccountChange::accountId).distinct()
                .toList(), rowsOf);
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
        return indexPage(c, accounts, rowsOf, after);
    }

    /**
     * Keeps the card index current with a page in the open transaction: cards an account now holds are added at once
     * (a lookup before the commit reads the committed row, sees it does not hold the card yet and asks the database);
     * cards it no longer holds are taken off once the page commits ({@link #pageCommitted}), so that until then the
     * committed holder is still found.
     */
    private CardChanges indexPage(Connection c, Map<String, BankAccount> before, Map<String, Long> rowsOf,
                                  Map<String, BankAccount> after) throws SQLException {
        CardIndex index = cards;
        List<Map.Entry<String, Long>> removals = new ArrayList<>();
        if (index == null) {
            return new CardChanges(null, removals);
        }
        List<String> inserted = new ArrayList<>();
        for (BankAccount a : after.values()) {
            if (!before.containsKey(a.accountId()) && !a.cardUid().isEmpty()) {
                inserted.add(a.accountId());
            }
        }
        if (!inserted.isEmpty()) {
            // the row keys H2 gave the accounts this page inserted (H2 cannot return them from the insert itself; a
            // range on _ROWID_ from the last key scans the whole table in H2 2.3)
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT account_id, _ROWID_ FROM bank_account WHERE account_id = ANY(?)")) {
                ps.setObject(1, inserted.toArray(new String[0]));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rowsOf.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        for (BankAccount a : after.values()) {
            BankAccount old = before.get(a.accountId());
            String oldUid = old == null ? "" : old.cardUid();
            if (oldUid.equals(a.cardUid())) {
                continue;
            }
            Long row = rowsOf.get(a.accountId());
            if (row == null) {
                // not read back (the index was built while this page ran): it is built again when next asked
                dropCardIndex();
                return new CardChanges(null, List.of());
            }
            index.add(a.cardUid(), row);
            if (!oldUid.isEmpty()) {
                removals.add(Map.entry(oldUid, row));
            }
        }
        return new CardChanges(index, removals);
    }

    /** The page applied last has committed: the cards its accounts gave up leave the index. */
    void pageCommitted(CardChanges changes) {
        CardIndex index = cards;
        if (index != null && index == changes.seen()) {
            for (Map.Entry<String, Long> removal : changes.removals()) {
                index.remove(removal.getKey(), removal.getValue());
            }
        } else if (index != null) {
            // built while the page was applied (it may or may not have seen the page): build it again
            dropCardIndex();
        }
    }

    /** A page was rolled back: cards it added may be in the index, so it is built again. */
    void pageAbandoned() {
        dropCardIndex();
    }

    private void dropCardIndex() {
        synchronized (cardsBuild) {
            cards = null;
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

    private static Map<String, BankAccount> readAll(Connection c, List<String> accountIds, Map<String, Long> rowsOf)
            throws SQLException {
        Map<String, BankAccount> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", _ROWID_ FROM bank_account "
                + "WHERE account_id = ANY(?)")) {
            ps.setObject(1, accountIds.toArray(new String[0]));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BankAccount account = readRow(rs);
                    found.put(account.accountId(), account);
                    rowsOf.put(account.accountId(), rs.getLong(15));
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
