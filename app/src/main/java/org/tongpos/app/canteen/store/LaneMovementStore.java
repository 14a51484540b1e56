package org.tongpos.app.canteen.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.tongpos.app.money.domain.Money;
import org.tongpos.sync.feed.AccountChangeListener;
import org.tongpos.sync.wire.AccountChange;
import org.tongpos.sync.wire.AccountChangeKind;

/**
 * What the bank's accounts feed says terminals charged and refunded ({@code canteen_lane_movement}), kept as the feed
 * applies each change (an {@link AccountChangeListener}, in the feed's own transaction). Other lanes' meals count
 * towards a diner's meals and spending; this terminal's own DEBITs mark its meals confirmed.
 *
 * <p>The feed does not say when a charge happened, only that it arrived: a meal from another lane counts in the period
 * and day in which its DEBIT arrived here. Lanes sync every 30 s, so this is the meal's period unless a lane was cut
 * off from the bank across a period's end.
 */
public final class LaneMovementStore implements AccountChangeListener {

    private final DataSource dataSource;
    private final MealStore meals;
    private final String terminalId;
    private final Clock clock;
    /** Whether the feed's transaction on this thread marked meals confirmed (the page's commit ends the change). */
    private final ThreadLocal<Boolean> confirming = ThreadLocal.withInitial(() -> false);

    /** @param clock in the terminal's business zone (business dates of arrival) */
    public LaneMovementStore(DataSource dataSource, MealStore meals, String terminalId, Clock clock) {
        this.dataSource = dataSource;
        this.meals = meals;
        this.terminalId = terminalId;
        this.clock = clock;
    }

    @Override
    public void applied(Connection c, AccountChange change) throws SQLException {
        if (change.change() != AccountChangeKind.DEBIT && change.change() != AccountChangeKind.CREDIT) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO canteen_lane_movement (feed_cursor, txn_id, "
                + "account_id, terminal_id, kind, amount_fen, received_at, business_date) KEY (feed_cursor) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, change.cursor());
            ps.setString(2, text(change.txnId()));
            ps.setString(3, change.accountId());
            ps.setString(4, text(change.terminalId()));
            ps.setString(5, change.change().name());
            ps.setLong(6, change.amountFen());
            ps.setObject(7, now);
            ps.setObject(8, now.atZoneSameInstant(clock.getZone()).toLocalDate());
            ps.executeUpdate();
        }
        if (change.change() == AccountChangeKind.DEBIT && terminalId.equals(change.terminalId())) {
            if (!confirming.get()) {
                // the terminal's running unconfirmed figure is summed again once this page committed (or failed)
                meals.beginUnconfirmedChange();
                confirming.set(true);
            }
            meals.markConfirmed(c, text(change.txnId()));
        }
    }

    @Override
    public void committed() {
        endConfirming();
    }

    @Override
    public void abandoned() {
        endConfirming();
    }

    private void endConfirming() {
        if (confirming.get()) {
            confirming.set(false);
            meals.endUnconfirmedChange(java.util.OptionalLong.empty());
        }
    }

    /**
     * Meals other lanes charged to the account whose DEBIT arrived between {@code from} and {@code to} (less their
     * refunds in that time; never below zero).
     */
    public int otherLaneMeals(String accountId, OffsetDateTime from, OffsetDateTime to) {
        return Sql.read(dataSource, "other lanes' meals", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(CASE WHEN kind = 'DEBIT' THEN 1 ELSE -1 "
                    + "END), 0) FROM canteen_lane_movement WHERE account_id = ? AND received_at >= ? AND received_at < ? "
                    + "AND terminal_id <> ?")) {
                ps.setString(1, accountId);
                ps.setObject(2, from);
                ps.setObject(3, to);
                ps.setString(4, terminalId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Math.max(0, rs.getInt(1));
                }
            }
        });
    }

    /** Money other lanes charged to the account, by day of arrival, less refunds (never below zero). */
    public Money otherLaneSpend(String accountId, LocalDate businessDate) {
        return Sql.read(dataSource, "other lanes' spending", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(CASE WHEN kind = 'DEBIT' THEN amount_fen "
                    + "ELSE -amount_fen END), 0) FROM canteen_lane_movement WHERE account_id = ? AND business_date = ? "
                    + "AND terminal_id <> ?")) {
                ps.setString(1, accountId);
                ps.setObject(2, businessDate);
                ps.setString(3, terminalId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Money.ofFen(Math.max(0, rs.getLong(1)));
                }
            }
        });
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
