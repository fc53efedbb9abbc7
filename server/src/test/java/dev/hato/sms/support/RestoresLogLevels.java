package dev.hato.sms.support;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * For tests that run the command-line tasks in this JVM: the tasks set the root logger to WARN (in their
 * own JVM, that keeps their output short), and the logging system is one per JVM, so without this the
 * tests after them would log nothing below WARN (and a test reading its log lines would fail).
 */
public final class RestoresLogLevels implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RestoresLogLevels.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("levels", system().getLoggerConfigurations());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        List<LoggerConfiguration> before =
                (List<LoggerConfiguration>) context.getStore(NAMESPACE).get("levels");
        LoggingSystem system = system();
        for (LoggerConfiguration now : system.getLoggerConfigurations()) {
            LoggerConfiguration then = before.stream()
                    .filter(c -> c.getName().equals(now.getName()))
                    .findFirst()
                    .orElse(null);
            if (then == null || then.getConfiguredLevel() != now.getConfiguredLevel()) {
                system.setLogLevel(now.getName(), then == null ? null : then.getConfiguredLevel());
            }
        }
    }

    private static LoggingSystem system() {
        return LoggingSystem.get(RestoresLogLevels.class.getClassLoader());
    }
}
