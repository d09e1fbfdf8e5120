package io.dealflow.analytics.report;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A period [{@code from}, {@code to}) as the additive reports read it: the whole UTC days inside it from the day
 * counts ([{@code firstDay}, {@code endDay})), and the partial days at either end (the head [{@code headFrom},
 * {@code headTo}) and the tail [{@code tailFrom}, {@code tailTo}), either possibly empty) from the visits. A period
 * within one day is all head.
 */
public record DaySplit(LocalDate firstDay, LocalDate endDay, OffsetDateTime headFrom, OffsetDateTime headTo,
                       OffsetDateTime tailFrom, OffsetDateTime tailTo) {

    public static DaySplit of(OffsetDateTime from, OffsetDateTime to) {
        OffsetDateTime start = from.withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime end = to.withOffsetSameInstant(ZoneOffset.UTC);
        LocalDate firstDay = start.toLocalTime().equals(LocalTime.MIDNIGHT) ? start.toLocalDate()
                : start.toLocalDate().plusDays(1);
        LocalDate endDay = end.toLocalDate();
        if (!firstDay.isBefore(endDay)) {
            return new DaySplit(firstDay, firstDay, start, end, end, end);
        }
        return new DaySplit(firstDay, endDay, start, startOf(firstDay), startOf(endDay), end);
    }

    public static DaySplit of(ReportFilter filter) {
        return of(filter.fromBound(), filter.toBound());
    }

    public static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
