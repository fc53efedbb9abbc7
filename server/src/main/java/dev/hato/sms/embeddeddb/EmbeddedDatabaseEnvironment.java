package dev.hato.sms.embeddeddb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL before anything else when no datasource URL is configured, so that
 * Flyway, Spring Session and the connection pool all see an ordinary {@code spring.datasource.url}.
 * It has to happen this early: every datasource consumer is auto-configured from the environment.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "embeddedPostgres";

    private final Log log;

    public EmbeddedDatabaseEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedDatabaseEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url");
        if (StringUtils.hasText(url)) {
            log.info("Database: external PostgreSQL at " + redact(url) + " (nothing embedded is started)");
            return;
        }
        Path dataDir = Path.of(environment.getProperty("sms.embedded-db.data-dir", "./data/postgres"))
                .toAbsolutePath()
                .normalize();
        int port = environment.getProperty("sms.embedded-db.port", Integer.class, 0);
        EmbeddedDatabase database;
        try {
            Files.createDirectories(dataDir.getParent());
            database = EmbeddedDatabase.start(dataDir, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
        log.info("Database: embedded PostgreSQL " + database.version() + " on port " + database.port() + ", data in "
                + dataDir);
        Map<String, Object> settings = new HashMap<>(Map.of(
                "spring.datasource.url",
                database.jdbcUrl(),
                "spring.datasource.username",
                EmbeddedDatabase.APP_USER,
                "spring.datasource.password",
                database.appPassword(),
                "sms.embedded-db.active",
                "true"));
        if (!StringUtils.hasText(environment.getProperty("server.address"))) {
            // A laptop default with a well-known demo login must not be reachable from the network.
            settings.put("server.address", "127.0.0.1");
            log.info("Listening on 127.0.0.1 only (embedded database default); set server.address to expose it");
        }
        String address = (String) settings.getOrDefault("server.address", environment.getProperty("server.address"));
        if (isLoopback(address)) {
            settings.put("sms.embedded-db.on-loopback", "true");
        }
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, settings));
        application.addInitializers(context -> {
            // Registered before every other bean, so it is destroyed after the pool and the dispatcher.
            context.getBeanFactory().registerSingleton("embeddedDatabase", database);
            ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                    .registerDisposableBean("embeddedDatabase", database);
        });
    }

    private static String redact(String url) {
        return url.replaceAll("password=[^&;]*", "password=***");
    }

    private static boolean isLoopback(String address) {
        try {
            return StringUtils.hasText(address)
                    && java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
