package org.tongpos.app.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tongpos.app.kitchen.domain.StockLevel;

class StockLevelTest {

    @Test
    void theAverageCostOfAUnitIsWholeFenRoundedHalfUp() {
        assertThat(level(6_930, 33_000).averageFenPerUnit()).isEqualTo(210); // 33 bottles at 2.10
        assertThat(level(1_000, 3_000).averageFenPerUnit()).isEqualTo(333); // 333.33...
        assertThat(level(5, 2_000).averageFenPerUnit()).isEqualTo(3); // 2.5
        assertThat(level(1_050, 2_500).averageFenPerUnit()).isEqualTo(420); // 2.5 kg at 4.20
        assertThat(level(500, 0).averageFenPerUnit()).isZero();
        assertThat(level(500, -1_000).averageFenPerUnit()).isZero();
    }

    private static StockLevel level(long valueFen, long onHandMilli) {
        return new StockLevel("RICE", "东北大米", "kg", onHandMilli, valueFen, 0, 0, false, "");
    }
}
