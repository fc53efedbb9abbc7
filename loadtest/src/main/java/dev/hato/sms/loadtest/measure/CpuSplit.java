package dev.hato.sms.loadtest.measure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Average cores each process group used over a run: the load generator, the service, PostgreSQL, the rest. */
public record CpuSplit(double loadGenerator, double service, double postgres, double other) {

    static CpuSplit averageOf(List<ServerSampler.Sample> samples) {
        double generator = 0;
        double service = 0;
        double postgres = 0;
        double other = 0;
        for (ServerSampler.Sample s : samples) {
            generator += s.loadGeneratorCores();
            service += s.serviceCores();
            postgres += s.postgresCores();
            other += s.otherCores();
        }
        int n = Math.max(1, samples.size());
        return new CpuSplit(generator / n, service / n, postgres / n, other / n);
    }

    /** As summary.json writes it ({@code cpu_cores}). */
    public Map<String, Double> asMap() {
        Map<String, Double> cores = new LinkedHashMap<>();
        cores.put("load_generator", loadGenerator);
        cores.put("service", service);
        cores.put("postgres", postgres);
        cores.put("other", other);
        return cores;
    }

    /** As find-capacity.json has always written it per step: [generator, service, PostgreSQL, other]. */
    public double[] asArray() {
        return new double[] {loadGenerator, service, postgres, other};
    }

    /** CPU milliseconds per SMS of the service and of PostgreSQL at {@code smsPerHour}. */
    public PerSms perSms(double smsPerHour) {
        double smsPerSecond = Math.max(1e-9, smsPerHour / 3600);
        return new PerSms(service * 1000 / smsPerSecond, postgres * 1000 / smsPerSecond);
    }

    public record PerSms(double serviceMs, double postgresMs) {}
}
