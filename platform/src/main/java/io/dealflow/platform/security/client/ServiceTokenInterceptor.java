package io.dealflow.platform.security.client;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;

import java.io.IOException;

/**
 * Sends the service's own client-credentials token with every call to another Dealflow service, through Spring
 * Security's {@link OAuth2ClientHttpRequestInterceptor}: fetched when first needed, reused until it expires, and
 * dropped when the other service answers 401, so the next call fetches a new one.
 *
 * <p>An issuer that cannot be reached is reported as an I/O failure of the call, which callers already treat as
 * "the other service is unavailable, try again later" rather than as a refusal.
 */
public final class ServiceTokenInterceptor implements ClientHttpRequestInterceptor {

    private final OAuth2ClientHttpRequestInterceptor tokens;

    ServiceTokenInterceptor(OAuth2ClientHttpRequestInterceptor tokens) {
        this.tokens = tokens;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        try {
            return tokens.intercept(request, body, execution);
        } catch (RuntimeException tokenFailure) {
            throw new IOException("Could not get an access token to call " + request.getURI() + ": "
                    + tokenFailure.getMessage(), tokenFailure);
        }
    }
}
