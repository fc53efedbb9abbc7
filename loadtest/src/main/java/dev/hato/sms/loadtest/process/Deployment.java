package dev.hato.sms.loadtest.process;

import java.util.Map;

/**
 * What a capacity run targets: the address it sends to, and which local processes are the service
 * (for the CPU split). One instance on the embedded database, several behind HAProxy, or a service
 * elsewhere (-Dhost) whose processes this machine cannot see.
 */
public interface Deployment extends AutoCloseable {

    String baseUrl();

    /** Instance name to its current process id; empty when the service runs elsewhere. */
    Map<String, Long> pids();

    @Override
    default void close() throws Exception {}

    /**
     * A service this command did not start. When it runs on this machine, {@code -DserviceProcess} (a
     * regular expression on the process name, e.g. {@code gunicorn} or {@code java}) says which
     * processes are the service, so the CPU split still names its share.
     */
    static Deployment external(String baseUrl, String pattern) {
        return new Deployment() {
            @Override
            public String baseUrl() {
                return baseUrl;
            }

            @Override
            public Map<String, Long> pids() {
                return pattern.isEmpty() ? Map.of() : ProcessCpu.pidsNamed(pattern);
            }
        };
    }
}
