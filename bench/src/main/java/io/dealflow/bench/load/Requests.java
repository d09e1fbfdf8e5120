package io.dealflow.bench.load;

import io.dealflow.bench.measure.Latencies;
import io.dealflow.bench.pipeline.BenchPipeline;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.loop.During;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The requests of every scenario as Gatling chains. Each is measured: Gatling's own response time goes into the
 * plan's histogram under a metric name, a failed request (non-2xx, timeout, refused) counts as an error of that
 * metric and is then cleared so the user carries on; the HTML report shows the same requests by name.
 */
final class Requests {

    static final String DEALS = "deals";
    private static final String RT = "rt";
    private static final String STATUS = "status";
    /** Gatling's own success range, which an explicit status check replaces */
    private static final List<Integer> SUCCESS = IntStream.rangeClosed(200, 209).boxed().toList();
    private static final String NEW_DEAL = "newDealId";
    private static final String ETAG = "etag";
    private static final String TASK = "taskId";
    private static final List<String> REPORTS = List.of("time-in-stage", "conversion", "loss-reasons", "funnel",
            "stuck-deals", "data-quality", "cycle-time");
    private static final List<String> MANAGERS = List.of("anna", "bohdan", "iryna", "marko", "olena", "taras");

    private final LoadPlan plan;
    private final BenchPipeline pipeline;

    Requests(LoadPlan plan) {
        this.plan = plan;
        this.pipeline = plan.pipeline();
    }

    /** One connection per virtual user unless shared: a closed-loop run at N users holds N connections. */
    HttpProtocolBuilder protocol(boolean shareConnections) {
        HttpProtocolBuilder protocol = http.baseUrl(plan.target().dealUrl())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                // demo-integration's token (renewed shortly before it expires), acting for the person "bench"
                .header("Authorization", session -> plan.target().clients().integration().authorization())
                .header("X-Actor", "bench")
                .disableWarmUp()
                .disableCaching();
        return shareConnections ? protocol.shareConnections() : protocol;
    }

    /**
     * A loop for the run's duration that lets a user finish its last iteration (Gatling's exitASAP would cut it
     * after the request, before its answer is recorded here).
     */
    static During.On<ChainBuilder> forTheRun(Duration duration) {
        return during(duration, false);
    }

    static OwnDeals own(Session session) {
        return session.get(DEALS);
    }

    /** Opens a deal; {@code then} receives the new deal's id once it answered 2xx. */
    ChainBuilder open(String metric, BiFunction<Session, String, Session> then) {
        return measured(metric, http(metric + ": open").post("/api/v1/deals")
                .body(StringBody(session -> openBody()))
                .check(headerRegex("Location", "/api/v1/deals/([^/?]+)$").saveAs(NEW_DEAL)), (session, ok) ->
                ok ? then.apply(session, session.getString(NEW_DEAL)) : session);
    }

    /** Moves the user's current deal one stage forward. */
    ChainBuilder moveCurrent(String metric) {
        return measured(metric, http(metric + ": move").post(session -> dealPath(session, "/stage"))
                .body(StringBody(session -> "{\"stageId\":\"" + pipeline.stage(own(session).currentStage() + 1)
                        + "\"}")), (session, ok) -> {
            if (ok) {
                own(session).advanced();
            }
            return session;
        });
    }

    ChainBuilder patchCurrent(String metric) {
        return measured(metric, http(metric + ": fields").patch(session -> dealPath(session, "/fields"))
                .body(StringBody(session -> "{\"budget\":\"" + ThreadLocalRandom.current().nextInt(1_000, 500_000)
                        + "\",\"nextStep\":\"call back on " + Instant.now().plus(2, ChronoUnit.DAYS) + "\"}")),
                (session, ok) -> session);
    }

    ChainBuilder winCurrent(String metric) {
        return measured(metric, http(metric + ": won").post(session -> dealPath(session, "/won")).body(StringBody("{}")),
                (session, ok) -> session);
    }

    ChainBuilder loseCurrent(String metric) {
        return measured(metric, http(metric + ": lost").post(session -> dealPath(session, "/lost"))
                .body(StringBody("{\"reasonCode\":\"" + BenchPipeline.LOSS_REASON
                        + "\",\"comment\":\"bench: chose a cheaper offer\"}")), (session, ok) -> session);
    }

