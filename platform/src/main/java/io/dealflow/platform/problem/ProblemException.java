package io.dealflow.platform.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A refusal that the HTTP layer turns into an RFC 9457 problem: the {@linkplain #type() type} slug (one of
 * {@code io.dealflow.api.ProblemTypes}) tells clients what went wrong, the message becomes the {@code detail}
 * and tells a human what to do about it.
 *
 * <p>Deliberately free of Spring, so that domain code (aggregates, policies) can throw it directly.
 */
public abstract class ProblemException extends RuntimeException {

    /** Members that RFC 9457 defines itself; extension members must not shadow them. */
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties;

    protected ProblemException(int status, String type, String detail, Map<String, Object> properties) {
        this(status, type, ProblemTitles.forType(type), detail, properties);
    }

    protected ProblemException(int status, String type, String title, String detail, Map<String, Object> properties) {
        super(Objects.requireNonNull(detail, "detail"));
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("A problem needs a type slug");
        }
        this.status = status;
        this.type = type;
        this.title = Objects.requireNonNull(title, "title");
        this.properties = copyOf(properties);
    }

    private static Map<String, Object> copyOf(Map<String, Object> properties) {
        if (properties == null || properties.isEmpty()) {
            return Map.of();
        }
        for (String name : properties.keySet()) {
            if (STANDARD_MEMBERS.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is a standard problem member, not an extension");
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The problem type slug, e.g. {@code stage-skip-not-allowed}. */
    public String type() {
        return type;
    }

    /** A short summary that is the same for every occurrence of this type. */
    public String title() {
        return title;
    }

    /** What happened in this occurrence and what the client can do about it. */
    public String detail() {
        return getMessage();
    }

    /** Extension members, rendered as top-level members of the problem, in insertion order. */
    public Map<String, Object> properties() {
        return properties;
    }
}
