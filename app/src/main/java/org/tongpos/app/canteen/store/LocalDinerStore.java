package org.tongpos.app.canteen.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.tongpos.app.canteen.domain.AccountSource;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.DinerProfile;
import org.tongpos.app.money.domain.Money;

/** Diners kept on this terminal ({@code canteen_diner}) and the ledger of their top-ups and subsidies. */
public final class LocalDinerStore {

    private static final String COLUMNS = "account_id, diner_id, staff_no, name, department, diner_type, card_uid, "
            + "balance_fen, subsidy_fen, hotlisted, closed";

    private final DataSource dataSource;
    private final UnaryOperator<String> nameInitials;
    /** Whether any local diner exists; most canteens have none (bank diners only), and then lookups skip this table. */
    private volatile Boolean any;

    public LocalDinerStore(DataSource dataSource, UnaryOperator<String> nameInitials) {
        this.dataSource = dataSource;
        this.nameInitials = nameInitials;
    }

    /** A movement of a local account's money that is not a meal. */
    public enum LedgerKind {
        TOPUP,
        SUBSIDY
    }

    /** One line of a local account's ledger, with the balances after it. */
    public record LedgerEntry(long entryId, String accountId, LedgerKind kind, Money amount, Money balanceAfter,
                              Money subsidyAfter, String operator, String note, OffsetDateTime recordedAt) {
    }

    /** A card UID or staff number of an imported diner already belongs to another diner. */
    public static final class TakenException extends RuntimeException {
        private final String dinerId;
        private final String field;
        private final String value;
        private final String owner;

        public TakenException(String dinerId, String field, String value, String owner) {
            super(field + " " + value + " of " + dinerId + " belongs to " + owner);
            this.dinerId = dinerId;
            this.field = field;
            this.value = value;
            this.owner = owner;
        }

        public String dinerId() {
            return dinerId;
        }

        /** {@code card_uid} or {@code staff_no}. */
        public String field() {
            return field;
        }

        public String value() {
            return value;
        }

        public String owner() {
            return owner;
        }
    }

    public record ImportCount(int added, int updated) {
    }

    public Optional<DinerAccount> byAccountId(String accountId) {
        return first("account_id = ?", accountId);
    }

    public Optional<DinerAccount> byDinerId(String dinerId) {
        return first("diner_id = ?", dinerId);
    }

    public Optional<DinerAccount> byCardUid(String cardUid) {
        return first("card_uid = ?", cardUid.toUpperCase(Locale.ROOT));
    }

    public Optional<DinerAccount> byStaffNo(String staffNo) {
        return first("staff_no = ?", staffNo);
    }

    public List<DinerAccount> byNamePrefix(String prefix, int limit) {
        return list("name LIKE ? ESCAPE '\\' ORDER BY closed, name, diner_id LIMIT " + limit, like(prefix));
    }

    public List<DinerAccount> byInitialsPrefix(String prefix, int limit) {
        return list("name_initials LIKE ? ESCAPE '\\' ORDER BY closed, name, diner_id LIMIT " + limit,
                like(prefix.toLowerCase(Locale.ROOT)));
    }

    /** Whether there are no local diners (asked once, then kept: only {@link #importAll} adds diners). */
    public boolean isEmpty() {
        Boolean known = any;
        if (known == null) {
            known = count() > 0;
            any = known;
        }
        return !known;
    }