    /**
     * Finds the open task of the current deal's stage and completes it, naming the next one (R4 refuses it
     * otherwise). Only that stage's task: task-service follows moves a little later, so an earlier stage's task
     * may still look open and be superseded before the completion arrives (a 422 that is no fault of the system).
     */
    ChainBuilder completeCurrentTask(String metric) {
        return measured(metric, http(metric + ": find task").get(session -> plan.target().taskUrl()
                        + "/api/v1/tasks?status=OPEN&dealId=" + own(session).currentId())
                        .check(jsonPath(session -> "$.items[?(@.stageId == '"
                                + pipeline.stage(own(session).currentStage()) + "')].id").optional().saveAs(TASK)),
                (session, ok) -> session)
                .doIf(session -> session.contains(TASK)).then(
                        measured(metric, http(metric + ": complete task")
                                .post(session -> plan.target().taskUrl() + "/api/v1/tasks/" + session.getString(TASK)
                                        + "/complete")
                                .body(StringBody(session -> "{\"nextTask\":{\"title\":\"bench: call back\",\"dueAt\":\""
                                        + Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
                                        + "\"}}")), (session, ok) -> session.remove(TASK)));
    }

    ChainBuilder readReport(String metric) {
        return measured(metric, http(metric + ": report").get(session -> plan.target().analyticsUrl()
                        + "/api/v1/analytics/" + REPORTS.get(ThreadLocalRandom.current().nextInt(REPORTS.size()))
                        + "?pipelineId=" + pipeline.id())
                // reports are a head's or an admin's, not the integration client's
                .header("Authorization", session -> plan.target().clients().admin().authorization()),
                (session, ok) -> session);
    }

    /**
     * Sends the request, records its response time (or an error) under {@code metric}, hands the outcome to
     * {@code after}, and leaves the session unfailed so one refused request does not stop the user.
     */
    ChainBuilder measured(String metric, HttpRequestActionBuilder request,
                          BiFunction<Session, Boolean, Session> after) {
        Latencies latencies = plan.metric(metric);
        return exec(session -> session.remove(ETAG))
                .exec(session -> session.remove(STATUS))
                .exec(request.check(status().saveAs(STATUS), status().in(SUCCESS), responseTimeInMillis().saveAs(RT),
                        header("ETag").optional().saveAs(ETAG)))
                .exec(session -> {
                    boolean ok = !session.isFailed() && session.contains(RT);
                    if (ok) {
                        latencies.recordMillis(session.getInt(RT));
                        if (plan.rate() > 0) {
                            plan.perSecond().recordMillis(session.getInt(RT));
                        }
                    } else if (session.contains(STATUS) && session.getInt(STATUS) == 503) {
                        latencies.shed();
                    } else {
                        latencies.error();
                    }
                    return after.apply(session.markAsSucceeded(), ok).remove(RT);
                });
    }

    /** The version in an answer's ETag ({@code "7"}): the sequence of the command's last event. */
    static long sequence(Session session) {
        String etag = session.getString(ETAG);
        return etag == null ? -1 : Long.parseLong(etag.replaceAll("[^0-9]", ""));
    }

    private static String dealPath(Session session, String action) {
        return "/api/v1/deals/" + own(session).currentId() + action;
    }

    /** A deal as a web form would send it: a title, a manager, a handful of contact fields, a tag. */
    private String openBody() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String manager = MANAGERS.get(random.nextInt(MANAGERS.size()));
        int n = random.nextInt(1_000_000);
        return "{\"pipelineId\":\"" + pipeline.id() + "\",\"title\":\"Bench deal " + n + " for CNC lathes\","
                + "\"managerId\":\"" + manager + "\",\"fields\":{\"contactName\":\"Contact " + n + "\","
                + "\"phone\":\"+38044" + (1_000_000 + n) + "\",\"source\":\"web form\",\"clientType\":\"manufacturer\"},"
                + "\"tags\":[\"bench\"]}";
    }

    /**
     * Each user's start: it opens its own deals (named {@code metric}) and then steps to the next one before every
     * iteration; a user that could open none stops.
     */
    ChainBuilder openOwnDeals(int count, String metric) {
        return exec(session -> session.set(DEALS, new OwnDeals()))
                .exec(repeat(count).on(open(metric, (session, dealId) -> {
                    own(session).add(dealId);
                    return session;
                })))
                .exitHereIf(session -> own(session).isEmpty());
    }

    static ChainBuilder nextOwnDeal() {
        return exec(session -> {
            own(session).next();
            return session;
        });
    }
}
