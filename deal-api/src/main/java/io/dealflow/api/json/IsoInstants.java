package io.dealflow.api.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads ISO-8601 instants as {@link Instant#toString()} writes them ({@code 2030-01-15T09:00:00Z},
 * {@code 2030-01-15T09:00:00.123456Z}) without java.time's formatter machinery, and everything else through
 * {@link Instant#parse}, so what is accepted and what it means do not change.
 *
 * <p>Why: every published event carries an instant or two, and {@link Instant#parse} (a resolving
 * {@code DateTimeFormatter}) was a fifth of analytics-service's consumer CPU in a profile of the bench's scale
 * scenario (JFR, 2026-12-03; docs/performance.md). The form every Dealflow producer writes is read here by its
 * digits; offsets, lower-case letters, years past 9999, leap seconds and anything malformed take the general path,
 * which also gives the usual {@code DateTimeParseException}.
 */
public final class IsoInstants {

    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
            10, 1};

    private IsoInstants() {
    }

    public static Instant parse(CharSequence text) {
        Instant common = parseCommonForm(text);
        return common != null ? common : Instant.parse(text);
    }

    /**
     * @return the instant of {@code uuuu-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null for any other text, which the caller
     * reads its own way (a CSV column also takes offsets and dates alone)
     */
    public static Instant parseCommonForm(CharSequence text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1) {
                return null;
            }
            int fraction = digits(text, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * NANOS_PER_DIGIT[fractionDigits - 1];
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code text[from, from + count)}, or -1 if any of it is not an ASCII digit. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
