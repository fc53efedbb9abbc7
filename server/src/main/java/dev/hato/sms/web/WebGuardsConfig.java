package dev.hato.sms.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JacksonModule;

/** Guards every request shares: body limit, problem JSON from filters and from Tomcat, no NUL in JSON text. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebGuardsConfig {

    @Bean
    FilterRegistrationBean<RequestGuardFilter> requestGuardFilter(
            ProblemWriter problems,
            @Value("${sms.web.max-request-body:64KB}") DataSize maxBody,
            java.util.List<UploadLimit> uploads) {
        FilterRegistrationBean<RequestGuardFilter> registration =
                new FilterRegistrationBean<>(new RequestGuardFilter(problems, maxBody.toBytes(), uploads));
        // Right after the request id, before sessions and security, so their failures are caught too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonFromTomcat() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    JacksonModule textWithoutNul() {
        return NulFreeText.module();
    }
}
