package io.dealflow.platform.web.client;

import io.dealflow.api.json.DealflowJson;
import io.dealflow.platform.web.ServiceClients;
import io.dealflow.platform.web.ServiceEndpoint;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Calls another Dealflow service: bounded connect and read times ({@link ServiceClients}), every answer read into a
 * {@link CallOutcome} by {@link CallOutcomes}, and one retry policy (Resilience4j) for the outcomes worth trying
 * again: {@code attempts} tries, pausing {@code firstBackoff}, then twice as long each time. What is still
 * retryable after the last try is the caller's to schedule (a handoff's next attempt, the next scan).
 *
 * <p>A retried call is sent exactly as the first, idempotency key included: the callers make every call safe to
 * repeat (a derived id, a key, a rule that refuses the second time).
 */
public final class ServiceCaller {

    private static final Logger log = LoggerFactory.getLogger(ServiceCaller.class);

    private final String service;
    private final RestClient http;
    private final RetryConfig retryPolicy;

    /** @param service the peer's name, as failures name it ({@code deal-service-unreachable}) */
    public ServiceCaller(String service, ServiceEndpoint endpoint, ClientHttpRequestInterceptor... interceptors) {
        this.service = service;
        this.http = ServiceClients.restClient(endpoint, interceptors);
        this.retryPolicy = RetryConfig.<CallOutcome<?>>custom()
                .maxAttempts(Math.max(1, endpoint.getAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(endpoint.getFirstBackoff(), 2.0))
                .retryOnResult(CallOutcome::retryable)
                .build();
    }

    /**
     * @param request  the request on this service's client, e.g. {@code http -> http.get().uri("/api/v1/deals/{id}", id)}
     * @param bodyType what a success answers
     */
    public <T> CallOutcome<T> call(String name, Function<RestClient, RestClient.RequestHeadersSpec<?>> request,
                                   Class<T> bodyType) {
        Retry retry = Retry.of(service + " " + name, retryPolicy);
        retry.getEventPublisher().onRetry(event -> log.debug("{}: try {} after {}", event.getName(),
                event.getNumberOfRetryAttempts() + 1, event.getWaitInterval()));
        Supplier<CallOutcome<T>> once = () -> once(request, bodyType);
        return Retry.decorateSupplier(retry, once).get();
    }

    private <T> CallOutcome<T> once(Function<RestClient, RestClient.RequestHeadersSpec<?>> request,
                                    Class<T> bodyType) {
        try {
            return request.apply(http).exchange((sent, response) -> {
                int status = response.getStatusCode().value();
                byte[] body = response.getBody().readAllBytes();
                return CallOutcomes.of(status, () -> RemoteProblem.parse(status, body),
                        () -> DealflowJson.mapper().readValue(body, bodyType));
            });
        } catch (RestClientException e) {
            return new CallOutcome.Unavailable<>(RemoteProblem.unreachable(service, e.getMessage()));
        } catch (RuntimeException unreadable) {
            // a success whose body does not read as the contract says: nothing to act on, so ask again later
            return new CallOutcome.Unavailable<>(new RemoteProblem(0, RemoteProblem.UNREADABLE,
                    service + " answered what could not be read: " + unreadable.getMessage(), null));
        }
    }
}
