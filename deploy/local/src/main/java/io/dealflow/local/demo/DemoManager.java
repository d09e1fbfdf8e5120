package io.dealflow.local.demo;

import java.util.List;

/** A sales manager of the demo and the way they work. */
record DemoManager(String id, Habit habit) {

    /** One manager per habit: the managers dashboard then shows one clear profile per row. */
    static final List<DemoManager> SALES_TEAM = List.of(
            new DemoManager("olena", Habit.DILIGENT),
            new DemoManager("taras", Habit.SKIPPER),
            new DemoManager("iryna", Habit.FINANCE_LOSER),
            new DemoManager("bohdan", Habit.CATCH_UP),
            new DemoManager("mykola", Habit.RESCHEDULER),
            new DemoManager("stepan", Habit.LETS_TASKS_LAPSE));
}
