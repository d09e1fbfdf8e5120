package io.dealflow.deal.imports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which deals the event store holds already, asked once for a whole batch of an import: a second import of the
 * same file then skips its deals without deciding them, and a batch is never failed by its own repeats.
 */
@Component
class StoredDeals {

    private final JdbcClient jdbc;

    StoredDeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> among(Collection<String> dealIds) {
        if (dealIds.isEmpty()) {
            return Set.of();
        }
        // sequence 0 is the deal's opening; the store's unique (aggregate, sequence) index answers this
        return new HashSet<>(jdbc.sql("""
                        SELECT aggregateidentifier FROM domainevententry
                        WHERE aggregateidentifier = ANY(:ids) AND sequencenumber = 0""")
                .param("ids", dealIds.toArray(String[]::new))
                .query(String.class)
                .list());
    }
}
