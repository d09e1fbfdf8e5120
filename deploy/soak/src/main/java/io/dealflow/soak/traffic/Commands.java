package io.dealflow.soak.traffic;

import java.time.Instant;
import java.util.Map;

import io.dealflow.soak.ledger.CommandKind;
import io.dealflow.soak.ledger.Ledger;
import io.dealflow.soak.ledger.LedgerEntry;
import io.dealflow.soak.ledger.Outcome;
import tools.jackson.databind.node.ObjectNode;

/**
 * The soak's deal and task commands, each sent with an Idempotency-Key of its own (so a retry is the same command)
 * and written into the {@link Ledger} with its final answer.
 */
public final class Commands {

    private final SoakApi api;
    private final Ledger ledger;
    private final String dealService;
    private final String taskService;
    private final String runId;

    public Commands(SoakApi api, Ledger ledger, String dealService, String taskService, String runId) {
        this.api = api;
        this.ledger = ledger;
        this.dealService = dealService;
        this.taskService = taskService;
        this.runId = runId;
    }

    public SoakApi api() {
        return api;
    }

    /** @return the new deal's id, or null when the open was not accepted */
    public String open(String pipelineId, String managerId, String externalRef, Map<String, String> fields)
            throws InterruptedException {
        ObjectNode body = api.object().put("pipelineId", pipelineId).put("title", "Soak deal " + externalRef)
                .put("managerId", managerId).put("externalRef", externalRef);
        ObjectNode fieldsNode = body.putObject("fields");
        fields.forEach(fieldsNode::put);
        SoakApi.Answer answer = send(CommandKind.OPEN, null, pipelineId, externalRef, null, "POST",
                dealService + "/api/v1/deals", managerId, body);
        return answer.ok() ? answer.body().path("id").asString(null) : null;
    }

    public SoakApi.Answer fields(String dealId, String actor, Map<String, String> fields) throws InterruptedException {
        ObjectNode body = api.object();
        fields.forEach(body::put);
        return send(CommandKind.FIELDS, dealId, null, null, null, "PATCH",
                dealService + "/api/v1/deals/" + dealId + "/fields", actor, body);
    }

    public SoakApi.Answer move(String dealId, String actor, String stageId, String reason) throws InterruptedException {
        ObjectNode body = api.object().put("stageId", stageId);
        if (reason != null) {
            body.put("reason", reason);
        }
        return send(CommandKind.MOVE, dealId, null, null, stageId, "POST",
                dealService + "/api/v1/deals/" + dealId + "/stage", actor, body);
    }

    public SoakApi.Answer won(String dealId, String actor) throws InterruptedException {
        return send(CommandKind.WON, dealId, null, null, null, "POST", dealService + "/api/v1/deals/" + dealId
                + "/won", actor, null);
    }

    public SoakApi.Answer lost(String dealId, String actor, String reasonCode) throws InterruptedException {
        ObjectNode body = api.object().put("reasonCode", reasonCode).put("comment", "lost in the soak");
        return send(CommandKind.LOST, dealId, null, null, null, "POST", dealService + "/api/v1/deals/" + dealId
                + "/lost", actor, body);
    }

    public SoakApi.Answer complete(String dealId, String taskId, String stageId, String actor)
            throws InterruptedException {
        ObjectNode body = api.object();
        body.putObject("nextTask").put("title", "Follow up after " + stageId)
                .put("dueAt", Instant.now().plusSeconds(86_400).toString());
        return send(CommandKind.COMPLETE_TASK, dealId, null, null, stageId, "POST",
                taskService + "/api/v1/tasks/" + taskId + "/complete", actor, body);
    }

    private SoakApi.Answer send(CommandKind kind, String dealId, String pipelineId, String externalRef,
                                String stageId, String method, String url, String actor, ObjectNode body)
            throws InterruptedException {
        long id = ledger.nextId();
        String key = "soak-" + runId + "-" + id;
        Instant sentAt = Instant.now();
        SoakApi.Answer answer = api.command(method, url, actor, body, key);
        Outcome outcome = answer.ok() ? Outcome.ACCEPTED : answer.refused() ? Outcome.REFUSED : Outcome.UNKNOWN;
        String deal = dealId != null ? dealId : answer.ok() ? answer.body().path("id").asString(null) : null;
        ledger.record(new LedgerEntry(id, kind, deal, pipelineId, externalRef, stageId, key, outcome,
                answer.status(), answer.version(), answer.problemType(), answer.attempts(), sentAt, Instant.now()));
        return answer;
    }
}
