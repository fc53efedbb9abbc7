package dev.hato.sms.loadtest.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time per process group from /proc, so a run can say how the shared cores were split between
 * the load generator, the service and PostgreSQL. Linux only; elsewhere every figure is zero.
 */
public final class ProcessCpu {

    /**
     * Cumulative CPU seconds of each group and of the whole machine (busy and total); {@code instances}
     * splits {@code service} by instance.
     */
    public record Reading(
            long nanoTime,
            double loadGenerator,
            double service,
            double postgres,
            double machineBusy,
            double machineTotal,
            Map<String, Double> instances) {}

    private static final double TICKS = 100.0;

    private final long loadGeneratorPid = ProcessHandle.current().pid();
    private final Supplier<Map<String, Long>> instances;
    // Each process's CPU ticks when last read. Groups add what their processes grew since, so a process
    // that exits (a PostgreSQL backend) or comes back under a new pid (a restarted instance) never takes
    // its share back out of the group's total.
    private final Map<Long, Long> seen = new HashMap<>();
    private final Map<String, Double> totals = new TreeMap<>();
    private double postgresTotal;

    public ProcessCpu(Supplier<Map<String, Long>> instances) {
        this.instances = instances;
    }

    public synchronized Reading read() {
        Map<Long, long[]> processes = processes();
        double loadGen = seconds(processes.get(loadGeneratorPid));
        for (Map.Entry<String, Long> instance : instances.get().entrySet()) {
            long[] process = processes.get(instance.getValue());
            if (process == null) {
                continue;
            }
            totals.merge(instance.getKey(), grown(instance.getValue(), process[0]), Double::sum);
        }
        double service =
                totals.values().stream().mapToDouble(Double::doubleValue).sum();
        for (Map.Entry<Long, long[]> e : processes.entrySet()) {
            if (e.getValue()[2] == 1) {
                postgresTotal += grown(e.getKey(), e.getValue()[0]);
            }
        }
        seen.keySet().retainAll(processes.keySet());
        double postgres = postgresTotal;
        double[] machine = machine();
        return new Reading(System.nanoTime(), loadGen, service, postgres, machine[0], machine[1], Map.copyOf(totals));
    }

    /** CPU seconds the process used since the last read (all of it, the first time it is seen). */
    private double grown(long pid, long ticks) {
        Long last = seen.put(pid, ticks);
        return (ticks - (last == null ? 0 : last)) / TICKS;
    }

    /** Processes whose name matches {@code pattern}, each under its own name ("gunicorn-1234"). */
    static Map<String, Long> pidsNamed(String pattern) {
        java.util.regex.Pattern name = java.util.regex.Pattern.compile(pattern);
        Map<String, Long> pids = new TreeMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> {
                        try {
                            String comm = Files.readString(p.resolve("comm"), StandardCharsets.US_ASCII)
                                    .strip();
                            if (name.matcher(comm).matches()) {
                                pids.put(
                                        comm + "-" + p.getFileName(),
                                        Long.parseLong(p.getFileName().toString()));
                            }
                        } catch (IOException | RuntimeException e) {
                            // the process ended while we looked
                        }
                    });
        } catch (IOException e) {
            return Map.of();
        }
        return pids;
    }

    /** pid -> {utime+stime ticks, ppid, isPostgres}. */
    private static Map<Long, long[]> processes() {
        Map<Long, long[]> result = new HashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> {
                        try {
                            String stat = Files.readString(p.resolve("stat"), StandardCharsets.US_ASCII);
                            int close = stat.lastIndexOf(')');
                            String name = stat.substring(stat.indexOf('(') + 1, close);
                            String[] f = stat.substring(close + 2).split(" ");
                            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                            result.put(
                                    Long.parseLong(p.getFileName().toString()),
                                    new long[] {ticks, Long.parseLong(f[1]), name.equals("postgres") ? 1 : 0});
                        } catch (IOException | RuntimeException e) {
                            // the process ended while we looked
                        }
                    });
        } catch (IOException e) {
            return Map.of();
        }
        return result;
    }

    private static double seconds(long[] process) {
        return process == null ? 0 : process[0] / TICKS;
    }

    private static double[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new double[] {(total - idle) / TICKS, total / TICKS};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, 0};
        }
    }
}
