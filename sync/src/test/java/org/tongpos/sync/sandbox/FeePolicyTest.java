package org.tongpos.sync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FeePolicyTest {

    private final FeePolicy policy = new FeePolicy(3_800);

    @Test
    void roundsHalfUpOnTheAbsoluteAmount() {
        assertThat(policy.feeFor(1250)).isEqualTo(5);   // 4.75
        assertThat(policy.feeFor(250)).isEqualTo(1);    // 0.95
        assertThat(policy.feeFor(131)).isEqualTo(0);    // 0.4978
        assertThat(policy.feeFor(132)).isEqualTo(1);    // 0.5016
        assertThat(new FeePolicy(5_000).feeFor(100)).isEqualTo(1); // exactly 0.5 rounds up
        assertThat(new FeePolicy(5_000).feeFor(-100)).isEqualTo(-1);
    }

    @Property
    void refundFeeIsTheExactNegativeOfTheSaleFee(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long amount) {
        assertThat(policy.feeFor(-amount)).isEqualTo(-policy.feeFor(amount));
        assertThat(policy.feeFor(amount)).isBetween(0L, amount);
    }

    @Test
    void rateOutsideZeroToHundredPercentIsRefused() {
        assertThatThrownBy(() -> new FeePolicy(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeePolicy(1_000_001)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FeePolicy(0).feeFor(999)).isZero();
    }
}
