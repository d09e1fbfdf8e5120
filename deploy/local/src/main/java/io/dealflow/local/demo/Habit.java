package io.dealflow.local.demo;

/**
 * How a demo manager works a sales deal. Each habit leaves its own trace in the metrics and the analytics
 * reports, so every dashboard panel and data-quality column has something to show.
 */
enum Habit {
    /** Walks every stage, completes each follow-up task naming the next one, wins most deals. */
    DILIGENT,
    /** Tries to jump stages in STRICT sales (refused, 422), then walks them; loses some to silence. */
    SKIPPER,
    /** Loses most deals at the finance and legal check. */
    FINANCE_LOSER,
    /** Leaves deals idle, then drags them through several stages within seconds: catch-up moves (R9). */
    CATCH_UP,
    /** Reschedules follow-up tasks again and again before acting, sometimes moves a deal back a stage. */
    RESCHEDULER,
    /** Adds follow-up tasks due in seconds and never completes them: overdue tasks and escalations. */
    LETS_TASKS_LAPSE
}
