package org.tongpos.sync.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.BankReply;
import org.tongpos.sync.client.BankRequest;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.client.Sleeper;
import org.tongpos.sync.wire.ApiError;
import org.tongpos.sync.wire.ApiPaths;
import org.tongpos.sync.wire.ErrorCode;
import org.tongpos.sync.wire.PaymentRequest;
import org.tongpos.sync.wire.PaymentResult;
import org.tongpos.sync.wire.RefundRequest;
import org.tongpos.sync.wire.RefundResult;
import org.tongpos.sync.wire.ReverseResult;

/**
 * Payment codes (付款码) at the bank: pay, query, reverse and refund. A durable intent is written before
 * the first request; on {@code USERPAYING} or no clear answer the payment is queried every ~3 s for up to
 * 45 s and then reversed. Only an intent in {@link PaymentState#SUCCESS} may be journaled as paid.
 * Call {@link #recoverOpenIntents()} on start: it leaves no unknown payment behind.
 */
public final class PaymentCodeService {

    public static final Duration POLL_INTERVAL = Duration.ofSeconds(3);
    public static final Duration MAX_WAIT = Duration.ofSeconds(45);
    private static final Logger LOG = LoggerFactory.getLogger(PaymentCodeService.class);

    private final BankClient client;
    private final PaymentStore store;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration pollInterval;
    private final Duration maxWait;

    public PaymentCodeService(BankClient client, Jdbc jdbc, Clock clock, Sleeper sleeper) {
        this(client, jdbc, clock, sleeper, POLL_INTERVAL, MAX_WAIT);
    }

    public PaymentCodeService(BankClient client, Jdbc jdbc, Clock clock, Sleeper sleeper, Duration pollInterval,
                              Duration maxWait) {
        this.client = client;
        this.store = new PaymentStore(jdbc, clock);
        this.clock = clock;
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
        this.maxWait = maxWait;
    }

    /** A fresh merchant order number (32 lowercase hex digits). */
    public static String newOutTradeNo() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A fresh refund number (32 lowercase hex digits). */
    public static String newOutRefundNo() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Charges a payment code and returns the intent in its final state: SUCCESS, FAILED, REVERSED, or
     * REVERSING when even the reversal got no clear answer (then {@link #recoverOpenIntents()} finishes it).
     * Blocks for up to about 45 s: call it off the FX thread.
     */
    public PaymentIntent pay(String outTradeNo, String authCode, long amountFen, String description) {
        return pay(outTradeNo, authCode, amountFen, description, Progress.NONE);
    }

    /**
     * What the caller sees while the customer has not confirmed yet, and its way to give up: before each wait for
     * the next query it is told the time left; returning false stops waiting and the payment is reversed.
     */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = left -> true;

        /** Called on the paying thread while the bank says USERPAYING (or gave no clear answer). */
        boolean waiting(Duration left);
    }

    /**
     * As {@link #pay(String, String, long, String)}, telling {@code progress} the time left while waiting; when it
     * returns false the payment is reversed at once (REVERSED, or REVERSING without a clear answer).
     */
    public PaymentIntent pay(String outTradeNo, String authCode, long amountFen, String description,
                             Progress progress) {
        if (!AuthCodes.isValid(authCode)) {
            throw new IllegalArgumentException("a payment code is 1 to 32 digits");
        }
        if (amountFen <= 0) {
            throw new IllegalArgumentException("amount must be > 0 fen: " + amountFen);
        }
        if (store.find(outTradeNo).isPresent()) {
            throw new IllegalStateException("out_trade_no " + outTradeNo + " was already used; make a new one");
        }
        String masked = AuthCodes.mask(authCode);
        String text = textOrEmpty(description);
        store.create(outTradeNo, amountFen, text, masked);
        LOG.info("payment {}: {} fen with code {}", outTradeNo, amountFen, masked);
        byte[] body = client.write(new PaymentRequest(outTradeNo, authCode, amountFen, text));
        BankRequest post = BankRequest.post(ApiPaths.payments(), body, outTradeNo);
        Instant deadline = clock.instant().plus(maxWait);
        store.update(outTradeNo, PaymentState.PAYING);
        Step step = post(post);
        while (step.result.isEmpty() && clock.instant().isBefore(deadline)) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (!progress.waiting(left)) {
                LOG.info("payment {}: cancelled at the till while waiting, reversing", outTradeNo);
                return reverse(outTradeNo);
            }
            if (!pause(nextPoll(step))) {
                break;
            }
            step = query(outTradeNo, false);
            if (step.notFound && clock.instant().isBefore(deadline)) {
                step = post(post);
            }
        }
        if (step.result.isPresent()) {
            return step.result.get();
        }
        LOG.info("payment {}: no SUCCESS within {} s, reversing", outTradeNo, maxWait.toSeconds());
        return reverse(outTradeNo);
    }

