package io.dealflow.platform.web;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@link PlatformTestApplication} on a random port with a {@code RestTestClient} bound to it. Every test class
 * uses the same settings, so they share one cached context. The body limit is lowered to keep oversized test
 * bodies small.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=platform-web-test",
                "dealflow.http.max-body-bytes=" + PlatformWebTest.MAX_BODY_BYTES,
                "dealflow.http.idempotency.in-flight-timeout=1m"})
@ContextConfiguration(initializers = WebTestDatabaseInitializer.class)
@AutoConfigureRestTestClient
public @interface PlatformWebTest {

    int MAX_BODY_BYTES = 4096;
}
