package io.dealflow.dealclient;

import java.util.List;
import java.util.Map;

/** An {@code OpenDeal} body of deal-service's REST API (docs/rest.md); {@code origin*} for a handed-off deal. */
public record OpenDeal(String pipelineId, String title, String managerId, Map<String, String> fields,
                       List<String> tags, String externalRef, String originDealId, String originManagerId) {
}
