package io.dealflow.platform.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Object Mother for REST request bodies against the demo pipelines. */
public final class DemoDeals {

    private DemoDeals() {
    }

    public static Map<String, Object> salesDealWithContact() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("pipelineId", "sales");
        request.put("title", "Токарний верстат для «Завод Прогрес» — 3 шт.");
        request.put("managerId", "olena");
        request.put("fields", new LinkedHashMap<>(Map.of(
                "contactName", "Іван Петренко",
                "phone", "+380 44 123 4567",
                "source", "web form",
                "equipmentPreference", "CNC lathe",
                "clientType", "manufacturer")));
        request.put("tags", List.of("vip"));
        request.put("externalRef", "crm-42");
        return request;
    }

    public static Map<String, Object> stage(String stageId) {
        return Map.of("stageId", stageId);
    }

    public static Map<String, Object> stage(String stageId, String reason) {
        return Map.of("stageId", stageId, "reason", reason);
    }
}
