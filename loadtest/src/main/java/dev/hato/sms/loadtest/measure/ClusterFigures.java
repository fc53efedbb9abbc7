package dev.hato.sms.loadtest.measure;

import dev.hato.sms.loadtest.config.DisruptionKind;
import dev.hato.sms.loadtest.process.Cluster;
import java.util.ArrayList;
import java.util.List;

/** A multi-instance run: what was done to the cluster, each instance's share, and every message's fate. */
public record ClusterFigures(
        DisruptionKind disruption, List<String> events, List<Instance> instances, Cluster.Delivery delivery) {

    /** Requests HAProxy sent to the instance during the run, its 5xx answers, and its average CPU. */
    public record Instance(String name, long requests, long serverErrors, double cores) {}

    List<Check> checks() {
        Cluster.Delivery d = delivery;
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(
                "outbox settled",
                d.open() == 0,
                d.open()
                        + " messages still queued or sending after the run (a killed instance's leases expire first)"));
        if (d.published() < 0) {
            return checks; // the sandbox provider: no stand-in counted the publishes
        }
        checks.add(new Check(
                "nothing lost",
                d.lost() == 0,
                String.format(
                        "%,d accepted, %,d sent, %,d failed, %,d publishes at the SNS stand-in, %,d accepted and never published",
                        d.accepted(), d.sent(), d.failed(), d.published(), d.lost())));
        boolean killed = disruption == DisruptionKind.KILL;
        checks.add(new Check(
                "nothing sent twice",
                killed || d.duplicates() == 0,
                d.duplicates() + " publishes more than the accepted messages"
                        + (killed ? " (allowed here: a publish in flight on the killed instance is sent again)" : "")));
        return checks;
    }
}
