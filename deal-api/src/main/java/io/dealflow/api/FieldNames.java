package io.dealflow.api;

import java.util.regex.Pattern;

/**
 * What a deal field's name may be: the same rule where a pipeline requires a field, where a client sets one and where
 * an import's column names one, so a name accepted in one place is never refused in another.
 */
public final class FieldNames {

    /** For {@code @Pattern(regexp = ...)}; 1-64 characters. */
    public static final String PATTERN = "[A-Za-z][A-Za-z0-9_]{0,63}";
    public static final String MESSAGE = "field names are 1-64 letters, digits or '_', starting with a letter";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private FieldNames() {
    }

    public static boolean isValid(String name) {
        return name != null && COMPILED.matcher(name).matches();
    }
}
