package io.dealflow.api.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantsTest {

    /** The mapper as it was before the fast path: Jackson's own InstantDeserializer. */
    private static final JsonMapper JACKSON_ALONE = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS).build();

    @Test
    void reads_what_instant_to_string_writes_as_instant_parse_does() {
        SplittableRandom random = new SplittableRandom(20261203);
        long latest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        long earliest = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(earliest, latest + 1), nanos);
            String text = instant.toString();
            assertThat(IsoInstants.parseCommonForm(text)).as(text).isEqualTo(instant);
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    /** Each answered or refused exactly as {@link Instant#parse} answers or refuses it. */
    @ParameterizedTest
    @ValueSource(strings = {"2030-01-15T09:00:00Z", "2030-01-15T09:00:00.5Z", "2030-01-15T09:00:00.123456789Z",
            "2028-02-29T23:59:59Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            // the general path: other forms Instant.parse takes
            "2030-01-15t09:00:00z", "2030-01-15T09:00:00+01:00", "2030-01-15T23:59:60Z", "+12030-01-15T09:00:00Z",
            "-0001-01-15T09:00:00Z",
            // and what it refuses
            "2030-02-29T00:00:00Z", "2030-13-01T00:00:00Z", "2030-01-32T00:00:00Z", "2030-01-15T24:00:00Z",
            "2030-01-15T09:60:00Z", "2030-01-15T09:00:00.Z", "2030-01-15T09:00:00.1234567891Z",
            "2030-01-15T09:00Z", "2030-01-15 09:00:00Z", "2030-01-15T09:00:00", "2030-1-15T09:00:00Z",
            "2030-01-15T09:00:0xZ", "2030-01-15T09:00:00,5Z", "", "yesterday"})
    void answers_every_text_as_instant_parse_does(String text) {
        assertSameOutcome(text, IsoInstants::parse, Instant::parse);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2030-01-15T09:00:00Z\"", "\"2030-01-15T09:00:00.123Z\"",
            "\"2030-01-15T09:00:00+01:00\"", "\"2030-02-29T00:00:00Z\"", "\"\"", "\"soon\"", "1700000000",
            "1700000000.5", "null", "true"})
    void the_shared_mapper_reads_instants_as_jackson_alone_does(String json) {
        assertSameOutcome(json, text -> DealflowJson.mapper().readValue(text, Instant.class),
                text -> JACKSON_ALONE.readValue(text, Instant.class));
    }

    @Test
    void a_malformed_text_is_refused_with_java_times_own_exception() {
        assertThatThrownBy(() -> IsoInstants.parse("2030-02-30T00:00:00Z"))
                .isInstanceOf(DateTimeParseException.class);
    }

    private static void assertSameOutcome(String text, Function<String, Instant> fast,
                                          Function<String, Instant> general) {
        Instant expected;
        try {
            expected = general.apply(text);
        } catch (RuntimeException refused) {
            assertThatThrownBy(() -> fast.apply(text)).as(text).isInstanceOf(refused.getClass());
            return;
        }
        assertThat(fast.apply(text)).as(text).isEqualTo(expected);
    }
}
