package io.dealflow.api.json;

import io.dealflow.api.deal.DealDocumentAttached;
import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealFieldsUpdated;
import io.dealflow.api.deal.DealLost;
import io.dealflow.api.deal.DealManagerReassigned;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.deal.DealTagged;
import io.dealflow.api.deal.DealUntagged;
import io.dealflow.api.deal.DealWon;
import io.dealflow.api.deal.Direction;
import io.dealflow.api.pipeline.BackwardMode;
import io.dealflow.api.pipeline.LossReason;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.api.pipeline.SkipMode;
import io.dealflow.api.pipeline.StageDefinition;
import io.dealflow.api.pipeline.TaskTemplate;
import io.dealflow.api.task.CancelCause;
import io.dealflow.api.task.TaskCancelled;
import io.dealflow.api.task.TaskCompleted;
import io.dealflow.api.task.TaskEvent;
import io.dealflow.api.task.TaskKind;
import io.dealflow.api.task.TaskOpened;
import io.dealflow.api.task.TaskOverdue;
import io.dealflow.api.task.TaskRescheduled;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One fixed sample of every published event type: the input of the approval tests. */
final class SampleEvents {

    static final String DEAL = "0b6d6c1e-7d4f-4a39-8d35-2f5b8c1e9a01";
    /** The OAuth client whose request caused the sample events. */
    static final String CLIENT = "demo-integration";
    static final Instant AT = Instant.parse("2026-11-23T09:15:30.123456Z");

    private SampleEvents() {
    }

    static List<DealEvent> dealEvents() {
        Map<String, String> cleared = new LinkedHashMap<>();
        cleared.put("amount", "125000");
        cleared.put("email", null);
        return List.of(
                new DealOpened(DEAL, "contracts", 3, "system:handoff-service", "Токарний верстат", "lawyer-1",
                        "standard-contract-sent", orderedFields(), List.of("vip"), "crm-42",
                        "7f1e4a52-0c1d-4b8a-9e3f-6a2b1c0d9e88", "olena"),
                new DealFieldsUpdated(DEAL, "sales", 3, "olena", cleared),
                new DealStageChanged(DEAL, "contracts", 3, "olena", "standard-contract-sent", "contract-signed",
                        Direction.FORWARD, List.of("contract-adaptation"), "standard contract accepted", "olena"),
                new DealManagerReassigned(DEAL, "sales", 3, "head-of-sales", "olena", "taras"),
                new DealTagged(DEAL, "sales", 3, "olena", "tender"),
                new DealUntagged(DEAL, "sales", 3, "olena", "vip"),
                new DealDocumentAttached(DEAL, "delivery", 1, "olena", "Акт приймання", "s3://docs/acceptance.pdf",
                        "application/pdf"),
                new DealWon(DEAL, "sales", 3, "olena", "proposal-sent", "olena"),
                new DealLost(DEAL, "sales", 3, "system:task-service", "needs-identified", "olena", "stale",
                        "follow-up task overdue for 14 days"));
    }

    static List<TaskEvent> taskEvents() {
        String task = "5d2f9c1a-3b4e-4f60-8a71-9c0d1e2f3a4b";
        Instant due = Instant.parse("2026-11-24T09:15:30Z");
        return List.of(
                new TaskOpened(task, DEAL, "sales", "olena", "Запит на фінансову перевірку", due, TaskKind.STAGE,
                        "needs-identified", "system:task-service"),
                new TaskRescheduled(task, DEAL, "sales", "olena", "Request finance check", due.plusSeconds(86400),
                        TaskKind.STAGE, "needs-identified", "olena", due, "client on holiday until Monday"),
                new TaskCompleted(task, DEAL, "sales", "olena", "Call back", due, TaskKind.MANUAL, null, "olena"),
                new TaskOverdue(task, DEAL, "sales", "olena", "Request finance check", due, TaskKind.STAGE,
                        "needs-identified", "system:task-service"),
                new TaskCancelled(task, DEAL, "sales", "head-of-sales", "Control: Request finance check", due,
                        TaskKind.CONTROL, "needs-identified", "system:task-service", CancelCause.DEAL_CLOSED));
    }

    static PipelineDefined pipelineDefined() {
        return new PipelineDefined("sales", 2, "Sales", "sales", SkipMode.STRICT, BackwardMode.ALLOW_WITH_REASON,
                "contracts", Duration.ofDays(14),
                List.of(new StageDefinition("new-inquiry", "New inquiry", List.of("contactName"),
                                List.of(List.of("phone", "email")), Duration.ofDays(1),
                                new TaskTemplate("Record contact", Duration.ofHours(4))),
                        new StageDefinition("proposal-sent", "Proposal sent", List.of("amount"), List.of(),
                                Duration.ofDays(7), new TaskTemplate("Get the decision", Duration.ofDays(7)))),
                List.of(new LossReason("price", "Price"), new LossReason("stale", "Stale")), "system:pipeline-seed");
    }

    private static Map<String, String> orderedFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("contactName", "Іван Петренко");
        fields.put("amount", "125000");
        return fields;
    }
}
