package io.dealflow.task.deal;

import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealLost;
import io.dealflow.api.deal.DealManagerReassigned;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.deal.DealWon;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.api.pipeline.TaskTemplate;
import io.dealflow.api.task.CancelCause;
import io.dealflow.api.task.TaskKind;
import io.dealflow.platform.consumer.IdempotentConsumer;
import io.dealflow.platform.pipelines.PipelineCatalog;
import io.dealflow.task.task.Task;
import io.dealflow.task.task.TaskActors;
import io.dealflow.task.task.TaskLifecycle;
import io.dealflow.task.task.TaskLifecycle.TaskDraft;
import io.dealflow.task.task.TaskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * R4 driven by deal events: entering a stage opens that stage's follow-up task for the deal's manager and closes
 * the previous stage's automatic task as superseded; a new manager takes over the open tasks; a won or lost deal
 * needs no tasks. Each event is applied once (last applied sequence per deal, in the same transaction).
 */
@Component
public class DealFollowUps {

    static final String CONSUMER = "task-service";
    private static final Logger log = LoggerFactory.getLogger(DealFollowUps.class);

    private final IdempotentConsumer consumer;
    private final TrackedDeals deals;
    private final TaskStore tasks;
    private final TaskLifecycle lifecycle;
    private final PipelineCatalog pipelines;
    private final Clock clock;

    public DealFollowUps(IdempotentConsumer consumer, TrackedDeals deals, TaskStore tasks, TaskLifecycle lifecycle,
                         PipelineCatalog pipelines, Clock clock) {
        this.consumer = consumer;
        this.deals = deals;
        this.tasks = tasks;
        this.lifecycle = lifecycle;
        this.pipelines = pipelines;
        this.clock = clock;
    }

    /**
     * A poll's events in one transaction (one commit instead of one per event), each new one applied as
     * {@link #on} would, in delivery order.
     *
     * @return the events that were new
     */
    public List<PublishedEvent<DealEvent>> onBatch(List<PublishedEvent<DealEvent>> batch) {
        return consumer.applyNewer(CONSUMER, batch, published -> published.event().dealId(), PublishedEvent::sequence,
                fresh -> {
                    fresh.forEach(this::apply);
                    settleImported(fresh);
                });
    }

    /** @return whether the event was new (false for a redelivery or an older event) */
    public boolean on(PublishedEvent<DealEvent> published) {
        DealEvent event = published.event();
        return consumer.applyIfNewer(CONSUMER, event.dealId(), published.sequence(), () -> {
            apply(published);
            settleImported(List.of(published));
        });
    }

    private void apply(PublishedEvent<DealEvent> published) {
        DealEvent event = published.event();
        Instant at = published.occurredAt();
        if (published.imported()) {
            track(published);
            return;
        }
        if (event instanceof DealOpened opened) {
            PipelineDefined pipeline = pipelines.require(opened.pipelineId(), opened.pipelineVersion());
            trackOpened(opened, at);
            openStageTask(pipeline, opened.dealId(), opened.stageId(), opened.managerId(), at, published.eventId());
            return;
        }
        TrackedDeal deal = seenOpened(published);
        if (deal == null) {
            return;
        }
        if (event instanceof DealStageChanged changed) {
            PipelineDefined pipeline = pipelines.require(changed.pipelineId(), changed.pipelineVersion());
            for (Task task : tasks.openTasksOfDeal(deal.dealId())) {
                if (task.kind() == TaskKind.STAGE) {
                    lifecycle.cancel(task, CancelCause.SUPERSEDED, at, TaskActors.SYSTEM, published.eventId());
                }
            }
            deals.update(deal.after(changed), at);
            openStageTask(pipeline, deal.dealId(), changed.toStageId(), deal.managerId(), at, published.eventId());
        } else if (event instanceof DealManagerReassigned reassigned) {
            for (Task task : tasks.openTasksOfDeal(deal.dealId())) {
                if (task.isFollowUp() && task.assigneeId().equals(reassigned.fromManagerId())) {
                    lifecycle.cancel(task, CancelCause.REASSIGNED, at, TaskActors.SYSTEM, published.eventId());
                    lifecycle.open(new TaskDraft(task.dealId(), task.pipelineId(), task.stageId(), task.kind(),
                            task.title(), reassigned.toManagerId(), task.dueAt()), at, TaskActors.SYSTEM, published.eventId());
                }
            }
            deals.update(deal.after(reassigned), at);
        } else if (event instanceof DealWon || event instanceof DealLost) {
            for (Task task : tasks.openTasksOfDeal(deal.dealId())) {
                lifecycle.cancel(task, CancelCause.DEAL_CLOSED, at, TaskActors.SYSTEM, published.eventId());
            }
            deals.update(deal.after(event), at);
        } else {
            deals.update(deal.after(event), at);
        }
    }

    private void trackOpened(DealOpened opened, Instant at) {
        deals.opened(TrackedDeal.opened(opened), at);
    }

    /** The deal of an event after its opening, locked; null (and a warning) when its opening was never seen. */
    private TrackedDeal seenOpened(PublishedEvent<DealEvent> published) {
        DealEvent event = published.event();
        TrackedDeal deal = deals.lock(event.dealId()).orElse(null);
        if (deal == null) {
            log.warn("{}{} for deal {} which task-service never saw opened; skipped",
                    published.imported() ? "Imported " : "", event.eventType(), event.dealId());
        }
        return deal;
    }

    /** An imported event changes what task-service knows of the deal and opens or closes no task by itself. */
    private void track(PublishedEvent<DealEvent> published) {
        DealEvent event = published.event();
        Instant at = published.occurredAt();
        if (event instanceof DealOpened opened) {
            trackOpened(opened, at);
            return;
        }
        TrackedDeal deal = seenOpened(published);
        if (deal == null) {
            return;
        }
        deals.update(deal.after(event), at);
    }

    /**
     * Each imported deal whose history ended in these events has its tasks settled against its state (see
     * {@link ImportedDealDuties}); the stage's task is due {@code dueIn} after now, when task-service learnt of the
     * deal, not after the long-past moment the deal entered the stage.
     */
    private void settleImported(List<PublishedEvent<DealEvent>> applied) {
        Instant now = clock.instant();
        ImportedDealDuties.historiesEndedIn(applied).forEach((dealId, causationId) -> deals.lock(dealId).ifPresent(deal -> {
            ImportedDealDuties.Settlement settlement = ImportedDealDuties.settle(deal,
                    tasks.openTasksOfDeal(dealId));
            CancelCause cause = deal.open() ? CancelCause.SUPERSEDED : CancelCause.DEAL_CLOSED;
            for (Task task : settlement.toCancel()) {
                lifecycle.cancel(task, cause, now, TaskActors.SYSTEM, causationId);
            }
            if (settlement.openStage()) {
                openStageTask(pipelines.require(deal.pipelineId(), deal.pipelineVersion()), dealId, deal.stageId(),
                        deal.managerId(), now, causationId);
            }
        }));
    }

    /** Due from the moment the deal entered the stage, so a late or replayed event yields the same due time. */
    private void openStageTask(PipelineDefined pipeline, String dealId, String stageId, String managerId,
                               Instant enteredAt, String causationId) {
        TaskTemplate template = PipelineCatalog.stage(pipeline, stageId).task();
        lifecycle.open(new TaskDraft(dealId, pipeline.pipelineId(), stageId, TaskKind.STAGE, template.title(),
                managerId, enteredAt.plus(template.dueIn())), enteredAt, TaskActors.SYSTEM, causationId);
    }
}
