package io.dealflow.local.demo;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One sales deal worked by one manager according to the manager's {@link Habit}. Returns whether the deal was
 * won, so the caller can follow it into contracts once handoff-service has copied it there.
 */
final class SalesJourney {

    static final String PIPELINE = "sales";
    private static final List<String> EQUIPMENT = List.of("CNC lathe", "Milling centre", "Laser cutter",
            "Press brake", "Surface grinder");
    private static final List<String> CLIENT_TYPES = List.of("manufacturer", "workshop", "dealer", "school");
    private static final List<String> SOURCES = List.of("web form", "call centre", "exhibition", "referral");

    private final DealActions act;
    private final DemoManager manager;
    private final int number;
    private final Random random;

    SalesJourney(DealActions act, DemoManager manager, int number) {
        this.act = act;
        this.manager = manager;
        this.number = number;
        this.random = act.random();
    }

    /** @return the won deal's id, or null when the deal was lost or left open */
    String run() throws IOException, InterruptedException {
        String equipment = pick(EQUIPMENT);
        String deal = act.open(PIPELINE, equipment + " for client #" + number, manager.id(), openingFields(equipment),
                random.nextInt(4) == 0 ? "vip" : "inbound", number);
        String me = manager.id();
        switch (manager.habit()) {
            case DILIGENT -> {
                walkToProposalSent(deal, true);
                return closeAtProposalSent(deal, 0.85, "price", "Chose a cheaper used machine");
            }
            case SKIPPER -> {
                act.pause(300, 1200);
                act.fill(deal, me, Map.of("equipmentCategories", "metalworking"));
                // STRICT sales refuses the jump; the manager then walks the stages after all
                act.refusedSkip(deal, me, "proposal");
                walkToProposalSent(deal, false);
                return closeAtProposalSent(deal, 0.6, "client-went-silent", "No answer after three calls");
            }
            case FINANCE_LOSER -> {
                act.pause(300, 1200);
                act.fill(deal, me, Map.of("equipmentCategories", "metalworking"));
                act.move(deal, me, "needs-identified");
                act.pause(300, 1500);
                act.move(deal, me, "finance-legal-check");
                act.pause(500, 2000);
                if (random.nextDouble() < 0.75) {
                    act.lose(deal, me, "finance-check-refused", "Credit check failed: overdue debts");
                    return null;
                }
                act.move(deal, me, "proposal");
                act.pause(300, 1200);
                act.fill(deal, me, proposalFields(equipment));
                act.move(deal, me, "proposal-sent");
                return closeAtProposalSent(deal, 0.7, "price", "Budget cut after the finance review");
            }
            case CATCH_UP -> {
                // idle first, then every move at once: the analytics flag these as a catch-up run (R9)
                act.pause(3000, 8000);
                act.fill(deal, me, Map.of("equipmentCategories", "metalworking"));
                act.fill(deal, me, proposalFields(equipment));
                for (String stage : List.of("needs-identified", "finance-legal-check", "proposal", "proposal-sent")) {
                    act.move(deal, me, stage);
                    act.pause(100, 400);
                }
                act.pause(1000, 3000);
                return closeAtProposalSent(deal, 0.7, "delivery-terms", "Needed it within a week");
            }
            case RESCHEDULER -> {
                int reschedules = 1 + random.nextInt(3);
                for (int i = 0; i < reschedules; i++) {
                    act.reschedule(deal, me, "new-inquiry", pick(List.of("client on holiday", "call back next week",
                            "waiting for the engineer")));
                    act.pause(300, 1000);
                }
                walkToProposalSent(deal, false);
                return closeAtProposalSent(deal, 0.7, "delivery-terms", "Could not deliver before the season");
            }
            case LETS_TASKS_LAPSE -> {
                act.addTaskDueSoon(deal, me, "Call the client back");
                act.pause(300, 1200);
                act.fill(deal, me, Map.of("equipmentCategories", "metalworking"));
                act.move(deal, me, "needs-identified");
                act.addTaskDueSoon(deal, me, "Send the catalogue");
                // and then nothing: the deal stays open with overdue tasks until the department head acts
                return null;
            }
            default -> throw new IllegalStateException("no journey for " + manager.habit());
        }
    }

    /** The regular walk; a backward move with a reason now and then, which sales allows (ALLOW_WITH_REASON). */
    private void walkToProposalSent(String deal, boolean completesTasks) throws IOException, InterruptedException {
        String me = manager.id();
        String equipment = "metalworking";
        List<String> stages = List.of("new-inquiry", "needs-identified", "finance-legal-check", "proposal",
                "proposal-sent");
        for (int i = 1; i < stages.size(); i++) {
            act.pause(400, 1500);
            if (completesTasks) {
                act.completeWithNext(deal, me, stages.get(i - 1), "Prepare for " + stages.get(i));
            }
            if (stages.get(i).equals("needs-identified")) {
                act.fill(deal, me, Map.of("equipmentCategories", equipment));
            }
            if (stages.get(i).equals("proposal-sent")) {
                act.fill(deal, me, proposalFields(pick(EQUIPMENT)));
                if (random.nextInt(5) == 0) {
                    act.moveWithReason(deal, me, "needs-identified", "Client changed the specification", "backward");
                    act.pause(300, 1000);
                    act.move(deal, me, "finance-legal-check");
                    act.move(deal, me, "proposal");
                }
            }
            act.move(deal, me, stages.get(i));
        }
    }

    private String closeAtProposalSent(String deal, double winChance, String lossReason, String comment)
            throws IOException, InterruptedException {
        act.pause(500, 2000);
        if (random.nextDouble() < winChance) {
            act.win(deal, manager.id());
            return deal;
        }
        act.lose(deal, manager.id(), lossReason, comment);
        return null;
    }

    private Map<String, String> openingFields(String equipment) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("contactName", "Client contact " + number);
        fields.put("phone", "+38044" + (1000000 + random.nextInt(8999999)));
        fields.put("source", pick(SOURCES));
        fields.put("equipmentPreference", equipment);
        fields.put("clientType", pick(CLIENT_TYPES));
        return fields;
    }

    private Map<String, String> proposalFields(String equipment) {
        return Map.of("equipment", equipment, "amount", Integer.toString(20000 + random.nextInt(400) * 500),
                "installationAddress", "Kyiv, Industrialna St. " + (1 + random.nextInt(120)));
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
