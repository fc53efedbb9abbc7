package dev.hato.sms;

import dev.hato.sms.cli.CommandLineTasks;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Hato: the service, or one of its command-line tasks when the first argument names one. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SmsApplication {

    public static void main(String[] args) {
        if (CommandLineTasks.isTask(args)) {
            System.exit(CommandLineTasks.run(args, SmsApplication.class));
        }
        SpringApplication.run(SmsApplication.class, args);
    }

    /**
     * The one clock of every time rule (send-limit windows, cache lifetimes, session lifetime, token
     * lifetime, retention, login-throttle windows, backoff, outage pauses): tests move a clock of their
     * own instead of waiting for the wall clock.
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Samplers, purges and evictions run in the service only; a command-line task turns them off. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "sms.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    @EnableScheduling
    static class Scheduling {}
}
