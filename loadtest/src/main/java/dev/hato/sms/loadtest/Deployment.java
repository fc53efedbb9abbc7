package dev.hato.sms.loadtest;

import java.util.Map;

/**
 * What a capacity run targets: the address it sends to, and which local processes are the service
 * (for the CPU split). One instance on the embedded database, several behind HAProxy, or a service
 * elsewhere (-Dhost) whose processes this machine cannot see.
 */
interface Deployment extends AutoCloseable {

    String baseUrl();

    /** Instance name to its current process id; empty when the service runs elsewhere. */
    Map<String, Long> pids();

    /** Requests each instance answered so far, as the load balancer counted them; empty for one instance. */
    default Map<String, Long> requestsPerInstance() {
        return Map.of();
    }

    @Override
    default void close() throws Exception {}

    static Deployment external(String baseUrl) {
        return new Deployment() {
            @Override
            public String baseUrl() {
                return baseUrl;
            }

            @Override
            public Map<String, Long> pids() {
                return Map.of();
            }
        };
    }
}
