package io.dealflow.api.id;

/** A deal's id: a UUID deal-service or the caller chose, or derived from an import or a handoff. */
public record DealId(String value) {

    public DealId {
        Ids.requireNonBlank(value, "dealId");
    }

    public static DealId of(String value) {
        return new DealId(value);
    }

    /** The plain id, as it is written on the wire and in messages. */
    @Override
    public String toString() {
        return value;
    }
}
