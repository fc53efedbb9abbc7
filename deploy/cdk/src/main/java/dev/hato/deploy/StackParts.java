package dev.hato.deploy;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.constructs.Construct;

/** The stack's edges: the load balancer's certificate and the alarm on SMS spend. */
final class StackParts {

    private StackParts() {}

    /** SNS reports the month's SMS spend; past the threshold someone hears of it before the limit bites. */
    static void spendAlarm(Construct scope, Settings settings) {
        Alarm.Builder.create(scope, "SmsSpend")
                .alarmDescription("SMS spend this month (SNS SMSMonthToDateSpentUSD) is above "
                        + settings.monthlySpendAlarmUsd() + " USD")
                .metric(Metric.Builder.create()
                        .namespace("AWS/SNS")
                        .metricName("SMSMonthToDateSpentUSD")
                        .statistic("Maximum")
                        .period(Duration.minutes(5))
                        .build())
                .threshold(settings.monthlySpendAlarmUsd())
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    static ICertificate certificate(Construct scope, Settings settings) {
        if (!settings.certificateArn().isBlank()) {
            return Certificate.fromCertificateArn(scope, "Certificate", settings.certificateArn());
        }
        return Certificate.Builder.create(scope, "Certificate")
                .domainName(settings.domainName())
                .validation(CertificateValidation.fromDns(HostedZone.fromHostedZoneAttributes(
                        scope,
                        "Zone",
                        HostedZoneAttributes.builder()
                                .hostedZoneId(settings.hostedZoneId())
                                .zoneName(settings.hostedZoneName())
                                .build())))
                .build();
    }
}
