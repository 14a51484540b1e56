package org.tongpos.app.money.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** A proportional split adds up exactly and keeps every part within a fen of its exact share, never above its weight. */
class RoundingSplitTest {

    @Test
    void tenYuanOverThreeEqualLinesGivesTheSpareFenToTheFirst() {
        assertThat(Rounding.split(1000, new long[] {300, 300, 300})).containsExactly(334, 333, 333);
        assertThat(Rounding.split(0, new long[] {0, 0})).containsExactly(0, 0);
        assertThat(Rounding.split(150, new long[] {300, 0, 450})).containsExactly(60, 0, 90);
    }

    @Property(tries = 2000)
    void partsAddUpAndStayWithinAFenOfTheirShare(
            @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 1_000_000) Long> weightList,
            @ForAll @LongRange(min = 0, max = 1_000_000) long total) {
        long[] weights = weightList.stream().mapToLong(Long::longValue).toArray();
        long sum = 0;
        for (long w : weights) {
            sum += w;
        }
        if (sum == 0) {
            return;
        }
        long capped = Math.min(total, sum);
        long[] parts = Rounding.split(capped, weights);

        long given = 0;
        for (int i = 0; i < parts.length; i++) {
            given += parts[i];
            double exact = (double) capped * weights[i] / sum;
            assertThat((double) parts[i]).isBetween(Math.floor(exact) - 1e-6, Math.ceil(exact) + 1e-6);
            assertThat(parts[i]).isLessThanOrEqualTo(weights[i]);
        }
        assertThat(given).isEqualTo(capped);
    }
}