    public long count() {
        return Sql.read(dataSource, "local diners", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM canteen_diner");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Adds or updates (by diner id) every diner in one transaction, keeping the balances of those updated.
     *
     * @throws TakenException when a card or staff number belongs to a diner not updated to give it up; nothing is
     *                        stored then
     */
    public ImportCount importAll(List<DinerProfile> diners, OffsetDateTime now) {
        ImportCount count = Sql.write(dataSource, "imported diners", c -> {
            int added = 0;
            int updated = 0;
            // free the cards and staff numbers of the updated diners first, so that two may swap them
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE canteen_diner SET card_uid = NULL, staff_no = NULL WHERE diner_id = ?")) {
                for (DinerProfile diner : diners) {
                    ps.setString(1, diner.dinerId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (DinerProfile diner : diners) {
                checkFree(c, diner, "card_uid", diner.cardUid());
                checkFree(c, diner, "staff_no", diner.staffNo());
                boolean exists;
                try (PreparedStatement ps = c.prepareStatement("UPDATE canteen_diner SET staff_no = ?, name = ?, "
                        + "name_initials = ?, department = ?, diner_type = ?, card_uid = ?, updated_at = ? "
                        + "WHERE diner_id = ?")) {
                    bindProfile(ps, diner, now);
                    ps.setString(8, diner.dinerId());
                    exists = ps.executeUpdate() > 0;
                }
                if (exists) {
                    updated++;
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO canteen_diner (staff_no, name, "
                        + "name_initials, department, diner_type, card_uid, updated_at, diner_id, account_id, "
                        + "balance_fen, subsidy_fen, hotlisted, closed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, "
                        + "FALSE, FALSE)")) {
                    bindProfile(ps, diner, now);
                    ps.setString(8, diner.dinerId());
                    ps.setString(9, diner.accountId());
                    ps.executeUpdate();
                }
                added++;
            }
            return new ImportCount(added, updated);
        });
        if (!diners.isEmpty()) {
            any = true;
        }
        return count;
    }

    /**
     * Moves a local account's balance (TOPUP) or subsidy (SUBSIDY) by {@code amount} and appends the ledger line, in
     * one transaction forced to disk. Returns the line.
     *
     * @throws IllegalArgumentException when there is no such local account, or the subsidy would go below zero
     */
    public LedgerEntry adjust(String accountId, LedgerKind kind, Money amount, String operator, String note,
                              OffsetDateTime now) {
        return Sql.write(dataSource, kind + " of " + accountId, c -> {
            DinerAccount account = read(c, accountId)
                    .orElseThrow(() -> new IllegalArgumentException("no local account " + accountId));
            Money balance = kind == LedgerKind.TOPUP ? account.balance().plus(amount) : account.balance();
            Money subsidy = kind == LedgerKind.SUBSIDY ? account.subsidy().plus(amount) : account.subsidy();
            if (subsidy.isNegative() && amount.isNegative()) {
                throw new IllegalArgumentException("the subsidy of " + accountId + " would go below zero");
            }
            setBalances(c, accountId, balance, subsidy, now);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO canteen_diner_ledger (account_id, kind, "
                    + "amount_fen, balance_after_fen, subsidy_after_fen, operator, note, recorded_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"ENTRY_ID"})) {
                ps.setString(1, accountId);
                ps.setString(2, kind.name());
                ps.setLong(3, amount.fen());
                ps.setLong(4, balance.fen());
                ps.setLong(5, subsidy.fen());
                ps.setString(6, operator);
                ps.setString(7, note);
                ps.setObject(8, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new LedgerEntry(keys.getLong(1), accountId, kind, amount, balance, subsidy, operator, note,
                            now);
                }
            }
        });
    }

    /** The ledger of a local account, oldest first. */
    public List<LedgerEntry> ledger(String accountId) {
        return Sql.read(dataSource, "ledger of " + accountId, c -> {
            List<LedgerEntry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT entry_id, account_id, kind, amount_fen, "
                    + "balance_after_fen, subsidy_after_fen, operator, note, recorded_at FROM canteen_diner_ledger "
                    + "WHERE account_id = ? ORDER BY entry_id")) {
                ps.setString(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new LedgerEntry(rs.getLong(1), rs.getString(2), LedgerKind.valueOf(rs.getString(3)),
                                Money.ofFen(rs.getLong(4)), Money.ofFen(rs.getLong(5)), Money.ofFen(rs.getLong(6)),
                                rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class)));
                    }
                }
            }
            return entries;
        });
    }

    /**
     * Charges a meal's parts to a local account inside the caller's transaction (the meal commit): the subsidy and
     * the balance go down by the parts.
     */
    public void charge(Connection c, String accountId, Money subsidyPart, Money balancePart, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE canteen_diner SET subsidy_fen = subsidy_fen - ?, "
                + "balance_fen = balance_fen - ?, updated_at = ? WHERE account_id = ?")) {
            ps.setLong(1, subsidyPart.fen());
            ps.setLong(2, balancePart.fen());
            ps.setObject(3, now);
            ps.setString(4, accountId);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("no local account " + accountId);
            }
        }
    }

    /** Sets or clears a local account's lost-card flag. */
    public boolean setHotlisted(String accountId, boolean hotlisted, OffsetDateTime now) {
        return Sql.write(dataSource, "hotlist of " + accountId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE canteen_diner SET hotlisted = ?, updated_at = ? WHERE account_id = ?")) {
                ps.setBoolean(1, hotlisted);
                ps.setObject(2, now);
                ps.setString(3, accountId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private void bindProfile(PreparedStatement ps, DinerProfile diner, OffsetDateTime now) throws SQLException {
        ps.setString(1, diner.staffNo().isEmpty() ? null : diner.staffNo());
        ps.setString(2, diner.name());
        ps.setString(3, initials(diner.name()));
        ps.setString(4, diner.department());
        ps.setString(5, diner.dinerType());
        ps.setString(6, diner.cardUid().isEmpty() ? null : diner.cardUid());
        ps.setObject(7, now);
    }

    private String initials(String name) {
        String initials = nameInitials.apply(name);
        return initials.length() > 60 ? initials.substring(0, 60) : initials;
    }

    private static void checkFree(Connection c, DinerProfile diner, String column, String value) throws SQLException {
        if (value.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT diner_id FROM canteen_diner WHERE " + column + " = ? "
                + "AND diner_id <> ?")) {
            ps.setString(1, value);
            ps.setString(2, diner.dinerId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new TakenException(diner.dinerId(), column, value, rs.getString(1));
                }
            }
        }
    }

    private static void setBalances(Connection c, String accountId, Money balance, Money subsidy, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE canteen_diner SET balance_fen = ?, subsidy_fen = ?, updated_at = ? WHERE account_id = ?")) {
            ps.setLong(1, balance.fen());
            ps.setLong(2, subsidy.fen());
            ps.setObject(3, now);
            ps.setString(4, accountId);
            ps.executeUpdate();
        }
    }

    private Optional<DinerAccount> first(String where, String parameter) {
        List<DinerAccount> found = list(where + " LIMIT 1", parameter);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<DinerAccount> list(String where, String parameter) {
        return Sql.read(dataSource, "local diners", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM canteen_diner WHERE " + where)) {
                ps.setString(1, parameter);
                List<DinerAccount> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(row(rs));
                    }
                }
                return found;
            }
        });
    }

    private static Optional<DinerAccount> read(Connection c, String accountId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM canteen_diner WHERE account_id = ?")) {
            ps.setString(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static DinerAccount row(ResultSet rs) throws SQLException {
        return new DinerAccount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), Money.ofFen(rs.getLong(8)), Money.ofFen(rs.getLong(9)),
                rs.getBoolean(10), rs.getBoolean(11), AccountSource.LOCAL);
    }

    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
