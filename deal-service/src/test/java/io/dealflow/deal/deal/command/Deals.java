package io.dealflow.deal.deal.command;

import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.deal.Direction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Object Mother for deals in the demo pipelines. */
final class Deals {

    static final String DEAL_ID = "3f1c2b9e-5d7a-4e8f-9a10-1b2c3d4e5f60";
    static final String MANAGER = "olena";
    static final String ACTOR = "olena";

    private Deals() {
    }

    /** What the first sales stage requires, with a phone as the one-of contact. */
    static Map<String, String> salesContact() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("contactName", "Іван Петренко");
        fields.put("phone", "+380 44 123 4567");
        fields.put("source", "web form");
        fields.put("equipmentPreference", "CNC lathe");
        fields.put("clientType", "manufacturer");
        return fields;
    }

    /** What "Proposal sent" and the contracts pipeline's first stage require. */
    static Map<String, String> proposalFields() {
        return Map.of("equipment", "CNC lathe TK-200", "amount", "125000", "installationAddress", "Kyiv, Sadova 1");
    }

    static OpenDealCommand openSalesDeal(Map<String, String> fields) {
        return new OpenDealCommand(DEAL_ID, "sales", "Токарний верстат для заводу", MANAGER, fields, List.of("vip"),
                "crm-42", null, null, ACTOR);
    }

    static DealOpened salesDealOpened() {
        return salesDealOpened(salesContact());
    }

    static DealOpened salesDealOpened(Map<String, String> fields) {
        return new DealOpened(DEAL_ID, "sales", 1, ACTOR, "Токарний верстат для заводу", MANAGER, "new-inquiry",
                fields, List.of("vip"), "crm-42", null, null);
    }

    static DealOpened openedIn(String pipelineId, String stageId, Map<String, String> fields) {
        return new DealOpened(DEAL_ID, pipelineId, 1, ACTOR, "Deal", MANAGER, stageId, fields, List.of(), null, null,
                null);
    }

    static DealStageChanged forward(String pipelineId, String from, String to) {
        return new DealStageChanged(DEAL_ID, pipelineId, 1, ACTOR, from, to, Direction.FORWARD, List.of(), null,
                MANAGER);
    }

    static MoveDealToStageCommand moveTo(String stageId, String reason) {
        return new MoveDealToStageCommand(DEAL_ID, null, stageId, reason, ACTOR);
    }

    static Map<String, String> merged(Map<String, String> first, Map<String, String> second) {
        Map<String, String> all = new LinkedHashMap<>(first);
        all.putAll(second);
        return all;
    }
}
