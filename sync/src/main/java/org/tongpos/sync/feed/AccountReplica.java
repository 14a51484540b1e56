package org.tongpos.sync.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.wire.AccountChange;

/** The local replica of the bank's canteen accounts ({@code bank_account}); read API for the canteen. */
public final class AccountReplica {

    private static final String COLUMNS = "account_id, diner_id, name, department, diner_type, card_uid, "
            + "balance_fen, subsidy_fen, hotlisted, closed, last_change, last_cursor, updated_at";

    private final Jdbc jdbc;
    private final Clock clock;

    public AccountReplica(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<BankAccount> byAccountId(String accountId) {
        return first("WHERE account_id = ?", accountId);
    }

    /** The open account with this card UID, if any (a closed account's card may be reissued). */
    public Optional<BankAccount> byCardUid(String cardUid) {
        return first("WHERE card_uid = ? ORDER BY closed, updated_at DESC", cardUid);
    }

    public List<BankAccount> byDinerId(String dinerId) {
        return list("WHERE diner_id = ? ORDER BY account_id", dinerId);
    }

    public List<BankAccount> all() {
        return list("ORDER BY account_id", null);
    }

    public long count() {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM bank_account");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Applies one change inside the caller's transaction. */
    void apply(Connection c, AccountChange change) throws SQLException {
        Optional<BankAccount> current = read(c, change.accountId());
        boolean describes = switch (change.change()) {
            case OPEN, UPDATE -> true;
            default -> current.isEmpty();
        };
        BankAccount old = current.orElse(null);
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
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO bank_account (" + COLUMNS + ") KEY (account_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, change.accountId());
            ps.setString(2, describes ? text(change.dinerId()) : old.dinerId());
            ps.setString(3, describes ? text(change.name()) : old.name());
            ps.setString(4, describes ? text(change.department()) : old.department());
            ps.setString(5, describes ? text(change.dinerType()) : old.dinerType());
            ps.setString(6, describes ? text(change.cardUid()) : old.cardUid());
            ps.setLong(7, change.balanceFen());
            ps.setLong(8, change.subsidyFen());
            ps.setBoolean(9, hotlisted);
            ps.setBoolean(10, closed);
            ps.setString(11, change.change().name());
            ps.setString(12, change.cursor());
            ps.setObject(13, OffsetDateTime.now(clock));
            ps.executeUpdate();
        }
    }

    private Optional<BankAccount> first(String where, String parameter) {
        List<BankAccount> found = list(where + " LIMIT 1", parameter);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<BankAccount> list(String where, String parameter) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM bank_account " + where)) {
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

    private static Optional<BankAccount> read(Connection c, String accountId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM bank_account WHERE account_id = ?")) {
            ps.setString(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readRow(rs)) : Optional.empty();
            }
        }
    }

    private static BankAccount readRow(ResultSet rs) throws SQLException {
        return new BankAccount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9), rs.getBoolean(10), rs.getString(11),
                rs.getString(12), rs.getObject(13, OffsetDateTime.class));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
