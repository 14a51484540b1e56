package org.tongpos.sync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tongpos.sync.sandbox.DemoPaymentRules.Outcome;
import org.tongpos.sync.sandbox.DemoPaymentRules.Plan;

class DemoPaymentRulesTest {

    @Test
    void lastFourDigitsChooseTheOutcome() {
        assertThat(DemoPaymentRules.plan("134567890123455555")).isEqualTo(new Plan(Outcome.SUCCESS, 0, ""));
        assertThat(DemoPaymentRules.plan("134567890123456004")).isEqualTo(
                new Plan(Outcome.SUCCESS_AFTER_QUERIES, 4, ""));
        assertThat(DemoPaymentRules.plan("134567890123456000").parameter()).as("at least one query").isEqualTo(1);
        assertThat(DemoPaymentRules.plan("134567890123457050")).isEqualTo(
                new Plan(Outcome.SUCCESS_AFTER_SECONDS, 50, ""));
        assertThat(DemoPaymentRules.plan("134567890123458123").outcome()).isEqualTo(Outcome.NEVER);
        assertThat(DemoPaymentRules.plan("134567890123459001").failCode()).isEqualTo("AUTH_CODE_INVALID");
        assertThat(DemoPaymentRules.plan("134567890123459003").failCode()).isEqualTo("AUTH_CODE_EXPIRED");
        assertThat(DemoPaymentRules.plan("134567890123459777").failCode()).isEqualTo("PAYMENT_DECLINED");
        assertThat(DemoPaymentRules.plan("999").outcome()).as("short codes succeed").isEqualTo(Outcome.SUCCESS);
    }
}
