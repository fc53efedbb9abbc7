package dev.hato.sms.loadtest.measure;

import dev.hato.sms.loadtest.config.RunConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine and JDKs a figure was measured on: a benchmark without them means little. */
public final class Environment {

    private Environment() {}

    public static Map<String, Object> describe(RunConfig config) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("load_generator_jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        env.put("service_java", config.serviceJava() == null ? "same as the load generator" : config.serviceJava());
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("cpu", cpuModel());
        env.put("memory_gib", memoryGib());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return env;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static long memoryGib() {
        try {
            String line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
            return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
        } catch (Exception e) {
            return -1;
        }
    }
}
