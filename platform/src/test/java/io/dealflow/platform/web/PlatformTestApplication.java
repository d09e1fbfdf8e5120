package io.dealflow.platform.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal service for platform's HTTP tests: the platform auto-configurations plus the controllers of this
 * package, on a database of its own ({@link WebTestDatabaseInitializer}).
 */
// Axon is on platform's test classpath only for platform's optional Axon plumbing (a service without Axon never
// has it); its auto-configurations would start an Axon application here.
@SpringBootApplication(excludeName = {
        "io.dealflow.platform.axon.AxonOnPostgresAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonServerActuatorAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration",
        "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration",
        "org.axonframework.springboot.autoconfig.InfraConfiguration",
        "org.axonframework.springboot.autoconfig.InterceptorAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        "org.axonframework.springboot.autoconfig.MetricsAutoConfiguration",
        "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration",
        "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
        "org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration",
        "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
        "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration",
        "org.axonframework.springboot.autoconfig.XStreamAutoConfiguration"})
public class PlatformTestApplication {
}
