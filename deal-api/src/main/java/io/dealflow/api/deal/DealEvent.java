package io.dealflow.api.deal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Every fact about a deal. Each event names the pipeline version it happened under (R10) and who caused it.
 * The {@code type} names below are part of the published contract: a changed shape is a new type, never an edit.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DealOpened.class, name = "DealOpened"),
        @JsonSubTypes.Type(value = DealFieldsUpdated.class, name = "DealFieldsUpdated"),
        @JsonSubTypes.Type(value = DealStageChanged.class, name = "DealStageChanged"),
        @JsonSubTypes.Type(value = DealManagerReassigned.class, name = "DealManagerReassigned"),
        @JsonSubTypes.Type(value = DealTagged.class, name = "DealTagged"),
        @JsonSubTypes.Type(value = DealUntagged.class, name = "DealUntagged"),
        @JsonSubTypes.Type(value = DealDocumentAttached.class, name = "DealDocumentAttached"),
        @JsonSubTypes.Type(value = DealWon.class, name = "DealWon"),
        @JsonSubTypes.Type(value = DealLost.class, name = "DealLost")
})
public sealed interface DealEvent
        permits DealOpened, DealFieldsUpdated, DealStageChanged, DealManagerReassigned, DealTagged, DealUntagged,
        DealDocumentAttached, DealWon, DealLost {

    String dealId();

    String pipelineId();

    int pipelineVersion();

    /** Who caused the event: a user id, or {@code system:<service>} for automatic actions. */
    String actor();

    /** The contract name of the event, e.g. {@code DealStageChanged}. */
    default String eventType() {
        return getClass().getSimpleName();
    }
}
