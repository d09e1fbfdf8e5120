package io.dealflow.soak.traffic;

import io.dealflow.api.deal.ImportedDealIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * History imports (DESIGN §7) beside the live traffic, so that the faults hit imports too: one file after another
 * into a pipeline of the soak's own, each polled until its job is done or lost with a killed deal-service. After the
 * traffic every file is imported once more: what a killed job left out is imported then, what it had imported is
 * refused as already imported. Each deal is imported whole or not at all, so a check can expect each of the files'
 * deals to have either no events or all of them ({@link File#eventsByDeal()}), and all of them after the second
 * round.
 */
public final class HistoryImports {

    public static final String PIPELINE = "soak-import";
    private static final int STAGES = 6;
    /** Small files with pauses between: the imports share deal-service with the clients, and should not crowd them */
    private static final int DEALS_PER_FILE = 100;
    private static final Duration PAUSE = Duration.ofSeconds(8);
    private static final Duration POLL = Duration.ofMillis(500);
    /** A job's instance may be killed and restarted; past this a job that is neither done nor lost is given up. */
    private static final Duration JOB_BUDGET = Duration.ofMinutes(5);

    /**
     * One imported file: its deals (by derived id) with the events each brings, and how its rounds ended.
     *
     * @param firstRound  {@code DONE}, {@code LOST} (the job's instance was killed, or no answer), ...
     * @param secondRound the same for the import after the traffic; null before it
     * @param refusals    deals a job refused for any reason but having been imported already, with the first
     *                    one's problem: every row of these files is one the rules accept
     */
    public record File(int number, String csv, Map<String, Integer> eventsByDeal, String firstRound,
                       String secondRound, long importedSecond, long alreadyImportedSecond, long refusals,
                       String firstRefusal) {

        File withFirstRound(Outcome outcome) {
            return new File(number, csv, eventsByDeal, outcome.state(), secondRound, importedSecond,
                    alreadyImportedSecond, refusals + outcome.refusals(), firstRefusal(outcome));
        }

        File withSecondRound(Outcome outcome) {
            return new File(number, csv, eventsByDeal, firstRound, outcome.state(), outcome.imported(),
                    outcome.alreadyImported(), refusals + outcome.refusals(), firstRefusal(outcome));
        }

        private String firstRefusal(Outcome outcome) {
            return firstRefusal != null ? firstRefusal : outcome.firstRefusal();
        }
    }

    /** How one job ended, as its final view says; {@code LOST} when it could not be followed to its end. */
    record Outcome(String state, long imported, long alreadyImported, long refusals, String firstRefusal) {

        static final Outcome LOST = new Outcome("LOST", 0, 0, 0, null);

        static Outcome of(JsonNode view) {
            JsonNode answer = view.path("answer");
            long already = 0;
            long others = 0;
            String first = null;
            for (JsonNode refused : answer.path("refused")) {
                String type = refused.path("type").asString();
                if ("deal-already-imported".equals(type.substring(type.lastIndexOf('/') + 1))) {
                    already++;
                } else {
                    others++;
                    if (first == null) {
                        first = type + " at line " + refused.path("line").asLong() + ": "
                                + refused.path("detail").asString();
                    }
                }
            }
            return new Outcome(view.path("state").asString(), answer.path("imported").asLong(), already, others,
                    first);
        }
    }

    private final SoakApi api;
    private final String dealService;
    private final List<File> files = new CopyOnWriteArrayList<>();
    private Thread thread;

    public HistoryImports(SoakApi api, String dealService) {
        this.api = api;
        this.dealService = dealService;
    }

    public List<File> files() {
        return List.copyOf(files);
    }

    /** The soak's pipeline for imports: no required fields, no handoff, STRICT, one loss reason. */
    public void definePipeline() throws InterruptedException {
        ObjectNode definition = api.object();
        definition.put("name", "Soak imports");
        definition.put("department", "soak");
        definition.put("skipMode", "STRICT");
        definition.put("backwardMode", "FORBIDDEN");
        ArrayNode stages = definition.putArray("stages");
        for (int stage = 1; stage <= STAGES; stage++) {
            ObjectNode definedStage = stages.addObject();
            definedStage.put("id", stageId(stage));
            definedStage.put("name", "Stage " + stage);
            definedStage.put("sla", "P7D");
            definedStage.putObject("task").put("title", "Follow up").put("dueIn", "P30D");
        }
        definition.putArray("lossReasons").addObject().put("code", "price").put("label", "Price");
        api.define(dealService + "/api/v1/pipelines/" + PIPELINE, definition).filter(SoakApi.Answer::ok)
                .orElseThrow(() -> new IllegalStateException("deal-service did not take the soak's import pipeline"));
    }

    public void start(Duration duration, String runId) {
        Instant end = Instant.now().plus(duration);
        thread = new Thread(() -> {
            try {
                for (int number = 0; Instant.now().isBefore(end); number++) {
                    File file = file(runId, number);
                    files.add(file.withFirstRound(job(file).map(Outcome::of).orElse(Outcome.LOST)));
                    Thread.sleep(PAUSE.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "soak-imports");
        thread.setDaemon(true);
        thread.start();
    }

    public void awaitEnd(Duration budget) throws InterruptedException {
        if (thread != null) {
            thread.join(budget.toMillis());
        }
    }

    /** Every file once more, each until its job is done (a kill cannot hit it now: the faults are over). */
    public void importAgain() throws InterruptedException {
        List<File> again = new ArrayList<>();
        for (File file : files) {
            Outcome outcome = Outcome.LOST;
            Instant deadline = Instant.now().plus(JOB_BUDGET);
            while (outcome == Outcome.LOST && Instant.now().isBefore(deadline)) {
                outcome = job(file).map(Outcome::of).orElse(Outcome.LOST);
                if (outcome == Outcome.LOST) {
                    Thread.sleep(1000);
                }
            }
            again.add(file.withSecondRound(outcome));
        }
        files.clear();
        files.addAll(again);
    }

    /** Posts the file and polls its job: the job's final view, or empty when the job was lost. */
    private Optional<JsonNode> job(File file) throws InterruptedException {
        Optional<SoakApi.Answer> started = api.postCsv(dealService + "/api/v1/imports?pipelineId=" + PIPELINE,
                file.csv());
        if (started.isEmpty() || started.get().status() != 202) {
            return Optional.empty();
        }
        String id = started.get().body().path("id").asString();
        Instant deadline = Instant.now().plus(JOB_BUDGET);
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
            Optional<SoakApi.Answer> view = api.readOnceAsIntegration(dealService + "/api/v1/imports/" + id);
            if (view.isEmpty() || view.get().status() == 404) {
                // deal-service was killed, or restarted without the job: what it had decided is stored, whole
                return Optional.empty();
            }
            if (view.get().ok() && !"RUNNING".equals(view.get().body().path("state").asString())) {
                return Optional.of(view.get().body());
            }
        }
        return Optional.empty();
    }

    /**
     * {@value #DEALS_PER_FILE} deals, each opened a few weeks ago and moved forward a day at a time; every other
     * deal is then lost. One row is one event.
     */
    static File file(String runId, int number) {
        StringBuilder csv = new StringBuilder("externalRef,occurredAt,action,stageId,managerId,title,reasonCode,comment\n");
        Map<String, Integer> eventsByDeal = new LinkedHashMap<>();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(60));
        for (int deal = 0; deal < DEALS_PER_FILE; deal++) {
            String ref = "soak-" + runId + "-" + number + "-" + deal;
            Instant at = start.plusSeconds(deal * 60L);
            csv.append(ref).append(',').append(at).append(",OPENED,,manager-").append(deal % 4)
                    .append(",Imported deal ").append(deal).append(",,\n");
            int moves = 1 + deal % (STAGES - 1);
            for (int move = 1; move <= moves; move++) {
                at = at.plus(Duration.ofDays(1));
                csv.append(ref).append(',').append(at).append(",MOVED,").append(stageId(move + 1)).append(",,,,\n");
            }
            int events = 1 + moves;
            if (deal % 2 == 1) {
                at = at.plus(Duration.ofDays(1));
                csv.append(ref).append(',').append(at).append(",LOST,,,,price,\"Chose another supplier, \"\"cheaper\"\"\"\n");
                events++;
            }
            eventsByDeal.put(ImportedDealIds.of(PIPELINE, ref), events);
        }
        return new File(number, csv.toString(), eventsByDeal, null, null, 0, 0, 0, null);
    }

    private static String stageId(int stage) {
        return "s" + stage;
    }

}