    /** The stored intent. */
    public Optional<PaymentIntent> intent(String outTradeNo) {
        return store.find(outTradeNo);
    }

    /**
     * Cancels a payment (unfinished, unknown, or successful but not used for a sale): the bank returns any
     * money taken. Returns REVERSED, or REVERSING when no clear answer came (retried on recovery).
     */
    public PaymentIntent reverse(String outTradeNo) {
        store.update(outTradeNo, PaymentState.REVERSING);
        BankReply reply = client.call(BankRequest.postEmpty(ApiPaths.reverse(outTradeNo)));
        if (reply instanceof BankReply.Answered answered && answered.status() == 200
                && ReverseResult.SUCCESS.equals(client.read(answered, ReverseResult.class).status())) {
            LOG.info("payment {}: reversed", outTradeNo);
            return store.update(outTradeNo, PaymentState.REVERSED);
        }
        LOG.warn("payment {}: reversal not confirmed ({}); will retry on recovery", outTradeNo, describe(reply));
        return store.find(outTradeNo).orElseThrow();
    }

    /**
     * Refunds (part of) a successful payment. The refund and its exact bytes are stored first; calling again
     * with the same {@code outRefundNo} resends the same bytes and never refunds twice.
     */
    public Refund refund(String outRefundNo, String outTradeNo, long amountFen, String reason) {
        Optional<Refund> existing = store.findRefund(outRefundNo);
        byte[] body;
        if (existing.isPresent()) {
            Refund refund = existing.get();
            if (!refund.outTradeNo().equals(outTradeNo) || refund.amountFen() != amountFen) {
                throw new IllegalArgumentException("refund " + outRefundNo + " was made for another payment or amount");
            }
            if (!refund.state().isOpen()) {
                return refund;
            }
            body = store.refundBody(outRefundNo);
        } else {
            if (amountFen <= 0) {
                throw new IllegalArgumentException("refund amount must be > 0 fen: " + amountFen);
            }
            String text = textOrEmpty(reason);
            body = client.write(new RefundRequest(outRefundNo, outTradeNo, amountFen, text));
            store.createRefund(outRefundNo, outTradeNo, amountFen, text, body);
        }
        return sendRefund(outRefundNo, body);
    }

    public Optional<Refund> refundOf(String outRefundNo) {
        return store.findRefund(outRefundNo);
    }

    /** Payments the bank confirmed, oldest first: the app checks each was used by a journaled sale. */
    public List<PaymentIntent> confirmedIntents() {
        return store.confirmedIntents();
    }

    /**
     * Resolves every open intent after a restart: a payment the bank reports as SUCCESS stays SUCCESS (the
     * app decides whether its sale was journaled, else it reverses or refunds it); anything else is
     * reversed. Open refunds are resent with their stored bytes. Returns the intents it touched.
     */
    public List<PaymentIntent> recoverOpenIntents() {
        List<PaymentIntent> resolved = new ArrayList<>();
        for (PaymentIntent intent : store.openIntents()) {
            String no = intent.outTradeNo();
            if (intent.state() == PaymentState.REVERSING) {
                resolved.add(reverse(no));
                continue;
            }
            Step query = query(no, true);
            PaymentIntent result = query.result.orElse(null);
            if (result != null && !result.state().isOpen()) {
                resolved.add(result);
            } else {
                LOG.info("recovering payment {}: {}, reversing", no, query.notFound ? "unknown to the bank"
                        : "not finished");
                resolved.add(reverse(no));
            }
        }
        for (Refund refund : store.openRefunds()) {
            sendRefund(refund.outRefundNo(), store.refundBody(refund.outRefundNo()));
        }
        return resolved;
    }

    /**
     * What one POST or query found: a final state, or empty while the payment is open or the answer unclear;
     * whether the bank does not know the payment; and the {@code Retry-After} of a 429 or 5xx.
     */
    private record Step(Optional<PaymentIntent> result, boolean notFound, Optional<Duration> retryAfter) {

        static Step open(BankReply reply) {
            Optional<Duration> wait = reply instanceof BankReply.Answered answered
                    && (answered.isRateLimited() || answered.isServerError()) ? answered.retryAfter() : Optional.empty();
            return new Step(Optional.empty(), false, wait);
        }
    }

