package dev.hato.sms.support;

import dev.hato.sms.SmsApplication;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A further instance of the service in the test JVM, beside the shared test context or another one: on
 * a random port, with the given settings and, when given, a clock of the test's. Closing the context
 * stops it; the test JVM's exit stops any that a failed test left.
 */
public final class ServiceInstance {

    private ServiceInstance() {}

    /**
     * Starts an instance on {@code jdbcUrl} (user postgres; null: the embedded-database default) with
     * {@code args} as command-line settings, on a random port unless they name one.
     */
    public static ConfigurableApplicationContext start(
            @Nullable String jdbcUrl, @Nullable Clock clock, String... args) {
        List<String> all = new ArrayList<>();
        if (Arrays.stream(args).noneMatch(a -> a.startsWith("--server.port="))) {
            all.add("--server.port=0");
        }
        if (jdbcUrl != null) {
            all.addAll(List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres"));
        }
        // On every interface the service needs its host names; a test that sets server.address or the
        // names itself is about them.
        if (Arrays.stream(args)
                .noneMatch(a -> a.startsWith("--server.address=") || a.startsWith("--sms.security.allowed-hosts="))) {
            all.add("--sms.security.allowed-hosts=localhost,127.0.0.1");
        }
        // Every test logs in from 127.0.0.1, into databases other tests share: as in HttpTest, their failed
        // logins must not throttle this instance's logins. Tests about throttling set the limits themselves.
        if (Arrays.stream(args).noneMatch(a -> a.startsWith("--sms.security.login-throttle."))) {
            all.add("--sms.security.login-throttle.max-failures-per-address=1000");
        }
        all.addAll(List.of(args));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(SmsApplication.class);
        if (clock != null) {
            builder.initializers(context -> ((GenericApplicationContext) context)
                    .registerBean("testClock", Clock.class, () -> clock, definition -> definition.setPrimary(true)));
        }
        return builder.run(all.toArray(String[]::new));
    }

    public static String baseUrl(ConfigurableApplicationContext instance) {
        return "http://localhost:"
                + ((WebServerApplicationContext) instance).getWebServer().getPort();
    }
}
