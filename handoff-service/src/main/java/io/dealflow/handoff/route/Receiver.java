package io.dealflow.handoff.route;

import java.util.List;

/** Who receives handed-off deals: one fixed person, or the members of the receiving department in turn. */
public record Receiver(Mode mode, String person, List<String> members) {

    public Receiver {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public static Receiver roundRobin(List<String> members) {
        return new Receiver(Mode.ROUND_ROBIN, null, members);
    }

    public enum Mode {
        FIXED,
        ROUND_ROBIN
    }
}
