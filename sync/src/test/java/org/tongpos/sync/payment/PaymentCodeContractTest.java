package org.tongpos.sync.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.tongpos.sync.batch.SandboxFixture;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.BankReply;
import org.tongpos.sync.client.BankRequest;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.testkit.MutableClock;
import org.tongpos.sync.client.RetryPolicy;
import org.tongpos.sync.client.Sleeper;
import org.tongpos.sync.client.SyncSchema;
import org.tongpos.sync.client.TestDatabase;
import org.tongpos.sync.sandbox.Fault;
import org.tongpos.sync.wire.ApiPaths;
import org.tongpos.sync.wire.PaymentRequest;
import org.tongpos.sync.wire.PaymentResult;
import org.tongpos.sync.wire.PaymentStatus;

/**
 * Payment codes against the sandbox bank, whose outcome is chosen by the code's last four digits:
 * 0NNN success, 6NNN user paying until query NNN, 8NNN user paying for ever, 9002 not enough balance.
 * The client's clock is a test clock starting now; its sleeper advances it, so 45 s pass instantly.
 */
class PaymentCodeContractTest {

    private static final String PAYS_AT_ONCE = "134567890123450001";
    private static final String PAYS_ON_SECOND_QUERY = "134567890123456002";
    private static final String NEVER_CONFIRMED = "134567890123458000";
    private static final String NOT_ENOUGH_BALANCE = "134567890123459002";
    /** Obeys a Retry-After of up to 20 s (the fixture's quick policy stops at 3 s, the poll interval). */
    private static final RetryPolicy PATIENT = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(40),
            Duration.ofSeconds(20), 3);

    @TempDir
    Path dir;
    private SandboxFixture sandbox;
    private DataSource db;
    private MutableClock clock;
    private BankClient client;

    @BeforeEach
    void start() {
        sandbox = new SandboxFixture(dir.resolve("bank"));
        db = TestDatabase.inMemory();
        SyncSchema.migrate(db);
        clock = new MutableClock(Instant.now(), ZoneOffset.ofHours(8));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        sandbox.close();
    }

    private PaymentCodeService service(Sleeper sleeper) {
        return service(sleeper, SandboxFixture.FAST);
    }

    private PaymentCodeService service(Sleeper sleeper, RetryPolicy policy) {
        client = sandbox.client(SandboxFixture.KEY, clock, sleeper, policy);
        return new PaymentCodeService(client, new Jdbc(db), clock, sleeper);
    }

    private PaymentStatus bankSays(String outTradeNo) {
        BankReply reply = client.call(BankRequest.get(ApiPaths.payment(outTradeNo)));
        return client.read((BankReply.Answered) reply, PaymentResult.class).status();
    }

    @Test
    void codeThatPaysAtOnceSucceedsWithTheBanksTradeNumber() {
        PaymentCodeService payments = service(clock::sleep);
        String no = PaymentCodeService.newOutTradeNo();

        PaymentIntent intent = payments.pay(no, PAYS_AT_ONCE, 1250, "乐购超市");

        assertThat(intent.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(intent.tradeNo()).isNotBlank();
        assertThat(intent.channel()).isEqualTo("WECHAT");
        assertThat(intent.authCodeMasked()).isEqualTo("1345**********0001").doesNotContain("6789012345");
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void userPayingIsQueriedEveryThreeSecondsUntilSuccess() {
        PaymentCodeService payments = service(clock::sleep);
        PaymentIntent intent = payments.pay(PaymentCodeService.newOutTradeNo(), PAYS_ON_SECOND_QUERY, 800, "sale");
        assertThat(intent.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void paymentNeverConfirmedIsReversedAfterFortyFiveSeconds() {
        PaymentCodeService payments = service(clock::sleep);
        String no = PaymentCodeService.newOutTradeNo();
        Instant started = clock.instant();

        PaymentIntent intent = payments.pay(no, NEVER_CONFIRMED, 800, "sale");

        assertThat(intent.state()).isEqualTo(PaymentState.REVERSED);
        assertThat(Duration.between(started, clock.instant())).isBetween(Duration.ofSeconds(45),
                Duration.ofSeconds(48));
        assertThat(clock.sleeps()).hasSize(15).allMatch(d -> d.equals(Duration.ofSeconds(3)));
        assertThat(bankSays(no)).isEqualTo(PaymentStatus.REVERSED);
    }

    @Test
    void aRateLimitedPaymentWaitsTheBanksRetryAfterBeforeAskingAgain() {
        sandbox.bank().faults().inject("POST", "/v1/payments", Fault.rateLimit(7), 1);
        PaymentIntent intent = service(clock::sleep, PATIENT).pay(PaymentCodeService.newOutTradeNo(),
                PAYS_AT_ONCE, 500, "sale");
        assertThat(intent.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aRateLimitedQueryWaitsTheBanksRetryAfterBeforeTheNextPoll() {
        sandbox.bank().faults().inject("GET", "/v1/payments/[^/]+", Fault.rateLimit(7), 1);
        PaymentIntent intent = service(clock::sleep, PATIENT).pay(PaymentCodeService.newOutTradeNo(),
                PAYS_ON_SECOND_QUERY, 800, "sale");
        assertThat(intent.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(7),
                Duration.ofSeconds(3));
    }

    @Test
    void aRetryAfterLongerThanThePolicyObeysIsWaitedOnlyUpToItsCap() {
        sandbox.bank().faults().inject("POST", "/v1/payments", Fault.rateLimit(600), 1);
        PaymentIntent intent = service(clock::sleep, PATIENT).pay(PaymentCodeService.newOutTradeNo(),
                PAYS_AT_ONCE, 500, "sale");
        assertThat(intent.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(clock.sleeps()).containsExactly(PATIENT.maxRetryAfter());
    }

    @Test
    void declinedCodeFailsWithTheBanksFailCode() {
        PaymentIntent intent = service(clock::sleep).pay(PaymentCodeService.newOutTradeNo(), NOT_ENOUGH_BALANCE,
                800, "sale");
        assertThat(intent.state()).isEqualTo(PaymentState.FAILED);
        assertThat(intent.failCode()).isEqualTo("NOT_ENOUGH_BALANCE");
    }

    @Test
    void answerLostAfterTheBankChargedIsFoundByQuerying() {
        sandbox.bank().faults().inject("POST", "/v1/payments", Fault.dropAfterCommit(), 1);
        PaymentIntent intent = service(clock::sleep).pay(PaymentCodeService.newOutTradeNo(), PAYS_AT_ONCE, 500,
                "sale");
        assertThat(intent.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aReplayedAnswerAfterTheBankChargedIsQueriedNotTakenForARefusal() {
        sandbox.bank().faults().inject("POST", "/v1/payments", Fault.replayedAfterCommit(), 1);
        String no = PaymentCodeService.newOutTradeNo();

        PaymentIntent intent = service(clock::sleep).pay(no, PAYS_AT_ONCE, 500, "sale");

        assertThat(intent.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(bankSays(no)).isEqualTo(PaymentStatus.SUCCESS);
    }

    @Test
    void requestLostBeforeTheBankSawItIsSentAgainAfterANotFoundQuery() {
        sandbox.bank().faults().inject("POST", "/v1/payments", Fault.dropBeforeExecuting(), 1);
        PaymentIntent intent = service(clock::sleep).pay(PaymentCodeService.newOutTradeNo(), PAYS_AT_ONCE, 500,
                "sale");
        assertThat(intent.state()).isEqualTo(PaymentState.SUCCESS);
    }

    @Test
    void crashWhileTheCustomerIsPayingIsResolvedOnStartByReversing() {
        String no = PaymentCodeService.newOutTradeNo();
        Sleeper crashes = d -> {
            throw new IllegalStateException("simulated crash of the terminal");
        };
        assertThatThrownBy(() -> service(crashes).pay(no, NEVER_CONFIRMED, 900, "sale"))
                .hasMessageContaining("simulated crash");
        client.close();

        PaymentCodeService restarted = service(clock::sleep);
        assertThat(restarted.intent(no)).hasValueSatisfying(i -> assertThat(i.state()).isEqualTo(PaymentState.PAYING));
        assertThat(restarted.recoverOpenIntents()).singleElement()
                .satisfies(i -> assertThat(i.state()).isEqualTo(PaymentState.REVERSED));
        assertThat(bankSays(no)).isEqualTo(PaymentStatus.REVERSED);
    }

    @Test
    void crashAfterTheBankChargedKeepsTheSuccessfulPaymentOnRecovery() {
        sandbox.bank().faults().inject("POST", "/v1/payments", Fault.dropAfterCommit(), 1);
        String no = PaymentCodeService.newOutTradeNo();
        Sleeper crashes = d -> {
            throw new IllegalStateException("simulated crash of the terminal");
        };
        assertThatThrownBy(() -> service(crashes).pay(no, PAYS_AT_ONCE, 900, "sale"));
        client.close();

        assertThat(service(clock::sleep).recoverOpenIntents()).singleElement()
                .satisfies(i -> assertThat(i.state()).isEqualTo(PaymentState.SUCCESS));
    }

    @Test
    void intentWrittenButNeverSentIsReversedSoALateRequestCannotCharge() {
        PaymentCodeService payments = service(clock::sleep);
        String no = PaymentCodeService.newOutTradeNo();
        new PaymentStore(new Jdbc(db), clock).create(no, 700, "sale", AuthCodes.mask(PAYS_AT_ONCE));

        assertThat(payments.recoverOpenIntents()).singleElement()
                .satisfies(i -> assertThat(i.state()).isEqualTo(PaymentState.REVERSED));

        BankReply late = client.call(BankRequest.post(ApiPaths.payments(),
                client.write(new PaymentRequest(no, PAYS_AT_ONCE, 700, "sale")), no));
        PaymentResult result = client.read((BankReply.Answered) late, PaymentResult.class);
        assertThat(result.status()).isEqualTo(PaymentStatus.FAIL);
        assertThat(result.failCode()).isEqualTo("ORDER_REVERSED");
    }

    @Test
    void refundWithTheSameNumberNeverRefundsTwice() {
        PaymentCodeService payments = service(clock::sleep);
        String no = PaymentCodeService.newOutTradeNo();
        payments.pay(no, PAYS_AT_ONCE, 1000, "sale");
        String refundNo = PaymentCodeService.newOutRefundNo();
        sandbox.bank().faults().inject("POST", "/v1/refunds", Fault.dropAfterCommit(), 1);

        Refund refund = payments.refund(refundNo, no, 400, "returned goods");
        Refund again = payments.refund(refundNo, no, 400, "returned goods");

        assertThat(refund.state()).isEqualTo(RefundState.SUCCESS);
        assertThat(again).isEqualTo(refund);
        Refund second = payments.refund(PaymentCodeService.newOutRefundNo(), no, 600, "rest");
        assertThat(second.state()).isEqualTo(RefundState.SUCCESS);
        Refund tooMuch = payments.refund(PaymentCodeService.newOutRefundNo(), no, 1, "more than paid");
        assertThat(tooMuch.state()).isEqualTo(RefundState.FAILED);
    }

    @Test
    void aMissingDescriptionOrReasonIsSentAsAnEmptyString() {
        PaymentCodeService payments = service(clock::sleep);
        String no = PaymentCodeService.newOutTradeNo();

        PaymentIntent intent = payments.pay(no, PAYS_AT_ONCE, 1000, null);
        Refund refund = payments.refund(PaymentCodeService.newOutRefundNo(), no, 300, null);

        assertThat(intent.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(refund.state()).isEqualTo(RefundState.SUCCESS);
    }

    @Test
    void authCodeNeverAppearsInLogsInClear() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            service(clock::sleep).pay(PaymentCodeService.newOutTradeNo(), PAYS_ON_SECOND_QUERY, 300, "sale");
        } finally {
            root.detachAppender(appender);
        }
        assertThat(appender.list).isNotEmpty()
                .noneMatch(e -> e.getFormattedMessage().contains(PAYS_ON_SECOND_QUERY));
    }

    @Test
    void anOrderNumberIsNeverUsedForTwoPayments() {
        PaymentCodeService payments = service(clock::sleep);
        String no = PaymentCodeService.newOutTradeNo();
        payments.pay(no, PAYS_AT_ONCE, 100, "sale");
        assertThatThrownBy(() -> payments.pay(no, PAYS_AT_ONCE, 100, "sale"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already used");
    }

    @Test
    void invalidCodesAreRefusedBeforeAnythingIsWritten() {
        PaymentCodeService payments = service(clock::sleep);
        assertThatThrownBy(() -> payments.pay("x1", "12ab", 100, "sale")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> payments.pay("x2", "1".repeat(33), 100, "sale"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(payments.intent("x1")).isEmpty();
    }
}
