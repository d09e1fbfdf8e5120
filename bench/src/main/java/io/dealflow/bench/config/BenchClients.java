package io.dealflow.bench.config;

import io.dealflow.api.access.ClientCredentialsTokens;

/**
 * Whom the bench calls as, with tokens of the local authorization server's demo clients (client credentials, each
 * token reused until shortly before it expires, so fetching them costs nothing measurable): commands as
 * {@code demo-integration}, the pipeline, reports and rebuilds as {@code dealflow-admin}.
 */
public record BenchClients(ClientCredentialsTokens integration, ClientCredentialsTokens admin) {

    static BenchClients of(String issuer) {
        return new BenchClients(ClientCredentialsTokens.demoClient(issuer, "demo-integration"),
                ClientCredentialsTokens.demoClient(issuer, "dealflow-admin"));
    }
}
