package io.dealflow.soak.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;

import tools.jackson.databind.JsonNode;

/**
 * One demo-like deal: opened in {@code sales}, fields filled, each stage's task completed (naming the next one) and
 * the deal moved on, a refused skip now and then, then won or lost; a won one is followed into {@code contracts}
 * and {@code delivery} once handoff-service has opened it there. It stops at the first command that is not
 * accepted, or when the run is over: the checks judge whatever state it left.
 */
final class Journey {

    private static final List<String> SALES = List.of("new-inquiry", "needs-identified", "finance-legal-check",
            "proposal", "proposal-sent");
    private static final List<String> MANAGERS = List.of("olena", "taras", "iryna", "bohdan", "mykola", "stepan");
    private static final Duration TASK_WAIT = Duration.ofSeconds(60);
    private static final Duration HANDOFF_WAIT = Duration.ofSeconds(120);

    private final Commands commands;
    private final String taskService;
    private final String handoffService;
    private final Random random;
    private final BooleanSupplier over;
    private final TrafficStats stats;

    Journey(Commands commands, String taskService, String handoffService, Random random, BooleanSupplier over,
            TrafficStats stats) {
        this.commands = commands;
        this.taskService = taskService;
        this.handoffService = handoffService;
        this.random = random;
        this.over = over;
        this.stats = stats;
    }

    void run(String externalRef) throws InterruptedException {
        String manager = MANAGERS.get(random.nextInt(MANAGERS.size()));
        Map<String, String> opening = new LinkedHashMap<>();
        opening.put("contactName", "Contact " + externalRef);
        opening.put("phone", "+38044" + (1000000 + random.nextInt(8999999)));
        opening.put("source", "web form");
        opening.put("equipmentPreference", "CNC lathe");
        opening.put("clientType", "workshop");
        String deal = commands.open("sales", manager, externalRef, opening);
        if (deal == null) {
            return;
        }
        stats.deals.incrementAndGet();
        for (int i = 1; i < SALES.size(); i++) {
            if (over.getAsBoolean()) {
                return;
            }
            String from = SALES.get(i - 1);
            String to = SALES.get(i);
            if (random.nextInt(3) == 0 && !completeStageTask(deal, from, manager)) {
                return;
            }
            if (to.equals("needs-identified") && !commands.fields(deal, manager,
                    Map.of("equipmentCategories", "metalworking")).ok()) {
                return;
            }
            if (to.equals("proposal-sent") && !commands.fields(deal, manager, Map.of("equipment", "CNC lathe",
                    "amount", Integer.toString(20000 + random.nextInt(400) * 500), "installationAddress",
                    "Kyiv, Industrialna St. " + (1 + random.nextInt(120)))).ok()) {
                return;
            }
            if (i == 2 && random.nextInt(4) == 0) {
                // STRICT sales refuses a skip: a refusal the checks must find without an event
                commands.move(deal, manager, "proposal", "client is in a hurry");
            }
            if (i == 2 && random.nextInt(6) == 0) {
                commands.lost(deal, manager, "finance-check-refused");
                return;
            }
            if (!commands.move(deal, manager, to, null).ok()) {
                return;
            }
            pause();
        }
        if (random.nextInt(10) < 3) {
            commands.lost(deal, manager, "price");
            return;
        }
        if (!commands.won(deal, manager).ok()) {
            return;
        }
        Optional<Handoff> contract = awaitHandoff(deal);
        if (contract.isEmpty() || over.getAsBoolean()) {
            return;
        }
        String contracts = contract.get().targetDealId();
        String receiver = contract.get().actor();
        if (!commands.fields(contracts, receiver, Map.of("contractNumber", "C-" + (10000 + random.nextInt(90000)),
                "invoiceNumber", "INV-" + (10000 + random.nextInt(90000)))).ok()
                || !commands.move(contracts, receiver, "contract-signed", "standard contract accepted").ok()
                || !commands.won(contracts, receiver).ok()) {
            return;
        }
        Optional<Handoff> delivery = awaitHandoff(contracts);
        if (delivery.isEmpty() || over.getAsBoolean()) {
            return;
        }
        String deliveryDeal = delivery.get().targetDealId();
        String fitter = delivery.get().actor();
        if (commands.move(deliveryDeal, fitter, "delivery-commissioning", null).ok()
                && commands.move(deliveryDeal, fitter, "acceptance", null).ok()
                && commands.fields(deliveryDeal, fitter, Map.of("acceptanceDocs", "s3://docs/" + deliveryDeal)).ok()
                && commands.move(deliveryDeal, fitter, "awaiting-final-payment", null).ok()) {
            commands.won(deliveryDeal, fitter);
        }
    }

    private boolean completeStageTask(String deal, String stageId, String manager) throws InterruptedException {
        Instant deadline = Instant.now().plus(TASK_WAIT);
        while (Instant.now().isBefore(deadline) && !over.getAsBoolean()) {
            Optional<SoakApi.Answer> tasks = commands.api().readAsIntegration(taskService
                    + "/api/v1/tasks?status=OPEN&dealId=" + deal);
            if (tasks.isPresent() && tasks.get().ok()) {
                for (JsonNode task : tasks.get().body().path("items")) {
                    if ("STAGE".equals(task.path("kind").asString("")) && stageId.equals(task.path("stageId")
                            .asString(""))) {
                        return commands.complete(deal, task.path("id").asString(), stageId, manager).ok();
                    }
                }
            }
            Thread.sleep(500);
        }
        stats.tasksNotSeen.incrementAndGet();
        return true;
    }

    private Optional<Handoff> awaitHandoff(String sourceDeal) throws InterruptedException {
        Instant deadline = Instant.now().plus(HANDOFF_WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<SoakApi.Answer> answer = commands.api().read(handoffService + "/api/v1/handoffs/" + sourceDeal);
            if (answer.isPresent() && answer.get().ok() && "DONE".equals(answer.get().body().path("status")
                    .asString(""))) {
                return Optional.of(new Handoff(answer.get().body().path("targetDealId").asString(),
                        answer.get().body().path("receiverId").asString("")));
            }
            Thread.sleep(1000);
        }
        stats.handoffsNotSeen.incrementAndGet();
        return Optional.empty();
    }

    private void pause() throws InterruptedException {
        Thread.sleep(100 + random.nextInt(400));
    }

    private record Handoff(String targetDealId, String receiverId) {

        /** The receiver acts on the new deal; a route that names nobody leaves it to the soak itself. */
        String actor() {
            return receiverId.isBlank() ? "soak" : receiverId;
        }
    }
}
