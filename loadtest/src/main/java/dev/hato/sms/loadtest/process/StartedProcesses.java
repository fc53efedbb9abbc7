package dev.hato.sms.loadtest.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * Everything a run or a test started outside this JVM (service instances, PostgreSQL, HAProxy, moto),
 * stopped by one shutdown hook when nobody stopped it first: a run that fails half-way, a failed
 * assertion before a {@code close}, a missing program, Ctrl-C. The hook is the one piece of JVM-wide
 * state here, because a shutdown hook is JVM-wide by nature; each process is still stopped by its
 * owner's {@code close} in the normal case, which removes it from the list.
 */
final class StartedProcesses {

    /** A way to stop one started thing; {@link #stop()} is idempotent. */
    interface Stop {
        void stop() throws Exception;
    }

    private static final ConcurrentLinkedDeque<Stop> RUNNING = new ConcurrentLinkedDeque<>();
    /** Set when the JVM starts to exit: whatever is started from then on is stopped at once. */
    private static volatile boolean exiting;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(StartedProcesses::stopAll, "stop-started-processes"));
    }

    private StartedProcesses() {}

    /** Starts {@code builder}'s process; at JVM exit it and its descendants are stopped if still running. */
    static Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        RUNNING.push(new Stop() {
            @Override
            public void stop() {
                stopTree(process);
            }
        });
        if (exiting) {
            // The JVM is exiting (Ctrl-C while a restart was starting an instance): not one more process.
            stopAll();
            throw new IllegalStateException("not started: the JVM is exiting");
        }
        return process;
    }

    /** Where program {@code name} is installed: on PATH, else in one of {@code moreDirs}. */
    static java.util.Optional<java.nio.file.Path> installed(String name, String... moreDirs) {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(
                                System.getenv().getOrDefault("PATH", "").split(":")),
                        java.util.stream.Stream.of(moreDirs))
                .filter(d -> !d.isBlank())
                .map(d -> java.nio.file.Path.of(d, name))
                .filter(java.nio.file.Files::isExecutable)
                .findFirst();
    }

    /** Registers a stop for something that detaches from this JVM (pg_ctl's server); returns it. */
    static Stop onExit(Stop stop) {
        RUNNING.push(stop);
        if (exiting) {
            stopAll();
        }
        return stop;
    }

    /** Forgets a stop its owner has carried out. */
    static void done(Stop stop) {
        RUNNING.remove(stop);
    }

    /** SIGTERM to the process and its descendants, then SIGKILL to whatever is still there after 20 s. */
    static void stopTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        Collections.reverse(tree);
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    private static void stopAll() {
        exiting = true;
        for (Stop stop; (stop = RUNNING.poll()) != null; ) {
            try {
                stop.stop();
            } catch (Exception | Error e) {
                System.err.println("capacity: could not stop a started process at exit: " + e);
            }
        }
        // Anything else still a child of this JVM (started by a library, such as Locust in a test).
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
    }
}
