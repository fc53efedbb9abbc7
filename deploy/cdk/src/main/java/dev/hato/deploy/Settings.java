package dev.hato.deploy;

import software.constructs.Node;

/**
 * What an operator chooses, from CDK context ({@code cdk deploy -c domainName=sms.example.com
 * -c certificateArn=arn:aws:acm:... -c imageTag=1.2.3 -c maxTasks=8}). The domain is required: it is
 * the certificate's name, the only Host the service answers to and its CSRF origin. The certificate
 * is an ACM certificate's ARN, or made here and validated by DNS in the Route 53 zone given by
 * {@code hostedZoneId} and {@code hostedZoneName}. {@code execCommand=true} turns on ECS Exec (for
 * createuser in a task; off by default), {@code monthlySpendAlarmUsd} (100) is the month's SMS spend
 * that raises the alarm.
 */
public record Settings(
        String repository,
        String imageTag,
        int maxTasks,
        int taskCpu,
        int taskMemory,
        String domainName,
        String certificateArn,
        String hostedZoneId,
        String hostedZoneName,
        boolean execCommand,
        int monthlySpendAlarmUsd,
        String originationIdentity,
        int messagePartsPerSecond) {

    static Settings from(Node node) {
        String domain = text(node, "domainName", "");
        if (domain.isBlank()) {
            throw new IllegalArgumentException("set the service's domain: cdk deploy -c domainName=sms.example.com"
                    + " (with -c certificateArn=... or -c hostedZoneId=... -c hostedZoneName=...)");
        }
        Settings settings = new Settings(
                text(node, "repository", "hato"),
                required(node, "imageTag", "the image to run: -c imageTag=1.2.3 (no default: latest moves)"),
                Integer.parseInt(text(node, "maxTasks", "6")),
                Integer.parseInt(text(node, "taskCpu", "1024")),
                Integer.parseInt(text(node, "taskMemory", "2048")),
                domain,
                text(node, "certificateArn", ""),
                text(node, "hostedZoneId", ""),
                text(node, "hostedZoneName", ""),
                Boolean.parseBoolean(text(node, "execCommand", "false")),
                Integer.parseInt(text(node, "monthlySpendAlarmUsd", "100")),
                text(node, "originationIdentity", ""),
                Integer.parseInt(text(node, "messagePartsPerSecond", "10")));
        if (settings.certificateArn().isBlank()
                && (settings.hostedZoneId().isBlank()
                        || settings.hostedZoneName().isBlank())) {
            throw new IllegalArgumentException("HTTPS needs a certificate: -c certificateArn=arn:aws:acm:..., or"
                    + " -c hostedZoneId=... -c hostedZoneName=... to make one validated by DNS");
        }
        return settings;
    }

    private static String required(Node node, String key, String what) {
        String value = text(node, key, "");
        if (value.isBlank()) {
            throw new IllegalArgumentException("set " + what);
        }
        return value;
    }

    private static String text(Node node, String key, String fallback) {
        Object value = node.tryGetContext(key);
        return value == null ? fallback : value.toString();
    }
}
