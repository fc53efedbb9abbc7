package dev.hato.sms.support;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.Extension;

/**
 * Registered for every test (JUnit's extension auto-detection, junit-platform.properties): when the test
 * JVM ends, however it ends (a failed test before its cleanup, Ctrl-C), every process it started and
 * that still runs is stopped: moto's server, a child service JVM, chromedriver and its Chromium.
 * PostgreSQL servers started through zonky stop through zonky's own hook.
 */
public final class ChildProcessReaper implements Extension {

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcessReaper::stopChildren, "stop-child-processes"));
    }

    private static void stopChildren() {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        children.forEach(ProcessHandle::destroy);
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                child.destroyForcibly();
            }
        }
    }
}
