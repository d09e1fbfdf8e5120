package io.dealflow.platform.web;

import io.dealflow.platform.security.AccessRule;
import io.dealflow.platform.security.AccessTable;
import io.dealflow.platform.security.Role;
import io.dealflow.platform.security.Scope;
import io.dealflow.platform.testing.DemoClient;
import io.dealflow.platform.testing.TestAuthServer;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The test service is secured like every service: its endpoints may be called by role integration, and the test
 * client sends a real token of the test authorization server with every request.
 */
@Configuration(proxyBeanMethods = false)
class PlatformTestSecurity {

    @Bean
    AccessTable testEndpoints() {
        return AccessTable.of(
                rule("POST", "/api/test/orders"),
                rule("PATCH", "/api/test/orders/{id}"),
                rule("POST", "/api/test/orders/flaky"),
                rule("POST", "/api/test/orders/later"),
                rule("POST", "/api/test/orders/not-yet"),
                rule("POST", "/api/test/orders/refused"),
                rule("POST", "/api/test/orders/slow"),
                rule("POST", "/api/test/orders/async"),
                rule("POST", "/api/test/deals/{dealId}/stage"),
                rule("GET", "/api/test/deals/{dealId}"),
                rule("POST", "/api/test/deals/{dealId}/fields"),
                rule("POST", "/api/test/refusals/deals/{dealId}/stage"),
                rule("POST", "/api/test/refusals/wrapped/deals/{dealId}/stage"),
                rule("POST", "/api/test/refusals/forgotten"),
                rule("POST", "/api/test/refusals/due"),
                rule("POST", "/api/test/widgets"),
                rule("GET", "/api/test/widgets"),
                rule("GET", "/api/test/pages"),
                rule("GET", "/api/test/failure"),
                AccessRule.on("GET", "/api/test/actor").allow(Role.INTEGRATION, Role.HEAD).in(Scope.listing()));
    }

    @Bean
    RestTestClientBuilderCustomizer bearerToken() {
        return builder -> builder.defaultHeader(HttpHeaders.AUTHORIZATION,
                "Bearer " + TestAuthServer.shared().token(DemoClient.DEMO_INTEGRATION));
    }

    private static AccessRule rule(String method, String path) {
        return AccessRule.on(method, path).allow(Role.INTEGRATION).in(Scope.everything());
    }
}
