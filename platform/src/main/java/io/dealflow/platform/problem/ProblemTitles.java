package io.dealflow.platform.problem;

/**
 * Derives a problem's title from its type slug, so that one type always has one title (RFC 9457 §3.1.3) and no
 * list of titles has to be kept in step with the list of types.
 */
public final class ProblemTitles {

    private ProblemTitles() {
    }

    /** {@code stage-skip-not-allowed} becomes {@code Stage skip not allowed}. */
    public static String forType(String slug) {
        String words = slug.replace('-', ' ').trim();
        if (words.isEmpty()) {
            return words;
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
