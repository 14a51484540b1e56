package org.tongpos.app.promotions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

    private static TimeWindow window(LocalDate from, LocalDate to, Set<DayOfWeek> days, LocalTime start,
                                     LocalTime end) {
        return new TimeWindow(Optional.ofNullable(from), Optional.ofNullable(to), days, Optional.ofNullable(start),
                Optional.ofNullable(end));
    }

    @Test
    void weekdaysOnlyFromMondayToFriday() {
        TimeWindow workdays = window(null, null, TimeWindow.parseWeekdays("1-5"), null, null);

        assertThat(workdays.contains(LocalDateTime.of(2026, 11, 30, 12, 0))).as("Monday").isTrue();
        assertThat(workdays.contains(LocalDateTime.of(2026, 12, 5, 12, 0))).as("Saturday").isFalse();
    }

    @Test
    void hoursIncludeTheStartExcludeTheEndAndMayRunOverMidnight() {
        TimeWindow morning = window(null, null, Set.of(), LocalTime.of(7, 0), LocalTime.of(9, 0));
        assertThat(morning.contains(LocalDateTime.of(2026, 11, 30, 7, 0))).isTrue();
        assertThat(morning.contains(LocalDateTime.of(2026, 11, 30, 9, 0))).isFalse();

        TimeWindow night = window(null, null, Set.of(), LocalTime.of(21, 0), LocalTime.of(2, 0));
        assertThat(night.contains(LocalDateTime.of(2026, 11, 30, 23, 30))).isTrue();
        assertThat(night.contains(LocalDateTime.of(2026, 12, 1, 1, 59))).isTrue();
        assertThat(night.contains(LocalDateTime.of(2026, 12, 1, 12, 0))).isFalse();
    }

    @Test
    void theDateRangeIncludesBothEnds() {
        TimeWindow december = window(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), Set.of(), null, null);

        assertThat(december.contains(LocalDateTime.of(2026, 12, 1, 0, 0))).isTrue();
        assertThat(december.contains(LocalDateTime.of(2026, 12, 31, 23, 59))).isTrue();
        assertThat(december.contains(LocalDateTime.of(2027, 1, 1, 0, 0))).isFalse();
        assertThat(december.endedBefore(LocalDate.of(2027, 1, 1))).isTrue();
    }

    @Test
    void weekdayListsTakeRangesAndSingleDays() {
        assertThat(TimeWindow.parseWeekdays("1;3-5")).containsExactlyInAnyOrder(DayOfWeek.MONDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(TimeWindow.parseWeekdays("")).isEmpty();
        assertThatThrownBy(() -> TimeWindow.parseWeekdays("周一")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeWindow.parseWeekdays("5-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPromotionOutsideItsWindowDoesNotApply() {
        Promotion happyHour = Promotion.builder("HH", "晚市啤酒八折", PromotionKind.PERCENT_OFF).categories("饮料")
                .percent(20).hours(LocalTime.of(18, 0), LocalTime.of(21, 0)).build();
        PromotionBook book = PromotionBook.of(java.util.List.of(happyHour));

        assertThat(book.price(Goods.cart(Goods.COLA, 1), PricingContext.at(Goods.MONDAY_NOON)).discounts()).isEmpty();
        assertThat(book.price(Goods.cart(Goods.COLA, 1), PricingContext.at(LocalDateTime.of(2026, 11, 30, 19, 0)))
                .discounts()).hasSize(1);
    }
}
