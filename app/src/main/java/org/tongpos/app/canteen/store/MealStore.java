package org.tongpos.app.canteen.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.tongpos.app.canteen.domain.Dish;
import org.tongpos.app.money.domain.Money;

/**
 * The meals served on this terminal ({@code canteen_meal}): what the rules need to know of a diner's day (meals in a
 * period, money spent) and of what the bank has not confirmed yet (the offline limits). Rows are written by the
 * durable meal commit, in the transaction of the MEAL journal entry ({@link #insert}); the accounts feed marks a bank
 * meal confirmed when its DEBIT arrives ({@link #markConfirmed}).
 */
public final class MealStore {

    private final DataSource dataSource;

    /**
     * The running figure of {@link #terminalUnconfirmed()}, in fen: summed from the table once, then kept by the
     * writers of unconfirmed meals (the meal commit adds each bank meal; the feed's confirmations have it summed again),
     * so that each decision reads a number instead of summing every unconfirmed meal again. A writer calls
     * {@link #beginUnconfirmedChange()} before its transaction and {@link #endUnconfirmedChange} after it committed or
     * failed; a sum read while a change was under way is used once but not kept.
     */
    private final Object unconfirmedLock = new Object();
    private long unconfirmedFen;
    private boolean unconfirmedKnown;
    private int unconfirmedChanging;
    private long unconfirmedGeneration;

