package io.dealflow.platform.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal service for platform's HTTP tests: the platform auto-configurations plus the controllers of this
 * package, on a database of its own ({@link WebTestDatabaseInitializer}).
 */
@SpringBootApplication
public class PlatformTestApplication {
}