    /**
     * One POST. {@code 401 REPLAYED} is unclear: this copy was not executed, but it means an earlier copy with
     * the same signature reached the bank.
     */
    private Step post(BankRequest post) {
        String no = post.idempotencyKey();
        BankReply reply = client.send(post);
        if (reply instanceof BankReply.Answered answered) {
            if (answered.status() == 200) {
                return new Step(apply(no, client.read(answered, PaymentResult.class)), false, Optional.empty());
            }
            ApiError error = answered.isRejected() ? client.error(answered) : null;
            if (error != null && !error.is(ErrorCode.REPLAYED)) {
                LOG.warn("payment {}: refused by the bank, HTTP {} {} {}", no, answered.status(), error.code(),
                        error.message());
                return new Step(Optional.of(store.update(no, PaymentState.FAILED, null, null, error.code())), false,
                        Optional.empty());
            }
        }
        LOG.info("payment {}: no clear answer ({}), will query", no, describe(reply));
        return Step.open(reply);
    }

    private Step query(String outTradeNo, boolean patient) {
        BankRequest get = BankRequest.get(ApiPaths.payment(outTradeNo));
        BankReply reply = patient ? client.call(get) : client.send(get);
        if (reply instanceof BankReply.Answered answered) {
            if (answered.status() == 200) {
                return new Step(apply(outTradeNo, client.read(answered, PaymentResult.class)), false,
                        Optional.empty());
            }
            if (answered.status() == 404 && client.error(answered).is(ErrorCode.NOT_FOUND)) {
                return new Step(Optional.empty(), true, Optional.empty());
            }
        }
        return Step.open(reply);
    }

    /**
     * The poll interval, or longer when the bank asked to wait longer: its {@code Retry-After}, obeyed up to
     * the client's retry policy's {@code maxRetryAfter} so a cashier is never held for an unbounded time.
     */
    private Duration nextPoll(Step step) {
        Duration cap = client.config().retryPolicy().maxRetryAfter();
        Duration asked = step.retryAfter.map(d -> d.compareTo(cap) > 0 ? cap : d).orElse(Duration.ZERO);
        return asked.compareTo(pollInterval) > 0 ? asked : pollInterval;
    }

    private Optional<PaymentIntent> apply(String outTradeNo, PaymentResult result) {
        if (!outTradeNo.equals(result.outTradeNo())) {
            throw new org.tongpos.sync.client.BankProtocolException("payment answer names " + result.outTradeNo()
                    + ", expected " + outTradeNo);
        }
        PaymentState state = switch (result.status()) {
            case SUCCESS, REFUNDED -> PaymentState.SUCCESS;
            case FAIL -> PaymentState.FAILED;
            case REVERSED -> PaymentState.REVERSED;
            case USERPAYING -> PaymentState.PAYING;
        };
        String channel = result.channel() == null ? null : result.channel().name();
        PaymentIntent intent = store.update(outTradeNo, state, result.tradeNo(), channel, result.failCode());
        if (state != PaymentState.PAYING) {
            LOG.info("payment {}: {} {}", outTradeNo, result.status(), result.failCode());
        }
        return state.isOpen() ? Optional.empty() : Optional.of(intent);
    }

    private Refund sendRefund(String outRefundNo, byte[] body) {
        BankReply reply = client.call(BankRequest.post(ApiPaths.refunds(), body, outRefundNo));
        if (reply instanceof BankReply.Answered answered) {
            if (answered.status() == 200) {
                RefundResult result = client.read(answered, RefundResult.class);
                RefundState state = switch (result.status()) {
                    case SUCCESS -> RefundState.SUCCESS;
                    case PROCESSING -> RefundState.PROCESSING;
                    case FAIL -> RefundState.FAILED;
                };
                store.updateRefund(outRefundNo, state);
            } else if (answered.isRejected()) {
                ApiError error = client.error(answered);
                LOG.warn("refund {}: refused, HTTP {} {} {}", outRefundNo, answered.status(), error.code(),
                        error.message());
                store.updateRefund(outRefundNo, RefundState.FAILED);
            }
        }
        return store.findRefund(outRefundNo).orElseThrow();
    }

    private boolean pause(Duration duration) {
        try {
            sleeper.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The contract's text fields are strings: a missing description or reason is "", never null. */
    private static String textOrEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String describe(BankReply reply) {
        return reply instanceof BankReply.Answered answered ? "HTTP " + answered.status()
                : ((BankReply.NoAnswer) reply).reason() + " " + ((BankReply.NoAnswer) reply).detail();
    }
}
