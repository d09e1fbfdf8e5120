package io.dealflow.bench.config;

import java.net.URI;

/**
 * The running system: its four services, the broker, the PostgreSQL server its databases live on and the
 * authorization server whose tokens the bench calls with.
 *
 * @param dealManagementUrl deal-service's management port (its Prometheus metrics), for the import's heap
 */
public record Target(String dealUrl, String taskUrl, String analyticsUrl, String kafka, String postgresUrl,
                     String dbPrefix, String dbUser, String dbPassword, String analyticsConsumerGroup,
                     String authUrl, BenchClients clients, String dealManagementUrl) {

    static Target from(Settings settings) {
        String authUrl = settings.text("bench.auth.url", "http://127.0.0.1:9000");
        return new Target(
                settings.text("bench.deal.url", "http://127.0.0.1:8081"),
                settings.text("bench.task.url", "http://127.0.0.1:8082"),
                settings.text("bench.analytics.url", "http://127.0.0.1:8084"),
                settings.text("bench.kafka", "127.0.0.1:9092"),
                settings.text("bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/"),
                settings.text("bench.db.prefix", "dealflow"),
                settings.text("bench.db.user", "postgres"),
                settings.text("bench.db.password", ""),
                // analytics-service's deal listener id (ProjectionListeners.DEALS), which Spring Kafka uses as its group
                settings.text("bench.analytics.consumer-group", "analytics-service-deals"),
                authUrl, BenchClients.of(authUrl),
                settings.text("bench.deal.management.url", "http://127.0.0.1:9081"));
    }

    /** @param database a database of the PostgreSQL server, by its full name */
    public String jdbcUrl(String database) {
        return postgresUrl + database;
    }

    /** @param service {@code deal}, {@code task}, {@code handoff} or {@code analytics} */
    public String serviceDatabase(String service) {
        return dbPrefix + "_" + service;
    }

    public int dealPort() {
        return URI.create(dealUrl).getPort();
    }
}
