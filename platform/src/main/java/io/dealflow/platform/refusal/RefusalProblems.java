package io.dealflow.platform.refusal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A service's one table from refusal type to HTTP status (and, where the refusal's own slug is not the answer's,
 * to another problem type). The problem advice renders a {@link RefusedException} through the tables of the service
 * it runs in; a refusal no table names is a bug, answered as a server error.
 *
 * <p>Built with {@link #builder()}; {@link Builder#covering(Class)} makes the table name every record of a sealed
 * refusal type, so a new rule without a status fails at start-up rather than at its first refusal.
 */
public final class RefusalProblems {

    /** The status and problem type slug a refusal is answered with. */
    public record Answer(int status, String type) {
    }

    private final Map<Class<? extends Refusal>, Mapping> mappings;

    private RefusalProblems(Map<Class<? extends Refusal>, Mapping> mappings) {
        this.mappings = Collections.unmodifiableMap(new LinkedHashMap<>(mappings));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The answer to {@code refusal}, if this table maps its class or a type it implements. */
    public Optional<Answer> answerTo(Refusal refusal) {
        Mapping mapping = mappings.get(refusal.getClass());
        if (mapping == null) {
            mapping = mappings.entrySet().stream()
                    .filter(entry -> entry.getKey().isInstance(refusal))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        return Optional.ofNullable(mapping)
                .map(found -> new Answer(found.status(), found.type() == null ? refusal.type() : found.type()));
    }

    private record Mapping(int status, String type) {
    }

    public static final class Builder {

        private final Map<Class<? extends Refusal>, Mapping> mappings = new LinkedHashMap<>();
        private final List<Class<?>> covered = new ArrayList<>();

        private Builder() {
        }

        /** Answers {@code refusal} with {@code status} and the refusal's own problem type. */
        public Builder map(Class<? extends Refusal> refusal, int status) {
            return map(refusal, status, null);
        }

        /** Answers {@code refusal} with {@code status} and problem type {@code type}. */
        public Builder map(Class<? extends Refusal> refusal, int status, String type) {
            Objects.requireNonNull(refusal, "refusal");
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("A refusal is answered with a 4xx or 5xx status, not " + status);
            }
            if (mappings.putIfAbsent(refusal, new Mapping(status, type)) != null) {
                throw new IllegalArgumentException(refusal.getName() + " is mapped twice");
            }
            return this;
        }

        /** Requires the table to map every record of the sealed type {@code sealed} (checked by {@link #build()}). */
        public Builder covering(Class<? extends Refusal> sealed) {
            if (!sealed.isSealed()) {
                throw new IllegalArgumentException(sealed.getName() + " is not sealed");
            }
            covered.add(sealed);
            return this;
        }

        public RefusalProblems build() {
            List<String> unmapped = new ArrayList<>();
            for (Class<?> sealed : covered) {
                collectUnmapped(sealed, unmapped);
            }
            if (!unmapped.isEmpty()) {
                throw new IllegalStateException("No status for the refusals " + unmapped);
            }
            return new RefusalProblems(mappings);
        }

        private void collectUnmapped(Class<?> type, List<String> unmapped) {
            if (mappings.containsKey(type)) {
                return;
            }
            if (!type.isSealed()) {
                unmapped.add(type.getName());
                return;
            }
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collectUnmapped(permitted, unmapped);
            }
        }
    }
}
