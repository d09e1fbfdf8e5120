package io.dealflow.analytics.report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class DaySplitTest {

    @Test
    void wholeDaysComeFromTheCountsAndThePartialEndsFromTheVisits() {
        DaySplit split = DaySplit.of(at("2031-01-01T09:30:00Z"), at("2031-01-04T18:00:00Z"));

        assertThat(split.firstDay()).isEqualTo(LocalDate.parse("2031-01-02"));
        assertThat(split.endDay()).isEqualTo(LocalDate.parse("2031-01-04"));
        assertThat(split.headFrom()).isEqualTo(at("2031-01-01T09:30:00Z"));
        assertThat(split.headTo()).isEqualTo(at("2031-01-02T00:00:00Z"));
        assertThat(split.tailFrom()).isEqualTo(at("2031-01-04T00:00:00Z"));
        assertThat(split.tailTo()).isEqualTo(at("2031-01-04T18:00:00Z"));
    }

    @Test
    void aPeriodOfWholeDaysHasEmptyEnds() {
        DaySplit split = DaySplit.of(at("2031-01-01T00:00:00Z"), at("2031-01-03T00:00:00Z"));

        assertThat(split.firstDay()).isEqualTo(LocalDate.parse("2031-01-01"));
        assertThat(split.endDay()).isEqualTo(LocalDate.parse("2031-01-03"));
        assertThat(split.headFrom()).isEqualTo(split.headTo());
        assertThat(split.tailFrom()).isEqualTo(split.tailTo());
    }

    @Test
    void aPeriodWithinOneDayIsReadFromTheVisitsAlone() {
        DaySplit split = DaySplit.of(at("2031-01-01T08:00:00Z"), at("2031-01-01T20:00:00Z"));

        assertThat(split.firstDay()).isEqualTo(split.endDay());
        assertThat(split.headFrom()).isEqualTo(at("2031-01-01T08:00:00Z"));
        assertThat(split.headTo()).isEqualTo(at("2031-01-01T20:00:00Z"));
        assertThat(split.tailFrom()).isEqualTo(split.tailTo());
    }

    @Test
    void aPeriodEndingJustAfterMidnightOfTheNextDayHasNoWholeDay() {
        DaySplit split = DaySplit.of(at("2031-01-01T08:00:00Z"), at("2031-01-02T01:00:00Z"));

        assertThat(split.firstDay()).isEqualTo(split.endDay());
        assertThat(split.headFrom()).isEqualTo(at("2031-01-01T08:00:00Z"));
        assertThat(split.headTo()).isEqualTo(at("2031-01-02T01:00:00Z"));
    }

    @Test
    void otherOffsetsAreReadInUtc() {
        DaySplit split = DaySplit.of(at("2031-01-02T00:00:00+02:00"), at("2031-01-05T00:00:00+02:00"));

        assertThat(split.firstDay()).isEqualTo(LocalDate.parse("2031-01-02"));
        assertThat(split.headTo()).isEqualTo(at("2031-01-02T00:00:00Z"));
        assertThat(split.endDay()).isEqualTo(LocalDate.parse("2031-01-04"));
        assertThat(split.tailFrom()).isEqualTo(at("2031-01-04T00:00:00Z"));
    }

    private static OffsetDateTime at(String text) {
        return OffsetDateTime.parse(text);
    }
}
