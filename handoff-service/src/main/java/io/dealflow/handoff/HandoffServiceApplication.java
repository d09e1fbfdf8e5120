package io.dealflow.handoff;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HandoffServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(HandoffServiceApplication.class, args);
    }
}
