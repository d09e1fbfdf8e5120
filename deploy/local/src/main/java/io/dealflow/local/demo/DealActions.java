package io.dealflow.local.demo;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One deal's REST calls as a manager makes them. A refusal the demo provokes on purpose is asked for with the
 * {@code refused…} methods; any other non-2xx answer is a {@link DemoFailure} that ends the journey.
 */
final class DealActions {

    /** How long a task may take to appear after the stage change that opens it travelled through Kafka. */
    private static final Duration TASK_WAIT = Duration.ofSeconds(20);
    private static final Duration HANDOFF_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);

    private final DemoApi api;
    private final DemoStats stats;
    private final Random random;
    private final String runId;

    DealActions(DemoApi api, DemoStats stats, Random random, String runId) {
        this.api = api;
        this.stats = stats;
        this.random = random;
        this.runId = runId;
    }

    Random random() {
        return random;
    }

    /** Opens a deal; the idempotency key is per launcher run, so a retry never opens a second deal. */
    String open(String pipelineId, String title, String managerId, Map<String, String> fields, String tag, int number)
            throws IOException, InterruptedException {
        ObjectNode body = api.object().put("pipelineId", pipelineId).put("title", title).put("managerId", managerId)
                .put("externalRef", "demo-" + number);
        ObjectNode fieldsNode = body.putObject("fields");
        fields.forEach(fieldsNode::put);
        body.putArray("tags").add(tag);
        DemoApi.Reply reply = api.deal("POST", "/api/v1/deals", managerId, body, "demo-" + runId + "-" + number);
        expectOk(reply, "open a " + pipelineId + " deal");
        stats.count("opened");
        return reply.body().path("id").asString();
    }

    void fill(String dealId, String actor, Map<String, String> fields) throws IOException, InterruptedException {
        ObjectNode body = api.object();
        fields.forEach(body::put);
        expectOk(api.deal("PATCH", "/api/v1/deals/" + dealId + "/fields", actor, body, null), "fill fields");
    }

    void move(String dealId, String actor, String stageId) throws IOException, InterruptedException {
        expectOk(api.deal("POST", "/api/v1/deals/" + dealId + "/stage", actor, stageBody(stageId, null), null),
                "move to " + stageId);
        stats.count("moves");
    }

    /** A skip or a backward move: the pipeline's rules decide whether a reason is enough. */
    void moveWithReason(String dealId, String actor, String stageId, String reason, String counted)
            throws IOException, InterruptedException {
        expectOk(api.deal("POST", "/api/v1/deals/" + dealId + "/stage", actor, stageBody(stageId, reason), null),
                "move to " + stageId + " with a reason");
        stats.count(counted);
    }

    /** A skip STRICT sales must refuse: anything but 422 stage-skip-not-allowed is a failure of the demo. */
    void refusedSkip(String dealId, String actor, String stageId) throws IOException, InterruptedException {
        DemoApi.Reply reply = api.deal("POST", "/api/v1/deals/" + dealId + "/stage", actor,
                stageBody(stageId, "client is in a hurry"), null);
        if (reply.status() != 422) {
            throw new DemoFailure("a skip to " + stageId + " in a STRICT pipeline", reply);
        }
        stats.count("skipsRefused");
    }

    void lose(String dealId, String actor, String reasonCode, String comment) throws IOException, InterruptedException {
        ObjectNode body = api.object().put("reasonCode", reasonCode).put("comment", comment);
        expectOk(api.deal("POST", "/api/v1/deals/" + dealId + "/lost", actor, body, null), "lose as " + reasonCode);
        stats.count("lost");
    }

    void win(String dealId, String actor) throws IOException, InterruptedException {
        expectOk(api.deal("POST", "/api/v1/deals/" + dealId + "/won", actor, null, null), "win");
        stats.count("won");
    }

    /** The deal's open follow-up task for its current stage, once task-service has opened it. */
    Optional<JsonNode> stageTask(String dealId, String stageId) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(TASK_WAIT);
        while (Instant.now().isBefore(deadline)) {
            DemoApi.Reply reply = api.tasks("GET", "/api/v1/tasks?status=OPEN&dealId=" + dealId, null, null);
            expectOk(reply, "list tasks");
            for (JsonNode task : reply.body().path("items")) {
                if (stageId.equals(task.path("stageId").asString(""))) {
                    return Optional.of(task);
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        stats.count("taskNotSeen");
        return Optional.empty();
    }

    /** Completes the stage task; naming the next task is what R4 asks when it is the deal's last open one. */
    void completeWithNext(String dealId, String actor, String stageId, String nextTitle)
            throws IOException, InterruptedException {
        Optional<JsonNode> task = stageTask(dealId, stageId);
        if (task.isEmpty()) {
            return;
        }
        ObjectNode body = api.object();
        body.putObject("nextTask").put("title", nextTitle).put("dueAt", Instant.now().plus(Duration.ofDays(1)).toString());
        expectOk(api.tasks("POST", "/api/v1/tasks/" + task.get().path("id").asString() + "/complete", actor, body),
                "complete a task");
        stats.count("tasksCompleted");
    }

    void reschedule(String dealId, String actor, String stageId, String reason) throws IOException, InterruptedException {
        Optional<JsonNode> task = stageTask(dealId, stageId);
        if (task.isEmpty()) {
            return;
        }
        Instant dueAt = Instant.now().plus(Duration.ofHours(2 + random.nextInt(70)));
        ObjectNode body = api.object().put("dueAt", dueAt.toString()).put("reason", reason);
        expectOk(api.tasks("POST", "/api/v1/tasks/" + task.get().path("id").asString() + "/reschedule", actor, body),
                "reschedule a task");
        stats.count("reschedules");
    }

    /** A manual task due almost at once: left alone, the overdue scanner flags and escalates it. */
    void addTaskDueSoon(String dealId, String actor, String title) throws IOException, InterruptedException {
        Instant dueAt = Instant.now().plus(Duration.ofSeconds(2 + random.nextInt(8)));
        ObjectNode body = api.object().put("dealId", dealId).put("title", title).put("dueAt", dueAt.toString());
        expectOk(api.tasks("POST", "/api/v1/tasks", actor, body), "add a manual task");
        stats.count("tasksLeftToLapse");
    }

    /** The deal handoff-service opened in the next department for a won deal, with who received it. */
    Optional<Handoff> awaitHandoff(String sourceDealId) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(HANDOFF_WAIT);
        while (Instant.now().isBefore(deadline)) {
            DemoApi.Reply reply = api.handoff("/api/v1/handoffs/" + sourceDealId);
            if (reply.ok() && "DONE".equals(reply.body().path("status").asString(""))) {
                stats.count("handoffs");
                return Optional.of(new Handoff(reply.body().path("targetDealId").asString(),
                        reply.body().path("receiverId").asString()));
            }
            if (reply.ok() && "FAILED".equals(reply.body().path("status").asString(""))) {
                throw new DemoFailure("handoff of " + sourceDealId, reply);
            }
            Thread.sleep(POLL.toMillis());
        }
        stats.count("handoffNotSeen");
        return Optional.empty();
    }

    /** A pause between two actions of one manager, so deals spend measurable time in their stages. */
    void pause(int minMillis, int maxMillis) throws InterruptedException {
        Thread.sleep(minMillis + random.nextInt(Math.max(1, maxMillis - minMillis)));
    }

    record Handoff(String targetDealId, String receiverId) {
    }

    private ObjectNode stageBody(String stageId, String reason) {
        ObjectNode body = api.object().put("stageId", stageId);
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private static void expectOk(DemoApi.Reply reply, String what) {
        if (!reply.ok()) {
            throw new DemoFailure(what, reply);
        }
    }
}
