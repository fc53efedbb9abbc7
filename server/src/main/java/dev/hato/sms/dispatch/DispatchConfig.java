package dev.hato.sms.dispatch;

import dev.hato.sms.customer.Suppressions;
import dev.hato.sms.message.DispatcherPool;
import dev.hato.sms.message.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DispatchConfig {

    @Bean
    @ConditionalOnProperty(name = "sms.provider", havingValue = "sandbox", matchIfMissing = true)
    SandboxSmsProvider sandboxSmsProvider(SandboxProperties properties, Clock clock) {
        return new SandboxSmsProvider(properties, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "sms.provider", havingValue = "sns")
    SnsSmsProvider snsSmsProvider(SnsProperties properties) {
        return new SnsSmsProvider(properties);
    }

    @Bean
    @ConditionalOnProperty(name = "sms.provider", havingValue = "eum")
    EumSmsProvider eumSmsProvider(EumProperties properties) {
        return new EumSmsProvider(properties);
    }

    @Bean
    QueueMonitor queueMonitor(Outbox outbox, MeterRegistry registry) {
        return new QueueMonitor(outbox, registry);
    }

    @Bean
    HealthIndicator smsProviderHealthIndicator(SmsProvider provider, ObjectProvider<Dispatcher> dispatcher) {
        return DispatchHealth.provider(provider, dispatcher);
    }

    @Bean
    HealthIndicator dispatcherHealthIndicator(
            ObjectProvider<Dispatcher> dispatcher, QueueMonitor queue, DispatchProperties properties) {
        return DispatchHealth.dispatcher(dispatcher, queue, properties);
    }

    @Bean
    @ConditionalOnProperty(name = "sms.dispatch.enabled", havingValue = "true", matchIfMissing = true)
    Dispatcher dispatcher(
            @Qualifier(Outbox.DISPATCHER) Outbox outbox,
            DispatcherPool pool,
            SmsProvider provider,
            DispatchProperties properties,
            MeterRegistry registry,
            Suppressions suppressions,
            Clock clock) {
        return new Dispatcher(
                outbox,
                new RateLimiter(pool.jdbc(), properties.ratePerSecond()),
                provider,
                properties,
                registry,
                OptOuts.of(suppressions::suppressedAmong, suppressions::suppressByProvider),
                clock);
    }
}
