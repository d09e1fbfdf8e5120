package io.dealflow.analytics.quality;

/**
 * How one manager keeps the CRM: stage skips, backward moves and catch-up moves (stage changes in a catch-up run,
 * R9) made inside the period; tasks that went overdue and reschedules inside the period; and open deals without
 * an open follow-up task now (R4).
 */
public record DataQualityRow(String pipelineId, String managerId, long skips, long backwardMoves,
                             long catchUpMoves, long dealsWithoutOpenTask, long overdueTasks, long reschedules) {
}
