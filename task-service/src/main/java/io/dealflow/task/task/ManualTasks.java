package io.dealflow.task.task;

import io.dealflow.platform.security.Actor;
import io.dealflow.task.deal.DealNotTrackedException;
import io.dealflow.task.deal.UnseenDeals;
import org.springframework.stereotype.Service;

import java.time.Instant;

/**
 * A person's manual task: opened in one transaction ({@link TaskCommands}); when the deal is one task-service has not
 * seen, deal-service is asked why after that transaction ended, never while it holds the deal's row.
 */
@Service
public class ManualTasks {

    private final TaskCommands commands;
    private final UnseenDeals unseenDeals;

    ManualTasks(TaskCommands commands, UnseenDeals unseenDeals) {
        this.commands = commands;
        this.unseenDeals = unseenDeals;
    }

    public Task open(String dealId, String title, Instant dueAt, String assigneeId, Actor actor) {
        try {
            return commands.openManual(dealId, title, dueAt, assigneeId, actor);
        } catch (DealNotTrackedException unseen) {
            throw unseenDeals.explain(unseen);
        }
    }
}
