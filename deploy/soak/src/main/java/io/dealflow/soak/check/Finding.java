package io.dealflow.soak.check;

/**
 * One thing a check found wrong: which check, which kind of wrong ({@code missing}, {@code duplicated},
 * {@code out-of-order}, {@code differs}, ...), the deal or report it is about, and what exactly.
 */
public record Finding(String check, String kind, String subject, String detail) {

    @Override
    public String toString() {
        return check + " " + kind + " " + subject + ": " + detail;
    }
}
