package io.dealflow.platform.jdbc;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlArraysTest {

    @Test
    void instantsAreKeptToTheMicrosecondRoundedHalfUpAsTheDriverSendsThem() {
        assertThat(SqlArrays.micros(Instant.parse("2030-01-01T00:00:00.123456499Z")))
                .isEqualTo(Instant.parse("2030-01-01T00:00:00.123456Z"));
        assertThat(SqlArrays.micros(Instant.parse("2030-01-01T00:00:00.123456500Z")))
                .isEqualTo(Instant.parse("2030-01-01T00:00:00.123457Z"));
        assertThat(SqlArrays.micros(Instant.parse("2030-01-01T23:59:59.999999900Z")))
                .isEqualTo(Instant.parse("2030-01-02T00:00:00Z"));
        assertThat(SqlArrays.micros(null)).isNull();
    }

    @Test
    void timesTravelAsIsoTextWithTheirZoneAndNullsStayNull() {
        List<Instant> times = java.util.Arrays.asList(Instant.parse("2030-01-01T10:00:00.000001Z"), null);

        assertThat(SqlArrays.times(times, time -> time).values())
                .containsExactly("2030-01-01T10:00:00.000001Z", null);
    }
}
