package dev.hato.sms.message;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The only place an {@link Outbox} is made: the service's (sends, figures) and the dispatcher's, on the
 * dispatcher's own pool. Whatever the outbox needs is given to both here.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfig {

    @Bean
    @Primary
    Outbox outbox(JdbcClient jdbc, Clock clock) {
        return new Outbox(jdbc, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "sms.dispatch.enabled", havingValue = "true", matchIfMissing = true)
    DispatcherPool dispatcherPool(DataSourceProperties dataSource, DispatcherPoolProperties properties) {
        return new DispatcherPool(
                dataSource.determineUrl(),
                dataSource.determineUsername(),
                dataSource.determinePassword(),
                properties.poolSize());
    }

    @Bean
    @Qualifier(Outbox.DISPATCHER)
    @ConditionalOnProperty(name = "sms.dispatch.enabled", havingValue = "true", matchIfMissing = true)
    Outbox dispatcherOutbox(DispatcherPool pool, Clock clock) {
        return new Outbox(pool.jdbc(), clock);
    }
}
