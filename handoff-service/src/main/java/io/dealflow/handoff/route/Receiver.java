package io.dealflow.handoff.route;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/** Who receives handed-off deals: one fixed person, or the members of the receiving department in turn. */
public record Receiver(Mode mode, String person, List<String> members) {

    public Receiver {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public static Receiver roundRobin(List<String> members) {
        return new Receiver(Mode.ROUND_ROBIN, null, members);
    }

    /**
     * The person who receives the next deal: the fixed one, or the member whose turn it is. Empty when nobody is
     * named, and then no turn is taken. {@code nextTurn} counts the deals this route has handed to its members
     * (0, 1, 2, ...), so the members take them in order, starting over after the last.
     */
    public Optional<String> pick(LongSupplier nextTurn) {
        if (mode == Mode.FIXED) {
            return Optional.ofNullable(person).filter(named -> !named.isBlank());
        }
        if (members.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(members.get((int) (nextTurn.getAsLong() % members.size())));
    }

    public enum Mode {
        FIXED,
        ROUND_ROBIN
    }
}
