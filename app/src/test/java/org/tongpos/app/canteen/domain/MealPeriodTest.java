package org.tongpos.app.canteen.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MealPeriodTest {

    @Test
    void windowsParseWithAMidnightEndAndRefuseNonsense() {
        assertThat(MealPeriod.parseWindow("7:00-9:30")).containsExactly(420, 570);
        assertThat(MealPeriod.parseWindow("00:00-24:00")).containsExactly(0, 1440);
        for (String bad : new String[] {"12:00-11:00", "11:00-11:00", "24:00-24:00", "11:60-12:00", "25:00-26:00",
            "11-12", "11:00–12:00"}) {
            assertThatThrownBy(() -> MealPeriod.parseWindow(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aPeriodCoversItsStartButNotItsEndOnItsWeekdays() {
        MealPeriod lunch = new MealPeriod("午餐", 660, 810, MealPeriod.parseDays("12345"), OptionalInt.empty());
        assertThat(lunch.covers(LocalTime.of(11, 0))).isTrue();
        assertThat(lunch.covers(LocalTime.of(13, 29, 59))).isTrue();
        assertThat(lunch.covers(LocalTime.of(13, 30))).isFalse();
        assertThat(lunch.servedOn(DayOfWeek.FRIDAY)).isTrue();
        assertThat(lunch.servedOn(DayOfWeek.SATURDAY)).isFalse();
        assertThat(lunch.window()).isEqualTo("11:00-13:30");
        assertThat(lunch.daysText()).isEqualTo("12345");
    }

    @Test
    void periodsOverlapOnlyWhenTheyShareAMinuteOnASharedWeekday() {
        MealPeriod lunch = new MealPeriod("午餐", 660, 810, MealPeriod.parseDays("12345"), OptionalInt.empty());
        assertThat(lunch.overlaps(new MealPeriod("加餐", 800, 900, MealPeriod.parseDays("5"), OptionalInt.empty())))
                .isTrue();
        assertThat(lunch.overlaps(new MealPeriod("周末", 700, 900, MealPeriod.parseDays("67"), OptionalInt.empty())))
                .isFalse();
        assertThat(lunch.overlaps(new MealPeriod("下午茶", 810, 900, MealPeriod.parseDays("12345"),
                OptionalInt.empty()))).isFalse();
    }

    @Test
    void weekdaysAreDigitsOneToSeven() {
        assertThat(MealPeriod.parseDays("67")).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThatThrownBy(() -> MealPeriod.parseDays("08")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MealPeriod.parseDays("")).isInstanceOf(IllegalArgumentException.class);
    }
}
