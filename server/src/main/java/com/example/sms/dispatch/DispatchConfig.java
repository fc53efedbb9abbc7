package com.example.sms.dispatch;

import com.example.sms.message.MessageAccepted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;

@Configuration(proxyBeanMethods = false)
class DispatchConfig {

    @Bean
    @ConditionalOnProperty(name = "sms.provider", havingValue = "sandbox", matchIfMissing = true)
    SandboxSmsProvider sandboxSmsProvider(SandboxProperties properties) {
        return new SandboxSmsProvider(properties);
    }

    @Bean
    @ConditionalOnProperty(name = "sms.provider", havingValue = "sns")
    SnsSmsProvider snsSmsProvider(SnsProperties properties) {
        return new SnsSmsProvider(properties);
    }

    @Bean
    Outbox outbox(JdbcClient jdbc) {
        return new Outbox(jdbc);
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
            Outbox outbox,
            JdbcClient jdbc,
            SmsProvider provider,
            DispatchProperties properties,
            MeterRegistry registry) {
        return new Dispatcher(
                outbox, new RateLimiter(jdbc, properties.ratePerSecond()), provider, properties, registry);
    }

    @Bean
    AcceptedMessages acceptedMessages(MeterRegistry registry, ObjectProvider<Dispatcher> dispatcher) {
        return new AcceptedMessages(
                Counter.builder("sms.messages.accepted")
                        .description("Messages stored as queued by POST /api/sms/send")
                        .register(registry),
                dispatcher);
    }

    /** Counts accepted messages and wakes the local dispatcher once the send has committed. */
    static final class AcceptedMessages {
        private final Counter accepted;
        private final ObjectProvider<Dispatcher> dispatcher;

        AcceptedMessages(Counter accepted, ObjectProvider<Dispatcher> dispatcher) {
            this.accepted = accepted;
            this.dispatcher = dispatcher;
        }

        @TransactionalEventListener
        void onAccepted(MessageAccepted event) {
            accepted.increment();
            dispatcher.ifAvailable(Dispatcher::wake);
        }
    }
}
