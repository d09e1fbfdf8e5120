package io.dealflow.api.id;

/** A person's id as the identity provider names them: a deal's manager, a handoff's receiver. */
public record PersonId(String value) {

    public PersonId {
        Ids.requireNonBlank(value, "personId");
    }

    public static PersonId of(String value) {
        return new PersonId(value);
    }

    /** The plain id, as it is written on the wire and in messages. */
    @Override
    public String toString() {
        return value;
    }
}
