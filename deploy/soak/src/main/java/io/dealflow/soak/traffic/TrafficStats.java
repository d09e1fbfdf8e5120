package io.dealflow.soak.traffic;

import java.util.concurrent.atomic.AtomicInteger;

/** What the traffic could not do that is not a command: a task or a handoff that did not show up in time. */
public final class TrafficStats {

    final AtomicInteger deals = new AtomicInteger();
    final AtomicInteger tasksNotSeen = new AtomicInteger();
    final AtomicInteger handoffsNotSeen = new AtomicInteger();

    public int deals() {
        return deals.get();
    }

    public int tasksNotSeen() {
        return tasksNotSeen.get();
    }

    public int handoffsNotSeen() {
        return handoffsNotSeen.get();
    }
}
