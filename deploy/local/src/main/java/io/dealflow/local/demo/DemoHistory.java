package io.dealflow.local.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * A year of sales history as another CRM would export it (DESIGN §7, the format of docs/samples/import-sales.csv),
 * so that the demo's dashboards show time in stage, conversion and loss reasons from the start instead of after
 * months of live traffic. Each deal is opened with the fields the first stage requires, walks forward one stage at a
 * time (sales is STRICT) filling each stage's required fields on the row that enters it, and is lost with a reason
 * and a comment, won, or left open. The managers are the demo's own; the managers' habits shape their histories as
 * they shape the live traffic (a finance loser loses at the finance check, a catch-up mover's stages last minutes).
 * Seeded: the same deals under the same {@code externalRef}s every time (their times move with {@code now}), so a
 * demo started again on kept data imports nothing twice: the import is idempotent by {@code externalRef}.
 */
final class DemoHistory {

    static final String HEADER = "externalRef,occurredAt,action,stageId,managerId,title,reasonCode,comment,"
            + "field.contactName,field.phone,field.source,field.equipmentPreference,field.clientType,"
            + "field.equipmentCategories,field.equipment,field.amount,field.installationAddress\n";
    static final List<String> STAGES = List.of("new-inquiry", "needs-identified", "finance-legal-check", "proposal",
            "proposal-sent");
    private static final long SEED = 20251203L;
    private static final List<String> EQUIPMENT = List.of("CNC lathe", "Milling centre", "Laser cutter",
            "Press brake", "Surface grinder");
    private static final List<String> SOURCES = List.of("web form", "call centre", "exhibition", "referral");
    private static final List<String> CLIENT_TYPES = List.of("manufacturer", "workshop", "dealer", "school");
    private static final List<String> LOSSES = List.of("price", "client-went-silent", "chose-another-supplier",
            "need-disappeared", "delivery-terms");

    private DemoHistory() {
    }

    /**
     * @param deals how many deals, opened evenly over the year before {@code now}
     * @return the CSV, header included; every row is at least a day before {@code now}
     */
    static String csv(int deals, Instant now) {
        Random random = new Random(SEED);
        Instant yearAgo = now.minus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);
        long spacing = Duration.ofDays(330).toSeconds() / Math.max(1, deals);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < deals; i++) {
            DemoManager manager = DemoManager.SALES_TEAM.get(i % DemoManager.SALES_TEAM.size());
            Instant at = yearAgo.plusSeconds(spacing * i + random.nextInt(3600));
            deal(csv, random, "demo-history-" + (i + 1), manager, at, now.minus(Duration.ofDays(1)));
        }
        return csv.toString();
    }

    private static void deal(StringBuilder csv, Random random, String ref, DemoManager manager, Instant openedAt,
                             Instant latest) {
        String equipment = pick(random, EQUIPMENT);
        row(csv, ref, openedAt, "OPENED", "", manager.id(), equipment + " for " + ref, "", "",
                "Client contact " + ref, "+38044" + (1000000 + random.nextInt(8999999)), pick(random, SOURCES),
                equipment, pick(random, CLIENT_TYPES), "", "", "", "");
        int lastStage = lastStage(random, manager.habit());
        Instant at = openedAt;
        for (int stage = 1; stage <= lastStage; stage++) {
            at = at.plus(timeInStage(random, manager.habit(), STAGES.get(stage - 1)));
            if (at.isAfter(latest)) {
                return; // still open, in the stage it reached
            }
            String stageId = STAGES.get(stage);
            boolean needsIdentified = stageId.equals("needs-identified");
            boolean proposalSent = stageId.equals("proposal-sent");
            row(csv, ref, at, "MOVED", stageId, "", "", "", "", "", "", "", "", "",
                    needsIdentified ? "metalworking" : "",
                    proposalSent ? equipment : "",
                    proposalSent ? Integer.toString(20000 + random.nextInt(400) * 500) : "",
                    proposalSent ? "Kyiv, Industrialna St. " + (1 + random.nextInt(120)) : "");
        }
        at = at.plus(timeInStage(random, manager.habit(), STAGES.get(lastStage)));
        if (at.isAfter(latest)) {
            return;
        }
        double outcome = random.nextDouble();
        if (manager.habit() == Habit.FINANCE_LOSER && lastStage == 2) {
            row(csv, ref, at, "LOST", "", "", "", "finance-check-refused", "Credit check failed: overdue debts",
                    "", "", "", "", "", "", "", "", "");
        } else if (lastStage == STAGES.size() - 1 && outcome < 0.55) {
            row(csv, ref, at, "WON", "", "", "", "", "", "", "", "", "", "", "", "", "", "");
        } else if (outcome < 0.9) {
            row(csv, ref, at, "LOST", "", "", "", pick(random, LOSSES), "Recorded in the old CRM",
                    "", "", "", "", "", "", "", "", "");
        }
        // else: still open, in the stage it reached
    }

    /** The index of the last stage the deal reaches before its outcome. */
    private static int lastStage(Random random, Habit habit) {
        if (habit == Habit.FINANCE_LOSER && random.nextDouble() < 0.7) {
            return 2;
        }
        return random.nextDouble() < 0.6 ? STAGES.size() - 1 : random.nextInt(STAGES.size());
    }

    /** How long the deal stays in a stage: minutes for a catch-up mover, days otherwise, longest at proposal-sent. */
    private static Duration timeInStage(Random random, Habit habit, String stageId) {
        if (habit == Habit.CATCH_UP && !stageId.equals("proposal-sent")) {
            return Duration.ofMinutes(1 + random.nextInt(4));
        }
        long days = stageId.equals("proposal-sent") ? 3 + random.nextInt(12) : random.nextInt(4);
        return Duration.ofDays(days).plusHours(1 + random.nextInt(20));
    }

    private static void row(StringBuilder csv, String ref, Instant at, String action, String stageId, String manager,
                            String title, String reason, String comment, String... fields) {
        csv.append(ref).append(',').append(at).append(',').append(action).append(',').append(stageId).append(',')
                .append(manager).append(',').append(quoted(title)).append(',').append(reason).append(',')
                .append(quoted(comment));
        for (String field : fields) {
            csv.append(',').append(quoted(field));
        }
        csv.append('\n');
    }

    private static String quoted(String value) {
        return value.isEmpty() ? "" : '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
