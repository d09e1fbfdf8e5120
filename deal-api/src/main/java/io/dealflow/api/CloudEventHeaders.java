package io.dealflow.api;

/** Kafka header names of the CloudEvents Kafka protocol binding (binary content mode), plus our trace headers. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    /** CloudEvents extension attributes: the command that caused the event and the conversation it belongs to. */
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CAUSATION_ID = "ce_causationid";

    /**
     * {@code true} on an event of a deal history imported from another CRM (DESIGN §7), absent on live events, so a
     * consumer can tell without parsing the value.
     */
    public static final String IMPORTED = "dealflow_imported";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /** {@code dealflow.deal.DealStageChanged.v1}: the CloudEvents type of a published event. */
    public static String type(String context, String eventName, int version) {
        return "dealflow." + context + "." + eventName + ".v" + version;
    }
}
