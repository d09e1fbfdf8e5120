package io.dealflow.bench.results;

/**
 * One line of the results table.
 *
 * @param connections the concurrency it was measured at, or null where that does not apply
 * @param value       null when the scenario did not run
 * @param target      docs/performance.md's target for it, or "—"
 * @param met         whether the target was met; null when there is none or nothing was measured
 * @param baseline    the raw figure it is compared with (name and value), or why there is none
 * @param ratio       value / baseline value
 * @param samples     how many operations the figure rests on
 * @param errors      failed operations (non-2xx, timeouts, samples never seen)
 */
public record Figure(String scenario, String name, Integer connections, Double value, String unit, String target,
                     Boolean met, String baseline, Double ratio, long samples, long errors, String note) {

    /** The same figure with {@code more} added to its note (null adds nothing). */
    public Figure withNote(String more) {
        if (more == null || more.isBlank()) {
            return this;
        }
        String merged = note == null ? more : note + "; " + more;
        return new Figure(scenario, name, connections, value, unit, target, met, baseline, ratio, samples, errors,
                merged);
    }

    public static Figure skipped(String scenario, String why) {
        return new Figure(scenario, "—", null, null, "", "—", null, "—", null, 0, 0, why);
    }
}
