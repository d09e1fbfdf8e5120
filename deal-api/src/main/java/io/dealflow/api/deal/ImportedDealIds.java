package io.dealflow.api.deal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An imported deal's id (DESIGN §7) is a name-based UUID of its pipeline and {@code externalRef}: the same deal
 * imported twice is the same aggregate, and the event store's unique (aggregate, sequence) key refuses its second
 * history. No table of imported references is needed, two instances importing the same file at once cannot both
 * succeed, and a client finds its imported deal from the reference it exported.
 */
public final class ImportedDealIds {

    private ImportedDealIds() {
    }

    public static String of(String pipelineId, String externalRef) {
        return UUID.nameUUIDFromBytes(("dealflow-import\n" + pipelineId + "\n" + externalRef)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
