package dev.hato.sms.auth;

import dev.hato.sms.web.ProblemWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

@Configuration(proxyBeanMethods = false)
class AuthConfig {

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<HostCheckFilter> hostCheckFilter(
            SecurityProperties properties, ProblemWriter problems, Environment environment) {
        AllowedHosts allowed = AllowedHosts.of(properties.allowedHosts(), environment.getProperty("server.address"));
        FilterRegistrationBean<HostCheckFilter> registration =
                new FilterRegistrationBean<>(new HostCheckFilter(allowed, problems));
        // After the request guard (which turns failures into problem JSON), before sessions and security.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        return new HatoPasswordEncoder(properties.bcryptStrength());
    }
}
