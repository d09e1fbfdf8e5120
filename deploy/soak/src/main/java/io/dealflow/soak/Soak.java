package io.dealflow.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.dealflow.local.testing.LocalDealflow;
import io.dealflow.soak.check.AnalyticsCheck;
import io.dealflow.soak.check.CommandEffectsCheck;
import io.dealflow.soak.check.ConsumerPositionsCheck;
import io.dealflow.soak.check.Finding;
import io.dealflow.soak.check.FollowUpTaskCheck;
import io.dealflow.soak.check.HandoffCheck;
import io.dealflow.soak.check.History;
import io.dealflow.soak.check.ImportCheck;
import io.dealflow.soak.check.Reports;
import io.dealflow.soak.check.TopicCheck;
import io.dealflow.soak.check.Visit;
import io.dealflow.soak.faults.FaultInjector;
import io.dealflow.soak.faults.FaultPlan;
import io.dealflow.soak.faults.PlannedFault;
import io.dealflow.soak.ledger.Ledger;
import io.dealflow.soak.observe.DealEventRecord;
import io.dealflow.soak.observe.DealTopic;
import io.dealflow.soak.observe.SoakDatabases;
import io.dealflow.soak.traffic.Commands;
import io.dealflow.soak.traffic.HistoryImports;
import io.dealflow.soak.traffic.SoakApi;
import io.dealflow.soak.traffic.Traffic;
import tools.jackson.databind.JsonNode;

/**
 * DESIGN §9 tried for real: starts a system of its own with the launcher (free ports, its own databases and Kafka
 * data, its own authorization server), drives demo-like traffic over the REST APIs while injecting faults, waits
 * until everything has caught up, then checks the ledger of commands against what the services stored and
 * published. Prints a table; exits 1 when a check found something or a fault was never recovered from.
 */
public final class Soak {

    /**
     * Longer than a handoff caught by a kill of deal-service needs: its Idempotency-Key stays in flight for
     * deal-service's in-flight timeout (5 min), and handoff-service's backoff then waits up to 5 min more.
     */
    private static final Duration CATCH_UP_WAIT = Duration.ofMinutes(10);
    private static final Duration TRAFFIC_DRAIN = Duration.ofMinutes(4);
    private static final List<String> PIPELINES = List.of("sales", "contracts", "delivery");

    private final SoakConfig config;