    public MealStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * H2's planner took the index on {@code guest_approval} ({@code IS NULL}: every meal but guests') for a diner's
     * meals of the day, reading the whole day's meals on each decision; the diner's own index is named instead.
     */
    private static final String BY_ACCOUNT_DAY = "USE INDEX (canteen_meal_by_account_day) ";

    /** Money of this terminal's meals on a bank account that the bank's feed has not reported back yet. */
    public record Unconfirmed(Money subsidy, Money balance) {
        public static final Unconfirmed NONE = new Unconfirmed(Money.ZERO, Money.ZERO);
    }

    /** Writes a meal and its dishes inside the caller's transaction (the meal commit). */
    public void insert(Connection c, MealRecord meal) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO canteen_meal (txn_id, seq, account_id, diner_id, "
                + "source, identified_by, period, business_date, occurred_at, nth, amount_fen, subsidy_fen, balance_fen, "
                + "cash_fen, balance_after_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, meal.txnId());
            ps.setLong(2, meal.seq());
            ps.setString(3, meal.accountId());
            ps.setString(4, meal.dinerId());
            ps.setString(5, meal.source());
            ps.setString(6, meal.identifiedBy().name());
            ps.setString(7, meal.period());
            ps.setObject(8, meal.businessDate());
            ps.setObject(9, meal.occurredAt());
            ps.setInt(10, meal.nth());
            ps.setLong(11, meal.amount().fen());
            ps.setLong(12, meal.split().subsidy().fen());
            ps.setLong(13, meal.split().balance().fen());
            ps.setLong(14, meal.split().cash().fen());
            ps.setObject(15, meal.balanceAfterFen(), java.sql.Types.BIGINT);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO canteen_meal_dish (txn_id, line_no, dish_no, name, "
                + "price_fen) VALUES (?, ?, ?, ?, ?)")) {
            int line = 0;
            for (Dish dish : meal.dishes()) {
                ps.setObject(1, meal.txnId());
                ps.setInt(2, ++line);
                ps.setInt(3, dish.number());
                ps.setString(4, dish.name());
                ps.setLong(5, dish.price().fen());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A meal as a refund needs it: its parts, whom it charged, whether it was refunded already. */
    public record Served(UUID txnId, long seq, String accountId, String dinerId, String source, String period,
                         LocalDate businessDate, Money amount, Money subsidy, Money balance, Money cash,
                         boolean refunded) {
    }

    /** The meal with this journal {@code txn_id}, if this terminal served it. */
    public java.util.Optional<Served> find(UUID txnId) {
        return Sql.read(dataSource, "meal " + txnId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT txn_id, seq, account_id, diner_id, source, period, "
                    + "business_date, amount_fen, subsidy_fen, balance_fen, cash_fen, refunded FROM canteen_meal "
                    + "WHERE txn_id = ?")) {
                ps.setObject(1, txnId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return java.util.Optional.<Served>empty();
                    }
                    return java.util.Optional.of(new Served(rs.getObject(1, UUID.class), rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getObject(7, LocalDate.class), Money.ofFen(rs.getLong(8)), Money.ofFen(rs.getLong(9)),
                            Money.ofFen(rs.getLong(10)), Money.ofFen(rs.getLong(11)), rs.getBoolean(12)));
                }
            }
        });
    }

    /** Names the guest approval a meal was served against, inside the meal's transaction. */
    public void setGuestApproval(Connection c, UUID txnId, String approvalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE canteen_meal SET guest_approval = ? WHERE txn_id = ?")) {
            ps.setString(1, approvalId);
            ps.setObject(2, txnId);
            ps.executeUpdate();
        }
    }

    /** Meals served (not refunded) against a guest approval. */
    public int guestMeals(String approvalId) {
        return Sql.read(dataSource, "guest meals of " + approvalId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM canteen_meal WHERE guest_approval = ? "
                    + "AND refunded = FALSE")) {
                ps.setString(1, approvalId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Marks a meal refunded inside the caller's transaction; false when it was refunded already (or is unknown). */
    public boolean markRefunded(Connection c, UUID txnId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE canteen_meal SET refunded = TRUE WHERE txn_id = ? AND refunded = FALSE")) {
            ps.setObject(1, txnId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Marks this terminal's meal confirmed by the bank (its DEBIT came through the feed); false if it is not one. */
    public boolean markConfirmed(Connection c, String txnId) throws SQLException {
        UUID id;
        try {
            id = UUID.fromString(txnId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE canteen_meal SET confirmed = TRUE WHERE txn_id = ?")) {
            ps.setObject(1, id);
            return ps.executeUpdate() > 0;
        }
    }

    /** Meals this terminal served to the account in the period of that business day (refunded ones not counted). */
    public int mealsInPeriod(String accountId, LocalDate businessDate, String period) {
        return Sql.read(dataSource, "meals of " + accountId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM canteen_meal " + BY_ACCOUNT_DAY
                    + "WHERE account_id = ? AND business_date = ? AND period = ? AND refunded = FALSE "
                    + "AND guest_approval IS NULL")) {
                ps.setString(1, accountId);
                ps.setObject(2, businessDate);
                ps.setString(3, period);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Money this terminal charged to the account for meals that business day (cash and refunded meals excluded). */
    public Money chargedOn(String accountId, LocalDate businessDate) {
        return Sql.read(dataSource, "meals of " + accountId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(subsidy_fen + balance_fen), 0) "
                    + "FROM canteen_meal " + BY_ACCOUNT_DAY + "WHERE account_id = ? AND business_date = ? "
                    + "AND refunded = FALSE AND guest_approval IS NULL")) {
                ps.setString(1, accountId);
                ps.setObject(2, businessDate);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Money.ofFen(rs.getLong(1));
                }
            }
        });
    }

    /** This terminal's charges to a bank account that the bank's feed has not reported back yet. */
    public Unconfirmed unconfirmed(String accountId) {
        return Sql.read(dataSource, "unconfirmed meals of " + accountId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(subsidy_fen), 0), "
                    + "COALESCE(SUM(balance_fen), 0) FROM canteen_meal WHERE confirmed = FALSE AND source = 'BANK' "
                    + "AND account_id = ?")) {
                ps.setString(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Unconfirmed(Money.ofFen(rs.getLong(1)), Money.ofFen(rs.getLong(2)));
                }
            }
        });
    }

    /**
     * All of this terminal's charges to bank accounts that the bank's feed has not reported back yet: a running figure,
     * summed from {@code canteen_meal} on first use (so right after a restart, and after replaying the write-ahead log)
     * and again after the feed confirmed meals, kept up to date in between as bank meals are committed.
     */
    public Money terminalUnconfirmed() {
        long generation;
        synchronized (unconfirmedLock) {
            if (unconfirmedKnown) {
                return Money.ofFen(unconfirmedFen);
            }
            generation = unconfirmedGeneration;
        }
        long summed = sumUnconfirmed();
        synchronized (unconfirmedLock) {
            if (!unconfirmedKnown && unconfirmedGeneration == generation && unconfirmedChanging == 0) {
                unconfirmedFen = summed;
                unconfirmedKnown = true;
            }
        }
        return Money.ofFen(summed);
    }

    /** Whether the running figure is known (decisions read it without summing); false until summed, and after a change. */
    public boolean unconfirmedFigureKept() {
        synchronized (unconfirmedLock) {
            return unconfirmedKnown;
        }
    }

    /** The figure summed from the table, as {@link #terminalUnconfirmed()} starts from (tests compare the two). */
    public long sumUnconfirmed() {
        return Sql.read(dataSource, "unconfirmed meals", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(subsidy_fen + balance_fen), 0) "
                    + "FROM canteen_meal WHERE confirmed = FALSE AND source = 'BANK'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** A transaction that may change the unconfirmed meals begins; {@link #endUnconfirmedChange} must follow. */
    public void beginUnconfirmedChange() {
        synchronized (unconfirmedLock) {
            unconfirmedGeneration++;
            unconfirmedChanging++;
        }
    }

    /**
     * The transaction begun with {@link #beginUnconfirmedChange} is over: committed, having added {@code addedFen}
     * to the unconfirmed meals; or, with {@code addedFen} empty, committed with other changes (meals confirmed) or
     * failed: the figure is summed again on next use.
     */
    public void endUnconfirmedChange(java.util.OptionalLong addedFen) {
        synchronized (unconfirmedLock) {
            unconfirmedGeneration++;
            unconfirmedChanging--;
            if (addedFen.isPresent()) {
                unconfirmedFen += addedFen.getAsLong();
            } else {
                unconfirmedKnown = false;
            }
        }
    }

    /** Meals served (not refunded) on a business day, in one period or all ({@code period} null). */
    public long count(LocalDate businessDate, String period) {
        return Sql.read(dataSource, "meal count", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM canteen_meal WHERE business_date = ? "
                    + "AND refunded = FALSE" + (period == null ? "" : " AND period = ?"))) {
                ps.setObject(1, businessDate);
                if (period != null) {
                    ps.setString(2, period);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
