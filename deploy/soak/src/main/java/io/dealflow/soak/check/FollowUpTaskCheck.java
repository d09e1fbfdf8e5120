package io.dealflow.soak.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dealflow.soak.ledger.CommandKind;
import io.dealflow.soak.ledger.LedgerEntry;
import io.dealflow.soak.ledger.Outcome;
import io.dealflow.soak.observe.DealEventRecord;

/**
 * task-service applied every deal event once (R4 through DESIGN §9):
 * <ul>
 *   <li>it opened exactly one stage task per stage entry (an opening or a move): one more is an event applied
 *       twice, one less an event never applied;</li>
 *   <li>every open deal has exactly one open stage task, in its current stage; the one exception is a deal whose
 *       current stage task the soak completed, which then has none, but the next task the completion named;</li>
 *   <li>every open deal has an open follow-up task, and a won or lost deal none.</li>
 * </ul>
 * A deal with a command of unknown outcome on it is held only to the count of stage tasks and to having a task. An
 * imported deal's history opens no task by itself: it has had exactly one stage task, open and in its current stage,
 * if it is still open, and none if not.
 */
public final class FollowUpTaskCheck {

    static final String NAME = "follow-up-tasks";

    public List<Finding> check(History history, List<LedgerEntry> ledger, List<TaskRow> tasks) {
        return check(history, ledger, tasks, Set.of());
    }

    /**
     * @param importedDeals deals whose history was imported: their events happened long ago and open no task by
     *                      themselves, so such a deal has had exactly one stage task, open and in its current
     *                      stage, if it is still open, and none if not
     */
    public List<Finding> check(History history, List<LedgerEntry> ledger, List<TaskRow> tasks,
                               Set<String> importedDeals) {
        Map<String, List<TaskRow>> tasksByDeal = new HashMap<>();
        tasks.forEach(task -> tasksByDeal.computeIfAbsent(task.dealId(), deal -> new ArrayList<>()).add(task));
        Map<String, List<LedgerEntry>> commandsByDeal = new HashMap<>();
        ledger.stream().filter(entry -> entry.dealId() != null)
                .forEach(entry -> commandsByDeal.computeIfAbsent(entry.dealId(), deal -> new ArrayList<>()).add(entry));
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, List<DealEventRecord>> deal : history.deals().entrySet()) {
            String dealId = deal.getKey();
            List<DealEventRecord> events = deal.getValue();
            List<TaskRow> dealTasks = tasksByDeal.getOrDefault(dealId, List.of());
            long entries = events.stream().filter(DealEventRecord::entersStage).count();
            long stageTasks = dealTasks.stream().filter(TaskRow::stageTask).count();
            // an imported deal's tasks are settled once, on its history's last event, however the polls split it
            boolean imported = importedDeals.contains(dealId);
            long expectedStageTasks = !imported ? entries
                    : events.isEmpty() || events.get(events.size() - 1).closes() ? 0 : 1;
            if (stageTasks != expectedStageTasks) {
                findings.add(new Finding(NAME, stageTasks > expectedStageTasks ? "duplicated" : "missing", dealId,
                        "task-service opened " + stageTasks + " stage tasks for " + entries + " stage entries"
                                + (imported ? " (imported: expected " + expectedStageTasks + ")" : "")));
            }
            List<TaskRow> openFollowUps = dealTasks.stream().filter(task -> task.open() && task.followUp()).toList();
            if (events.isEmpty()) {
                continue;
            }
            if (events.get(events.size() - 1).closes()) {
                if (!openFollowUps.isEmpty()) {
                    findings.add(new Finding(NAME, "differs", dealId, "closed, yet " + openFollowUps.size()
                            + " follow-up tasks are open: " + openFollowUps));
                }
                continue;
            }
            if (openFollowUps.isEmpty()) {
                findings.add(new Finding(NAME, "missing", dealId, "open, without an open follow-up task"));
                continue;
            }
            String currentStage = events.stream().filter(DealEventRecord::entersStage)
                    .reduce((first, second) -> second).map(DealEventRecord::stageId).orElse(null);
            Boolean completed = currentStageTaskCompleted(commandsByDeal.getOrDefault(dealId, List.of()), currentStage);
            if (completed == null) {
                continue;
            }
            List<TaskRow> openStageTasks = openFollowUps.stream().filter(TaskRow::stageTask).toList();
            int expected = completed ? 0 : 1;
            boolean inCurrentStage = openStageTasks.stream().allMatch(task -> task.stageId().equals(currentStage));
            if (openStageTasks.size() != expected || !inCurrentStage) {
                findings.add(new Finding(NAME, openStageTasks.size() > expected ? "duplicated" : "differs", dealId,
                        "open in " + currentStage + " with " + openStageTasks.size() + " open stage tasks "
                                + openStageTasks + "; expected " + expected + " in " + currentStage));
            }
        }
        return findings;
    }

    /**
     * Whether the soak completed the task of the stage the deal is in since it entered it; null when a command of
     * unknown outcome makes that impossible to tell.
     */
    private static Boolean currentStageTaskCompleted(List<LedgerEntry> commands, String currentStage) {
        boolean completed = false;
        for (LedgerEntry entry : commands) {
            boolean entersStage = entry.kind() == CommandKind.OPEN || entry.kind() == CommandKind.MOVE;
            if (entry.outcome() == Outcome.UNKNOWN && (entersStage || entry.kind() == CommandKind.COMPLETE_TASK)) {
                return null;
            }
            if (!entry.accepted()) {
                continue;
            }
            if (entersStage) {
                completed = false;
            } else if (entry.kind() == CommandKind.COMPLETE_TASK && currentStage.equals(entry.stageId())) {
                completed = true;
            }
        }
        return completed;
    }
}
