package io.dealflow.api.id;

/** The one rule every id obeys: an id names something, so it is never null or blank. */
final class Ids {

    private Ids() {
    }

    static String requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was " + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }
}
