package io.dealflow.task.overdue;

import io.dealflow.api.pipeline.LossReason;
import io.dealflow.dealclient.DealServiceClient;
import io.dealflow.platform.pipelines.PipelineCatalog;
import io.dealflow.task.task.TaskActors;
import io.dealflow.task.task.Task;
import io.dealflow.task.task.TaskLifecycle;
import io.dealflow.task.task.TaskStore;
import io.dealflow.task.task.TaskStore.PipelineVersion;
import io.dealflow.task.task.TaskStore.StaleCutoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * R5: no overdue task left unseen. Each scan marks the tasks that passed their due time (once per due time),
 * publishes {@code TaskOverdue}, escalates follow-ups to the department head, and asks deal-service to close as
 * {@code LOST}/{@code stale} the deals whose follow-up stayed overdue longer than their pipeline's staleAfter.
 */
@Component
public class OverdueScanner {

    static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(OverdueScanner.class);

    private final TaskStore tasks;
    private final TaskLifecycle lifecycle;
    private final Escalations escalations;
    private final DealServiceClient dealService;
    private final TransactionTemplate transaction;
    private final TaskProperties properties;
    private final PipelineCatalog pipelines;
    private final Clock clock;

    OverdueScanner(TaskStore tasks, TaskLifecycle lifecycle, Escalations escalations, DealServiceClient dealService,
                   TransactionTemplate transaction, TaskProperties properties, PipelineCatalog pipelines,
                   Clock clock) {
        this.tasks = tasks;
        this.pipelines = pipelines;
        this.lifecycle = lifecycle;
        this.escalations = escalations;
        this.dealService = dealService;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dealflow.tasks.overdue.scan-interval:PT30S}",
            initialDelayString = "${dealflow.tasks.overdue.scan-interval:PT30S}")
    void onSchedule() {
        if (properties.overdue().enabled()) {
            scan();
        }
    }

    public ScanResult scan() {
        Instant now = clock.instant();
        int overdue = 0;
        int marked;
        do {
            marked = transaction.execute(status -> markBatch(now));
            overdue += marked;
        } while (marked == BATCH);
        return new ScanResult(overdue, closeStaleDeals(now));
    }

    /** Marking, publishing and escalating one task happen in one transaction: all of it, or none and next scan. */
    private int markBatch(Instant now) {
        List<Task> marked = tasks.markOverdue(now, BATCH);
        for (Task task : marked) {
            lifecycle.overdue(task, now, TaskActors.SYSTEM);
            escalations.escalate(task, now);
        }
        return marked.size();
    }

    /** Outside any transaction: a slow deal-service must not hold locks on tasks. */
    private int closeStaleDeals(Instant now) {
        int requested = 0;
        for (Task task : tasks.overdueFollowUpsDueBefore(staleCutoffs(now), BATCH)) {
            // the key is the task's, so a repeat after a lost answer can never close the deal with another comment
            StaleCloseOutcome outcome = StaleCloseOutcome.of(dealService.markLost(task.dealId(), LossReason.STALE,
                    "Follow-up task '" + task.title() + "' of " + task.assigneeId() + " has been overdue since "
                            + task.dueAt() + ", longer than the pipeline allows.",
                    "task-service:stale:" + task.taskId()));
            if (outcome.kind() == StaleCloseOutcome.Kind.REFUSED) {
                log.error("deal-service refused to close stale deal {} (task {}): {}", task.dealId(), task.taskId(),
                        outcome.refusal());
            }
            if (outcome.settled()) {
                transaction.executeWithoutResult(status -> tasks.markStaleCloseRequested(task.taskId(), now));
                requested++;
            }
        }
        return requested;
    }

    /** {@link StalePolicy}'s cutoff for each pipeline version that has overdue follow-ups and closes stale deals. */
    private List<StaleCutoff> staleCutoffs(Instant now) {
        List<StaleCutoff> cutoffs = new ArrayList<>();
        for (PipelineVersion version : tasks.pipelinesWithOverdueFollowUps()) {
            pipelines.find(version.pipelineId(), version.version())
                    .flatMap(pipeline -> StalePolicy.dueBefore(pipeline, now))
                    .ifPresent(dueBefore -> cutoffs.add(new StaleCutoff(version, dueBefore)));
        }
        return cutoffs;
    }

    /** @param staleDealsClosed deals asked to close as stale in this scan */
    public record ScanResult(int tasksMarkedOverdue, int staleDealsClosed) {
    }
}
