package org.tongpos.sync.payment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tongpos.sync.client.Jdbc;

/**
 * {@code payment_intent} and {@code payment_refund}: every change committed <em>and fsynced</em>
 * ({@link Jdbc#inDurableTransaction}) before the next request leaves the terminal, so that after a crash right after
 * a POST the intent is there to be queried and reversed or journaled, and a refund is resent under its own number,
 * never made again under a new one (issue 7, item 4).
 */
public final class PaymentStore {

    private static final String INTENT_COLUMNS = "out_trade_no, amount_fen, description, auth_code_masked, state, "
            + "trade_no, channel, fail_code, created_at, updated_at";
    private static final String REFUND_COLUMNS = "out_refund_no, out_trade_no, amount_fen, reason, state, "
            + "created_at, updated_at";

    private final Jdbc jdbc;
    private final Clock clock;

    public PaymentStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts a new intent in state CREATED; fails if the out_trade_no was used before. */
    public PaymentIntent create(String outTradeNo, long amountFen, String description, String authCodeMasked) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO payment_intent (out_trade_no, amount_fen, "
                    + "description, auth_code_masked, state, created_at, updated_at) VALUES (?, ?, ?, ?, 'CREATED', ?, ?)")) {
                ps.setString(1, outTradeNo);
                ps.setLong(2, amountFen);
                ps.setString(3, description);
                ps.setString(4, authCodeMasked);
                ps.setObject(5, now);
                ps.setObject(6, now);
                ps.executeUpdate();
            }
            return null;
        });
        return find(outTradeNo).orElseThrow();
    }

    public PaymentIntent update(String outTradeNo, PaymentState state, String tradeNo, String channel, String failCode) {
        jdbc.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE payment_intent SET state = ?, "
                    + "trade_no = COALESCE(?, trade_no), channel = COALESCE(?, channel), "
                    + "fail_code = COALESCE(?, fail_code), updated_at = ? WHERE out_trade_no = ?")) {
                ps.setString(1, state.name());
                ps.setString(2, emptyToNull(tradeNo));
                ps.setString(3, emptyToNull(channel));
                ps.setString(4, emptyToNull(failCode));
                ps.setObject(5, OffsetDateTime.now(clock));
                ps.setString(6, outTradeNo);
                ps.executeUpdate();
            }
            return null;
        });
        return find(outTradeNo).orElseThrow();
    }

    public PaymentIntent update(String outTradeNo, PaymentState state) {
        return update(outTradeNo, state, null, null, null);
    }

    public Optional<PaymentIntent> find(String outTradeNo) {
        List<PaymentIntent> found = intents("WHERE out_trade_no = ?", outTradeNo);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every intent the bank confirmed (state SUCCESS), oldest first. */
    public List<PaymentIntent> confirmedIntents() {
        return intents("WHERE state = 'SUCCESS' ORDER BY created_at", null);
    }

    public List<PaymentIntent> openIntents() {
        return intents("WHERE state IN ('CREATED', 'PAYING', 'REVERSING') ORDER BY created_at", null);
    }

    public void createRefund(String outRefundNo, String outTradeNo, long amountFen, String reason, byte[] body) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO payment_refund (out_refund_no, out_trade_no, "
                    + "amount_fen, reason, body, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)")) {
                ps.setString(1, outRefundNo);
                ps.setString(2, outTradeNo);
                ps.setLong(3, amountFen);
                ps.setString(4, reason);
                ps.setBytes(5, body);
                ps.setObject(6, now);
                ps.setObject(7, now);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void updateRefund(String outRefundNo, RefundState state) {
        jdbc.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE payment_refund SET state = ?, updated_at = ? "
                    + "WHERE out_refund_no = ?")) {
                ps.setString(1, state.name());
                ps.setObject(2, OffsetDateTime.now(clock));
                ps.setString(3, outRefundNo);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Refund> findRefund(String outRefundNo) {
        List<Refund> found = refunds("WHERE out_refund_no = ?", outRefundNo);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<Refund> openRefunds() {
        return refunds("WHERE state IN ('PENDING', 'PROCESSING') ORDER BY created_at", null);
    }

    /** The exact bytes stored for a refund, resent unchanged on every retry. */
    public byte[] refundBody(String outRefundNo) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM payment_refund WHERE out_refund_no = ?")) {
                ps.setString(1, outRefundNo);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no refund " + outRefundNo);
                    }
                    return rs.getBytes(1);
                }
            }
        });
    }

    private List<PaymentIntent> intents(String where, String parameter) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + INTENT_COLUMNS + " FROM payment_intent "
                    + where)) {
                if (parameter != null) {
                    ps.setString(1, parameter);
                }
                List<PaymentIntent> intents = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        intents.add(new PaymentIntent(rs.getString(1), rs.getLong(2), rs.getString(3),
                                rs.getString(4), PaymentState.valueOf(rs.getString(5)), rs.getString(6),
                                rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class),
                                rs.getObject(10, OffsetDateTime.class)));
                    }
                }
                return intents;
            }
        });
    }

    private List<Refund> refunds(String where, String parameter) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + REFUND_COLUMNS + " FROM payment_refund "
                    + where)) {
                if (parameter != null) {
                    ps.setString(1, parameter);
                }
                List<Refund> refunds = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        refunds.add(readRefund(rs));
                    }
                }
                return refunds;
            }
        });
    }

    private static Refund readRefund(ResultSet rs) throws SQLException {
        return new Refund(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                RefundState.valueOf(rs.getString(5)), rs.getObject(6, OffsetDateTime.class),
                rs.getObject(7, OffsetDateTime.class));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
