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

    /**
     * Opens {@code request} (a sales deal) and walks it to {@code WON} with everything the stages ask for and an
     * attachment, through deal-service; fails the test on any refusal. Returns the deal's id.
     */
    public static String winSalesDeal(HttpApi deals, Map<String, Object> request) {
        String dealId = deals.openDeal(request);
        String deal = "/api/v1/deals/" + dealId;
        ok(deals.patch(deal + "/fields", Map.of("equipmentCategories", "lathes"), h -> {
        }));
        ok(deals.post(deal + "/stage", stage("needs-identified")));
        ok(deals.post(deal + "/stage", stage("finance-legal-check")));
        ok(deals.post(deal + "/stage", stage("proposal")));
        ok(deals.patch(deal + "/fields", Map.of("equipment", "CNC lathe TK-200", "amount", "125000",
                "installationAddress", "Київ, вул. Садова, 1"), h -> {
        }));
        ok(deals.post(deal + "/attachments", Map.of("name", "Комерційна пропозиція", "uri", "s3://docs/offer.pdf",
                "contentType", "application/pdf")));
        ok(deals.post(deal + "/stage", stage("proposal-sent")));
        ok(deals.post(deal + "/won", null));
        return dealId;
    }

    private static void ok(ApiResponse response) {
        if (response.status() != 200) {
            throw new AssertionError("Expected 200, got " + response.status() + ": " + response.body());
        }
    }
}
