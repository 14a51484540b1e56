package org.tongpos.app.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpos.app.reports.domain.ReportRow;

class TrendPointsTest {

    @Test
    void upToTwoMonthsEachDayIsAPoint() {
        TrendPoints trend = TrendPoints.of(days(LocalDate.parse("2026-10-01"), TrendPoints.MAX_DAYS));

        assertThat(trend.weekly()).isFalse();
        assertThat(trend.points()).hasSize(TrendPoints.MAX_DAYS);
        assertThat(trend.points().get(0)).isEqualTo(new TrendPoints.Point("10-01",
                LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-01"), 1_000 - 10));
    }

    @Test
    void aLongerRangeIsSummedByMondayToSundayWeeksCutAtItsEnds() {
        // 2026-01-01 is a Thursday; 70 days run to Thursday 2026-03-11
        List<ReportRow> rows = days(LocalDate.parse("2026-01-01"), 70);
        TrendPoints trend = TrendPoints.of(rows);

        assertThat(trend.weekly()).isTrue();
        assertThat(trend.points()).hasSize(11);
        assertThat(trend.points().get(0)).isEqualTo(new TrendPoints.Point("01-01",
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-04"), 4 * 990 + 1 + 2 + 3));
        assertThat(trend.points().get(1).first()).isEqualTo(LocalDate.parse("2026-01-05"));
        assertThat(trend.points().get(1).last()).isEqualTo(LocalDate.parse("2026-01-11"));
        assertThat(trend.points().get(10).last()).isEqualTo(LocalDate.parse("2026-03-11"));
        assertThat(trend.points().stream().mapToLong(TrendPoints.Point::netFen).sum())
                .isEqualTo(rows.stream().mapToLong(ReportRow::netFen).sum());
    }

    /** Consecutive days; day i sells 1,000 + i fen and refunds 10 fen. */
    private static List<ReportRow> days(LocalDate first, int count) {
        List<ReportRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new ReportRow(first.plusDays(i).toString(), 1, 1, 1_000 + i, 0, 0, 1, 10));
        }
        return rows;
    }
}
