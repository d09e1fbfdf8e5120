package io.dealflow.handoff.route;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Keeps the round-robin position of each route, shared by every instance; {@link Receiver#pick} is the rule. */
@Component
public class ReceiverSelector {

    private final JdbcClient jdbc;

    ReceiverSelector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the route names nobody: the handoff is then kept as failed, for a person to sort out. */
    public Optional<String> next(Route route) {
        Receiver receiver = route.receiver();
        if (receiver == null) {
            return Optional.empty();
        }
        return receiver.pick(() -> jdbc.sql("""
                        INSERT INTO receiver_cursors (route, next_index) VALUES (:route, 1)
                        ON CONFLICT (route) DO UPDATE SET next_index = receiver_cursors.next_index + 1
                        RETURNING next_index - 1""")
                .param("route", route.name()).query(Long.class).single());
    }
}
