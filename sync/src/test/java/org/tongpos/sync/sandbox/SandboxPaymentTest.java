package org.tongpos.sync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tongpos.sync.wire.ErrorCode;
import org.tongpos.sync.wire.PaymentChannel;
import org.tongpos.sync.wire.PaymentRequest;
import org.tongpos.sync.wire.PaymentResult;
import org.tongpos.sync.wire.PaymentStatus;
import org.tongpos.sync.wire.RefundRequest;
import org.tongpos.sync.wire.RefundResult;
import org.tongpos.sync.wire.RefundStatus;
import org.tongpos.sync.wire.ReverseResult;

class SandboxPaymentTest extends SandboxTestBase {

    private static final String WECHAT_SUCCESS = "134567890123450000";
    private static final String PAYMENTS = "/v1/payments";

    @Test
    void successfulCodeIsPaidAtOnceOnTheChannelOfItsPrefix() throws Exception {
        PaymentResult result = pay("o-1", WECHAT_SUCCESS, 1250).as(PaymentResult.class);

        assertThat(result.status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(result.channel()).isEqualTo(PaymentChannel.WECHAT);
        assertThat(result.failCode()).isEmpty();
        assertThat(result.tradeNo()).matches("4200202611300000000001");
        assertThat(t1.get(PAYMENTS + "/o-1").as(PaymentResult.class)).isEqualTo(result);
    }

    @Test
    void channelFollowsTheRoutingHints() {
        assertThat(DemoPaymentRules.channel("104567890123450000")).isEqualTo(PaymentChannel.WECHAT);
        assertThat(DemoPaymentRules.channel("2845678901234500")).isEqualTo(PaymentChannel.ALIPAY);
        assertThat(DemoPaymentRules.channel("304567890123456789010000")).isEqualTo(PaymentChannel.ALIPAY);
        assertThat(DemoPaymentRules.channel("6245678901234560000")).isEqualTo(PaymentChannel.UNIONPAY);
        assertThat(DemoPaymentRules.channel("164567890123450000")).isEqualTo(PaymentChannel.BANK);
        assertThat(DemoPaymentRules.channel("7")).isEqualTo(PaymentChannel.BANK);
    }

    @Test
    void userPayingTurnsSuccessOnTheNthQuery() throws Exception {
        PaymentResult posted = pay("o-1", "134567890123456003", 500).as(PaymentResult.class);

        assertThat(posted.status()).isEqualTo(PaymentStatus.USERPAYING);
        assertThat(query("o-1").status()).isEqualTo(PaymentStatus.USERPAYING);
        assertThat(query("o-1").status()).isEqualTo(PaymentStatus.USERPAYING);
        assertThat(query("o-1").status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(query("o-1").status()).isEqualTo(PaymentStatus.SUCCESS);
    }

    @Test
    void userPayingTurnsSuccessAfterTheGivenSeconds() throws Exception {
        pay("o-1", "2845678901237010", 500);

        clock.advance(Duration.ofSeconds(9));
        assertThat(query("o-1").status()).isEqualTo(PaymentStatus.USERPAYING);
        clock.advance(Duration.ofSeconds(1));
        assertThat(query("o-1").status()).isEqualTo(PaymentStatus.SUCCESS);
    }

    @Test
    void failingCodeAnswersFailWithACode() throws Exception {
        TestTerminal.Reply reply = pay("o-1", "134567890123459002", 500);

        assertThat(reply.status()).isEqualTo(200);
        PaymentResult result = reply.as(PaymentResult.class);
        assertThat(result.status()).isEqualTo(PaymentStatus.FAIL);
        assertThat(result.failCode()).isEqualTo("NOT_ENOUGH_BALANCE");
        assertThat(pay("o-1", "134567890123459002", 500).replayed()).as("a FAIL is an executed request").isTrue();
    }

    @Test
    void reversingAPendingPaymentReturnsTheMoney() throws Exception {
        pay("o-1", "134567890123458000", 500);

        TestTerminal.Reply reverse = t1.send("POST", PAYMENTS + "/o-1/reverse", new byte[0], null);

        assertThat(reverse.status()).isEqualTo(200);
        assertThat(reverse.as(ReverseResult.class)).isEqualTo(new ReverseResult("o-1", "SUCCESS"));
        assertThat(query("o-1").status()).isEqualTo(PaymentStatus.REVERSED);
        assertThat(t1.send("POST", PAYMENTS + "/o-1/reverse", new byte[0], null).status()).as("idempotent")
                .isEqualTo(200);
        assertThat(query("o-1").status()).isEqualTo(PaymentStatus.REVERSED);
    }

    @Test
    void reversingAnUnknownNumberLeavesATombstoneSoALatePostFails() throws Exception {
        TestTerminal.Reply reverse = t1.send("POST", PAYMENTS + "/o-late/reverse", new byte[0], null);
        assertThat(reverse.as(ReverseResult.class).status()).isEqualTo("SUCCESS");
        assertThat(t1.get(PAYMENTS + "/o-late").status()).isEqualTo(404);

        PaymentResult late = pay("o-late", WECHAT_SUCCESS, 500).as(PaymentResult.class);

        assertThat(late.status()).isEqualTo(PaymentStatus.FAIL);
        assertThat(late.failCode()).isEqualTo("ORDER_REVERSED");
        assertThat(query("o-late").status()).isEqualTo(PaymentStatus.FAIL);
    }

    @Test
    void refundSucceedsOnceAndNeverExceedsThePayment() throws Exception {
        pay("o-1", WECHAT_SUCCESS, 1000);

        TestTerminal.Reply first = refund("r-1", "o-1", 600);
        TestTerminal.Reply retry = refund("r-1", "o-1", 600);
        TestTerminal.Reply tooMuch = refund("r-2", "o-1", 500);
        TestTerminal.Reply rest = refund("r-3", "o-1", 400);

        assertThat(first.as(RefundResult.class)).isEqualTo(new RefundResult("r-1", RefundStatus.SUCCESS));
        assertThat(retry.replayed()).isTrue();
        assertThat(tooMuch.as(RefundResult.class).status()).isEqualTo(RefundStatus.FAIL);
        assertThat(rest.as(RefundResult.class).status()).isEqualTo(RefundStatus.SUCCESS);
        assertThat(query("o-1").status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(refund("r-1", "o-1", 1).error().is(ErrorCode.IDEMPOTENCY_MISMATCH)).isTrue();
    }

    @Test
    void refundOfAFailedOrReversedPaymentFailsAndOfAnUnknownOneIsNotFound() throws Exception {
        pay("o-1", "134567890123459001", 500);
        pay("o-2", "134567890123458000", 500);
        t1.send("POST", PAYMENTS + "/o-2/reverse", new byte[0], null);

        assertThat(refund("r-1", "o-1", 100).as(RefundResult.class).status()).isEqualTo(RefundStatus.FAIL);
        assertThat(refund("r-2", "o-2", 100).as(RefundResult.class).status()).isEqualTo(RefundStatus.FAIL);
        TestTerminal.Reply unknown = refund("r-3", "o-none", 100);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error().is(ErrorCode.NOT_FOUND)).isTrue();
        pay("o-none", WECHAT_SUCCESS, 500);
        assertThat(refund("r-3", "o-none", 100).as(RefundResult.class).status())
                .as("a 404 stored nothing, so the key works once the cause is fixed").isEqualTo(RefundStatus.SUCCESS);
    }

    @Test
    void badPaymentRequestsAreParamErrors() throws Exception {
        assertThat(pay("o-1", "12ab", 500).error().is(ErrorCode.PARAM_ERROR)).isTrue();
        assertThat(pay("o-1", "1".repeat(33), 500).status()).isEqualTo(400);
        assertThat(pay("o-1", "", 500).status()).isEqualTo(400);
        assertThat(pay("o-1", WECHAT_SUCCESS, 0).status()).isEqualTo(400);
        assertThat(t1.post(PAYMENTS, new PaymentRequest("o-1", WECHAT_SUCCESS, 5, "x"), "o-2").status())
                .isEqualTo(400);
        assertThat(t1.get(PAYMENTS + "/o-1").status()).isEqualTo(404);
        assertThat(pay("o-1", "1".repeat(32), 500).status()).isEqualTo(200);
    }

    @Test
    void anyTerminalOfTheMerchantMayQueryAPayment() throws Exception {
        pay("o-1", WECHAT_SUCCESS, 500);

        TestTerminal.Reply reply = t2.get(PAYMENTS + "/o-1");

        assertThat(reply.verified()).isTrue();
        assertThat(reply.as(PaymentResult.class).status()).isEqualTo(PaymentStatus.SUCCESS);
    }

    private TestTerminal.Reply pay(String outTradeNo, String authCode, long amount) throws Exception {
        return t1.post(PAYMENTS, new PaymentRequest(outTradeNo, authCode, amount, "午餐"), outTradeNo);
    }

    private PaymentResult query(String outTradeNo) throws Exception {
        return t1.get(PAYMENTS + "/" + outTradeNo).as(PaymentResult.class);
    }

    private TestTerminal.Reply refund(String outRefundNo, String outTradeNo, long amount) throws Exception {
        return t1.post("/v1/refunds", new RefundRequest(outRefundNo, outTradeNo, amount, "退菜"), outRefundNo);
    }
}
