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
     * A poll's events in one transaction (one commit instead of one per event), each new one applied in delivery
     * order to what the ones before it left (see {@link FollowUpWork}).
     *
     * @return the events that were new
     */
    public List<PublishedEvent<DealEvent>> onBatch(List<PublishedEvent<DealEvent>> batch) {
        return consumer.applyNewer(CONSUMER, batch, published -> published.event().dealId(), PublishedEvent::sequence,
                fresh -> {
                    FollowUpWork work = FollowUpWork.start(
                            fresh.stream().map(published -> published.event().dealId()).distinct().toList(), deals,
                            tasks, lifecycle);
                    fresh.forEach(published -> apply(work, published));
                    settleImported(work, fresh);
                    work.write(deals);
                });
    }

    private void apply(FollowUpWork work, PublishedEvent<DealEvent> published) {
        DealEvent event = published.event();
        Instant at = published.occurredAt();
        if (published.imported()) {
            track(work, published);
            return;
        }
        if (event instanceof DealOpened opened) {
            PipelineDefined pipeline = pipelines.require(opened.pipelineId(), opened.pipelineVersion());
            work.opened(TrackedDeal.opened(opened), at);
            openStageTask(work, pipeline, opened.dealId(), opened.stageId(), opened.managerId(), at,
                    published.eventId());
            return;
        }
        TrackedDeal deal = seenOpened(work, published);
        if (deal == null) {
            return;
        }
        if (event instanceof DealStageChanged changed) {
            PipelineDefined pipeline = pipelines.require(changed.pipelineId(), changed.pipelineVersion());
            for (Task task : work.openTasksOf(deal.dealId())) {
                if (task.kind() == TaskKind.STAGE) {
                    work.cancel(task, CancelCause.SUPERSEDED, at, TaskActors.SYSTEM, published.eventId());
                }
            }
            work.update(deal.after(changed), at);
            openStageTask(work, pipeline, deal.dealId(), changed.toStageId(), deal.managerId(), at,
                    published.eventId());
        } else if (event instanceof DealManagerReassigned reassigned) {
            for (Task task : work.openTasksOf(deal.dealId())) {
                if (task.isFollowUp() && task.assigneeId().equals(reassigned.fromManagerId())) {
                    work.cancel(task, CancelCause.REASSIGNED, at, TaskActors.SYSTEM, published.eventId());
                    work.open(new TaskDraft(task.dealId(), task.pipelineId(), task.stageId(), task.kind(),
                            task.title(), reassigned.toManagerId(), task.dueAt()), at, TaskActors.SYSTEM,
                            published.eventId());
                }
            }
            work.update(deal.after(reassigned), at);
        } else if (event instanceof DealWon || event instanceof DealLost) {
            for (Task task : work.openTasksOf(deal.dealId())) {
                work.cancel(task, CancelCause.DEAL_CLOSED, at, TaskActors.SYSTEM, published.eventId());
            }
            work.update(deal.after(event), at);
        } else {
            work.update(deal.after(event), at);
        }
    }

    /** The deal of an event after its opening; null (and a warning) when its opening was never seen. */
    private static TrackedDeal seenOpened(FollowUpWork work, PublishedEvent<DealEvent> published) {
        DealEvent event = published.event();
        TrackedDeal deal = work.deal(event.dealId()).orElse(null);
        if (deal == null) {
            log.warn("{}{} for deal {} which task-service never saw opened; skipped",
                    published.imported() ? "Imported " : "", event.eventType(), event.dealId());
        }
        return deal;
    }

    /** An imported event changes what task-service knows of the deal and opens or closes no task by itself. */
    private static void track(FollowUpWork work, PublishedEvent<DealEvent> published) {
        DealEvent event = published.event();
        Instant at = published.occurredAt();
        if (event instanceof DealOpened opened) {
            work.opened(TrackedDeal.opened(opened), at);
            return;
        }
        TrackedDeal deal = seenOpened(work, published);
        if (deal == null) {
            return;
        }
        work.update(deal.after(event), at);
    }

    /**
     * Each imported deal whose history ended in these events has its tasks settled against its state (see
     * {@link ImportedDealDuties}); the stage's task is due {@code dueIn} after now, when task-service learnt of the
     * deal, not after the long-past moment the deal entered the stage.
     */
    private void settleImported(FollowUpWork work, List<PublishedEvent<DealEvent>> applied) {
        Instant now = clock.instant();
        ImportedDealDuties.historiesEndedIn(applied).forEach((dealId, causationId) -> work.deal(dealId)
                .ifPresent(deal -> {
                    ImportedDealDuties.Settlement settlement = ImportedDealDuties.settle(deal,
                            work.openTasksOf(dealId));
                    CancelCause cause = deal.open() ? CancelCause.SUPERSEDED : CancelCause.DEAL_CLOSED;
                    for (Task task : settlement.toCancel()) {
                        work.cancel(task, cause, now, TaskActors.SYSTEM, causationId);
                    }
                    if (settlement.openStage()) {
                        openStageTask(work, pipelines.require(deal.pipelineId(), deal.pipelineVersion()), dealId,
                                deal.stageId(), deal.managerId(), now, causationId);
                    }
                }));
    }

    /** Due from the moment the deal entered the stage, so a late or replayed event yields the same due time. */
    private static void openStageTask(FollowUpWork work, PipelineDefined pipeline, String dealId, String stageId,
                                      String managerId, Instant enteredAt, String causationId) {
        TaskTemplate template = PipelineCatalog.stage(pipeline, stageId).task();
        work.open(new TaskDraft(dealId, pipeline.pipelineId(), stageId, TaskKind.STAGE, template.title(),
                managerId, enteredAt.plus(template.dueIn())), enteredAt, TaskActors.SYSTEM, causationId);
    }
}
