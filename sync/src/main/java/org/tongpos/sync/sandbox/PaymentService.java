package org.tongpos.sync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.tongpos.sync.wire.PaymentChannel;
import org.tongpos.sync.wire.PaymentResult;
import org.tongpos.sync.wire.PaymentStatus;
import org.tongpos.sync.wire.RefundResult;
import org.tongpos.sync.wire.RefundStatus;
import org.tongpos.sync.wire.ReverseResult;

/**
 * Payment codes: pay, query, reverse and refund, with the outcome chosen by {@link DemoPaymentRules}.
 * A USERPAYING payment moves on when it is queried. Reversing an unknown {@code out_trade_no} leaves a
 * tombstone: a later POST with that number answers {@code FAIL} / {@code ORDER_REVERSED}. Any successful
 * refund makes the payment {@code REFUNDED}; refunds never exceed what was paid.
 */
final class PaymentService {

    static final String ORDER_REVERSED = "ORDER_REVERSED";
    private static final String AUTH_CODE = "[0-9]{1,32}";

    private final SandboxDatabase database;
    private final IdempotentExecutor idempotent;
    private final JsonBodies bodies;
    private final Clock clock;

    PaymentService(SandboxDatabase database, IdempotentExecutor idempotent, JsonBodies bodies, Clock clock) {
        this.database = database;
        this.idempotent = idempotent;
        this.bodies = bodies;
        this.clock = clock;
    }

    private record Payment(String outTradeNo, String authCode, long amountFen, String tradeNo, PaymentChannel channel,
                           PaymentStatus status, String failCode, long createdEpoch, int queries, long refundedFen) {

        PaymentResult result() {
            return new PaymentResult(outTradeNo, tradeNo, channel, status, failCode);
        }

        Payment with(PaymentStatus newStatus, int newQueries, long newRefunded) {
            return new Payment(outTradeNo, authCode, amountFen, tradeNo, channel, newStatus, failCode, createdEpoch,
                    newQueries, newRefunded);
        }
    }

    ApiResponse pay(RequestContext request) {
        return idempotent.execute(request, (connection, key) -> {
            JsonNode body = bodies.object(request.body());
            String outTradeNo = JsonFields.identifier(body, "out_trade_no");
            if (!outTradeNo.equals(key)) {
                throw ApiException.param("Idempotency-Key must equal out_trade_no");
            }
            String authCode = JsonFields.text(body, "auth_code");
            if (!authCode.matches(AUTH_CODE)) {
                throw ApiException.param("auth_code must be 1-32 ASCII digits");
            }
            long amount = JsonFields.integer(body, "amount_fen");
            if (amount <= 0) {
                throw ApiException.param("amount_fen must be > 0");
            }
            String description = JsonFields.text(body, "description");
            if (description.length() > 1000) {
                throw ApiException.param("description is longer than 1000 characters");
            }
            if (find(connection, outTradeNo) != null) {
                throw ApiException.param("out_trade_no " + outTradeNo + " was already used");
            }
            PaymentChannel channel = DemoPaymentRules.channel(authCode);
            long now = clock.instant().getEpochSecond();
            Payment payment;
            if (isTombstoned(connection, outTradeNo)) {
                payment = new Payment(outTradeNo, authCode, amount, "", channel, PaymentStatus.FAIL, ORDER_REVERSED,
                        now, 0, 0);
            } else {
                DemoPaymentRules.Plan plan = DemoPaymentRules.plan(authCode);
                PaymentStatus status = switch (plan.outcome()) {
                    case SUCCESS -> PaymentStatus.SUCCESS;
                    case FAIL -> PaymentStatus.FAIL;
                    default -> PaymentStatus.USERPAYING;
                };
                String tradeNo = status == PaymentStatus.FAIL ? "" : nextTradeNo(connection);
                payment = new Payment(outTradeNo, authCode, amount, tradeNo, channel, status, plan.failCode(), now, 0,
                        0);
            }
            insert(connection, payment, request.terminalId(), description);
            return bodies.respond(200, payment.result());
        });
    }

    ApiResponse query(String outTradeNo) {
        PaymentResult result = database.durably(connection -> {
            Payment payment = find(connection, outTradeNo);
            if (payment == null) {
                throw ApiException.notFound("no payment " + outTradeNo);
            }
            Payment queried = payment.status() == PaymentStatus.USERPAYING
                    ? payment.with(payment.status(), payment.queries() + 1, payment.refundedFen()) : payment;
            Payment advanced = advance(queried);
            if (!advanced.equals(payment)) {
                update(connection, advanced);
            }
            return advanced.result();
        });
        return bodies.respond(200, result);
    }

    ApiResponse reverse(String outTradeNo) {
        if (!JsonFields.isIdentifier(outTradeNo)) {
            throw ApiException.param("out_trade_no must be 1-64 characters of [A-Za-z0-9_.:-]");
        }
        database.durably(connection -> {
            Payment payment = find(connection, outTradeNo);
            if (payment == null) {
                try (PreparedStatement merge = connection.prepareStatement(
                        "MERGE INTO payment_tombstones (out_trade_no, reversed_at) KEY (out_trade_no) VALUES (?, ?)")) {
                    merge.setString(1, outTradeNo);
                    merge.setString(2, BankTime.now(clock));
                    merge.executeUpdate();
                }
            } else if (payment.status() == PaymentStatus.USERPAYING || payment.status() == PaymentStatus.SUCCESS) {
                update(connection, payment.with(PaymentStatus.REVERSED, payment.queries(), payment.refundedFen()));
            }
            return null;
        });
        return bodies.respond(200, new ReverseResult(outTradeNo, ReverseResult.SUCCESS));
    }

