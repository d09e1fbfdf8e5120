package io.dealflow.task.deal;

import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.api.task.TaskKind;
import io.dealflow.task.task.Task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R4 for a deal whose history was imported from another CRM (DESIGN §7). Its events happened long ago, so they open
 * no task one by one (every stage a deal passed years ago would get a task overdue by years, escalated and closed as
 * stale at once). Instead, once the last event of its history is applied ({@code importEnd}), the deal's duties are
 * settled against its state as of then: a still-open deal has exactly one automatic task, for the stage it is in,
 * due from the moment task-service learnt of it; a closed deal has none. Not before: a history split across two
 * polls would otherwise get a task for a stage it had long left, cancelled a poll later.
 */
public final class ImportedDealDuties {

    private ImportedDealDuties() {
    }

    /**
     * @param toCancel  open tasks the deal no longer has use for
     * @param openStage whether the deal's current stage's task must be opened
     */
    public record Settlement(List<Task> toCancel, boolean openStage) {
    }

    /** The deals whose imported history ends among these applied events, each with the event that ends it. */
    public static Map<String, String> historiesEndedIn(List<PublishedEvent<DealEvent>> applied) {
        Map<String, String> endingEvent = new LinkedHashMap<>();
        for (PublishedEvent<DealEvent> published : applied) {
            if (published.importEnd()) {
                endingEvent.put(published.event().dealId(), published.eventId());
            }
        }
        return endingEvent;
    }

    public static Settlement settle(TrackedDeal deal, List<Task> openTasks) {
        if (!deal.open()) {
            return new Settlement(openTasks, false);
        }
        List<Task> stageTasks = openTasks.stream().filter(task -> task.kind() == TaskKind.STAGE).toList();
        boolean current = stageTasks.stream().anyMatch(task -> deal.stageId().equals(task.stageId()));
        List<Task> superseded = stageTasks.stream().filter(task -> !deal.stageId().equals(task.stageId())).toList();
        return new Settlement(superseded, !current);
    }
}