    private Soak(SoakConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        SoakConfig config;
        try {
            config = SoakConfig.from(List.of(args), System.getenv(), Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            System.err.println("[soak] " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new Soak(config).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Files.createDirectories(config.workDir());
        String runId = Long.toString(System.currentTimeMillis(), 36);
        say("starting a system of its own (databases " + config.dbPrefix() + "_*, launcher log "
                + config.workDir().resolve("launcher.log") + ")");
        SoakReport report;
        try (LocalDealflow dealflow = LocalDealflow.start(config.repository(), config.workDir(), config.dbPrefix(),
                List.of(), Map.of())) {
            report = soak(dealflow, runId);
        }
        String table = report.table();
        Files.writeString(config.workDir().resolve("report.md"), table);
        Files.write(config.workDir().resolve("findings.txt"), report.findings().stream().map(Finding::toString)
                .toList());
        System.out.println();
        System.out.println(table);
        report.findings().stream().limit(40).forEach(finding -> System.out.println("[soak] " + finding));
        if (report.findings().size() > 40) {
            say("... " + (report.findings().size() - 40) + " more in " + config.workDir().resolve("findings.txt"));
        }
        say("ledger: " + config.workDir().resolve("ledger.csv") + ", handoffs: "
                + config.workDir().resolve("handoffs.csv") + "; " + (report.passed() ? "PASSED" : "FAILED"));
        return report.passed();
    }

    private SoakReport soak(LocalDealflow dealflow, String runId) throws Exception {
        SoakApi api = new SoakApi(dealflow.issuer());
        Ledger ledger = new Ledger();
        SoakDatabases databases = new SoakDatabases("127.0.0.1", 5432, config.dbPrefix());
        Map<String, String> routes = routes(api, dealflow.url("deal-service"));
        Commands commands = new Commands(api, ledger, dealflow.url("deal-service"), dealflow.url("task-service"),
                runId);
        Traffic traffic = new Traffic(commands, dealflow.url("task-service"), dealflow.url("handoff-service"),
                config.clients(), config.seed());
        HistoryImports imports = new HistoryImports(api, dealflow.url("deal-service"));
        imports.definePipeline();
        FaultInjector faults = new FaultInjector(dealflow.control(), databases);
        List<PlannedFault> plan = FaultPlan.plan(config.duration(), config.faults(), config.pgRestart(),
                config.seed());
        say("traffic for " + config.duration() + " with " + config.clients() + " clients; faults planned: "
                + plan.stream().map(PlannedFault::describe).toList());
        Instant start = Instant.now();
        traffic.start(config.duration(), runId);
        imports.start(config.duration(), runId);
        faults.start(plan, start);
        Instant end = start.plus(config.duration());
        while (Instant.now().isBefore(end)) {
            Thread.sleep(Math.max(1, Math.min(30_000, Duration.between(Instant.now(), end).toMillis())));
            say(Duration.between(start, Instant.now()).toSeconds() + " s: " + ledger.entries().size()
                    + " commands, " + faults.injected().size() + " faults");
        }
        faults.awaitEnd();
        traffic.awaitEnd(TRAFFIC_DRAIN);
        imports.awaitEnd(TRAFFIC_DRAIN);
        ledger.writeCsv(config.workDir().resolve("ledger.csv"));
        // whole or absent now, whatever the kills interrupted; then every file again, which must fill the gaps
        List<Finding> importFindings = new ArrayList<>(new ImportCheck().wholeOrAbsent(imports.files(),
                History.of(databases.eventStore())));
        say("imports over: " + imports.files().size() + " files; importing each again");
        imports.importAgain();
        say("traffic over: " + ledger.entries().size() + " commands; waiting for everything to catch up");

        DealTopic topic = new DealTopic(dealflow.kafkaBootstrapServers());
        Instant catchUpStart = Instant.now();
        List<DealEventRecord> stored = databases.eventStore();
        List<DealEventRecord> published = topic.readAll();
        while (Instant.now().isBefore(catchUpStart.plus(CATCH_UP_WAIT))) {
            stored = databases.eventStore();
            published = topic.readAll();
            long lag = topic.consumerLag();
            long backlog = databases.backlog();
            Set<String> onTopic = published.stream().map(e -> e.dealId() + "#" + e.sequence())
                    .collect(Collectors.toSet());
            long unpublished = stored.stream().filter(e -> !onTopic.contains(e.dealId() + "#" + e.sequence()))
                    .count();
            if (lag == 0 && backlog == 0 && unpublished == 0) {
                break;
            }
            say("catching up: consumer lag " + lag + ", outbox and pending handoffs " + backlog
                    + ", events not yet on the topic " + unpublished);
            Thread.sleep(3_000);
        }
        // the consumers commit after applying; one more moment lets the last poll's transaction land everywhere
        Thread.sleep(3_000);
        stored = databases.eventStore();
        published = topic.readAll();
        Duration catchUp = Duration.between(catchUpStart, Instant.now());

        History history = History.of(stored);
        List<Finding> findings = new ArrayList<>();
        Set<String> importedDeals = history.deals().keySet().stream()
                .filter(deal -> history.opening(deal).map(DealEventRecord::pipelineId)
                        .filter(HistoryImports.PIPELINE::equals).isPresent())
                .collect(Collectors.toSet());
        // imported deals come from files, not from the ledger's commands: ImportCheck holds them to their files
        findings.addAll(new CommandEffectsCheck().check(ledger.entries(), history.without(importedDeals)));
        TopicCheck.Result topicResult = new TopicCheck().check(history, published);
        findings.addAll(topicResult.findings());
        findings.addAll(new ConsumerPositionsCheck().check("task-service", history,
                databases.positions("task", "task-service")));
        int generation = databases.analyticsGeneration();
        findings.addAll(new ConsumerPositionsCheck().check("analytics-deals-g" + generation, history,
                databases.positions("analytics", "analytics-deals-g" + generation)));
        findings.addAll(new FollowUpTaskCheck().check(history, ledger.entries(), databases.tasks(), importedDeals));
        findings.addAll(importFindings);
        findings.addAll(new ImportCheck().complete(imports.files(), history));
        findings.addAll(new HandoffCheck().check(history, routes));
        List<Visit> visits = Visit.of(TopicCheck.firstCopies(published));
        for (String pipeline : PIPELINES) {
            findings.addAll(new AnalyticsCheck().check(pipeline, Reports.recompute(pipeline, visits),
                    AnalyticsReports.fetch(api, dealflow.url("analytics-service"), pipeline)));
        }
        Files.write(config.workDir().resolve("handoffs.csv"), databases.handoffs());
        int handoffs = (int) stored.stream().filter(e -> "DealOpened".equals(e.type()) && e.originDealId() != null)
                .count();
        return new SoakReport(config.duration(), ledger.entries(), faults.injected(), stored.size(),
                topicResult.records(), topicResult.redelivered(), traffic.stats().deals(), handoffs, imports.files(),
                findings, catchUp);
    }

    /** pipeline id to the pipeline its handoffTo names, from deal-service's catalogue. */
    private static Map<String, String> routes(SoakApi api, String dealService) throws InterruptedException {
        JsonNode pipelines = api.read(dealService + "/api/v1/pipelines").filter(SoakApi.Answer::ok)
                .orElseThrow(() -> new IllegalStateException("deal-service did not list its pipelines")).body();
        Map<String, String> routes = new HashMap<>();
        for (JsonNode pipeline : pipelines) {
            if (pipeline.hasNonNull("handoffTo")) {
                routes.put(pipeline.path("id").asString(), pipeline.path("handoffTo").asString());
            }
        }
        return routes;
    }

    private static void say(String message) {
        System.out.println("[soak] " + message);
    }
}