    ApiResponse refund(RequestContext request) {
        return idempotent.execute(request, (connection, key) -> {
            JsonNode body = bodies.object(request.body());
            String outRefundNo = JsonFields.identifier(body, "out_refund_no");
            if (!outRefundNo.equals(key)) {
                throw ApiException.param("Idempotency-Key must equal out_refund_no");
            }
            String outTradeNo = JsonFields.identifier(body, "out_trade_no");
            long amount = JsonFields.integer(body, "amount_fen");
            if (amount <= 0) {
                throw ApiException.param("amount_fen must be > 0");
            }
            String reason = JsonFields.text(body, "reason");
            if (reason.length() > 1000) {
                throw ApiException.param("reason is longer than 1000 characters");
            }
            Payment payment = find(connection, outTradeNo);
            if (payment == null) {
                throw ApiException.notFound("no payment " + outTradeNo);
            }
            if (refundExists(connection, outRefundNo)) {
                throw ApiException.param("out_refund_no " + outRefundNo + " was already used");
            }
            Payment current = advance(payment);
            boolean refundable = current.status() == PaymentStatus.SUCCESS || current.status() == PaymentStatus.REFUNDED;
            boolean success = refundable && current.refundedFen() + amount <= current.amountFen();
            RefundStatus status = success ? RefundStatus.SUCCESS : RefundStatus.FAIL;
            if (success) {
                update(connection, current.with(PaymentStatus.REFUNDED, current.queries(),
                        current.refundedFen() + amount));
            } else if (!current.equals(payment)) {
                update(connection, current);
            }
            insertRefund(connection, outRefundNo, outTradeNo, amount, reason, status);
            return bodies.respond(200, new RefundResult(outRefundNo, status));
        });
    }

    /** Applies the demo plan to a USERPAYING payment: it may have become SUCCESS by now. */
    private Payment advance(Payment payment) {
        if (payment.status() != PaymentStatus.USERPAYING) {
            return payment;
        }
        DemoPaymentRules.Plan plan = DemoPaymentRules.plan(payment.authCode());
        boolean done = switch (plan.outcome()) {
            case SUCCESS_AFTER_QUERIES -> payment.queries() >= plan.parameter();
            case SUCCESS_AFTER_SECONDS -> clock.instant().getEpochSecond() - payment.createdEpoch() >= plan.parameter();
            default -> false;
        };
        return done ? payment.with(PaymentStatus.SUCCESS, payment.queries(), payment.refundedFen()) : payment;
    }

    private String nextTradeNo(Connection connection) throws SQLException {
        long next;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT counter_value FROM counters WHERE name = 'trade_no'")) {
            try (ResultSet rows = select.executeQuery()) {
                next = rows.next() ? rows.getLong(1) + 1 : 1;
            }
        }
        try (PreparedStatement merge = connection.prepareStatement(
                "MERGE INTO counters (name, counter_value) KEY (name) VALUES ('trade_no', ?)")) {
            merge.setLong(1, next);
            merge.executeUpdate();
        }
        String day = LocalDate.ofInstant(clock.instant(), BankTime.BANK_OFFSET).format(DateTimeFormatter.BASIC_ISO_DATE);
        return "4200" + day + String.format("%010d", next);
    }

    private static Payment find(Connection connection, String outTradeNo) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT auth_code, amount_fen, trade_no, channel, status, fail_code, created_epoch, queries,"
                        + " refunded_fen FROM payments WHERE out_trade_no = ?")) {
            select.setString(1, outTradeNo);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                return new Payment(outTradeNo, rows.getString(1), rows.getLong(2), rows.getString(3),
                        PaymentChannel.valueOf(rows.getString(4)), PaymentStatus.valueOf(rows.getString(5)),
                        rows.getString(6), rows.getLong(7), rows.getInt(8), rows.getLong(9));
            }
        }
    }

    private static boolean isTombstoned(Connection connection, String outTradeNo) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM payment_tombstones WHERE out_trade_no = ?")) {
            select.setString(1, outTradeNo);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean refundExists(Connection connection, String outRefundNo) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM refunds WHERE out_refund_no = ?")) {
            select.setString(1, outRefundNo);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void insert(Connection connection, Payment payment, String terminalId, String description)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO payments (out_trade_no, terminal_id, auth_code, amount_fen, description, trade_no, channel,"
                        + " status, fail_code, created_epoch, queries, refunded_fen)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, payment.outTradeNo());
            insert.setString(2, terminalId);
            insert.setString(3, payment.authCode());
            insert.setLong(4, payment.amountFen());
            insert.setString(5, description);
            insert.setString(6, payment.tradeNo());
            insert.setString(7, payment.channel().name());
            insert.setString(8, payment.status().name());
            insert.setString(9, payment.failCode());
            insert.setLong(10, payment.createdEpoch());
            insert.setInt(11, payment.queries());
            insert.setLong(12, payment.refundedFen());
            insert.executeUpdate();
        }
    }

    private static void update(Connection connection, Payment payment) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE payments SET status = ?, queries = ?, refunded_fen = ? WHERE out_trade_no = ?")) {
            update.setString(1, payment.status().name());
            update.setInt(2, payment.queries());
            update.setLong(3, payment.refundedFen());
            update.setString(4, payment.outTradeNo());
            update.executeUpdate();
        }
    }

    private void insertRefund(Connection connection, String outRefundNo, String outTradeNo, long amount, String reason,
                              RefundStatus status) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO refunds (out_refund_no, out_trade_no, amount_fen, reason, status, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, outRefundNo);
            insert.setString(2, outTradeNo);
            insert.setLong(3, amount);
            insert.setString(4, reason);
            insert.setString(5, status.name());
            insert.setString(6, BankTime.now(clock));
            insert.executeUpdate();
        }
    }
}
