package dev.hato.sms.auth;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions stay in PostgreSQL (shared by every instance, surviving restarts), at a lower price per
 * request: session statements run without BEGIN/COMMIT round trips, and the last-access time is only
 * written when it moved by more than {@code sms.security.session-touch-interval}.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {

    /** Each session statement stands alone; a half-written login session is merely unauthenticated. */
    @Bean
    TransactionOperations springSessionTransactionOperations() {
        return TransactionOperations.withoutTransaction();
    }

    /** Declared here because the bean above would otherwise stop Boot from creating it. */
    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    /** Just outside Spring Session's filter: one session read per request instead of two for a refused one. */
    @Bean
    FilterRegistrationBean<SessionReadMemo> sessionReadMemo() {
        FilterRegistrationBean<SessionReadMemo> registration = new FilterRegistrationBean<>(new SessionReadMemo());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    @Bean
    static BeanPostProcessor throttleSessionTouches(
            @Value("${sms.security.session-touch-interval:60s}") Duration interval) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository repository
                        ? new TouchThrottlingSessionRepository(repository, interval)
                        : bean;
            }
        };
    }
}
