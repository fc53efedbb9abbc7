package dev.hato.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.smsvoice.CfnConfigurationSet;
import software.amazon.awscdk.services.smsvoice.CfnProtectConfiguration;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * End User Messaging SMS and its delivery receipts: a configuration set whose event destination is an
 * SNS topic, an SQS queue (with a dead-letter queue) subscribed to it, a protect configuration that
 * lets SMS go to Japan only, and the task role's permissions for exactly these.
 */
final class MessagingParts {

    static final String CONFIGURATION_SET = "hato";

    /** What the service's environment needs from here. */
    record Messaging(String configurationSet, String queueUrl) {}

    private MessagingParts() {}

    static Messaging create(Construct scope, Settings settings, IRole taskRole) {
        Stack stack = Stack.of(scope);
        // A customer-managed key: End User Messaging may use it to publish to the encrypted topic.
        Key key = Key.Builder.create(scope, "EventsKey")
                .description("encrypts the SMS event topic")
                .enableKeyRotation(true)
                .build();
        key.grant(new ServicePrincipal("sms-voice.amazonaws.com"), "kms:GenerateDataKey*", "kms:Decrypt");
        key.grant(new ServicePrincipal("sns.amazonaws.com"), "kms:GenerateDataKey*", "kms:Decrypt");
        Topic topic = Topic.Builder.create(scope, "SmsEvents")
                .displayName("End User Messaging SMS events")
                .masterKey(key)
                .build();
        topic.grantPublish(new ServicePrincipal("sms-voice.amazonaws.com"));

        Queue dlq = Queue.Builder.create(scope, "ReceiptsDeadLetters")
                .encryption(QueueEncryption.SQS_MANAGED)
                .retentionPeriod(Duration.days(14))
                .enforceSsl(true)
                .build();
        Queue queue = Queue.Builder.create(scope, "Receipts")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                // Carriers report for up to 72 hours; events wait here while the service is down.
                .retentionPeriod(Duration.days(4))
                .visibilityTimeout(Duration.seconds(30))
                .deadLetterQueue(
                        DeadLetterQueue.builder().queue(dlq).maxReceiveCount(5).build())
                .build();
        topic.addSubscription(
                SqsSubscription.Builder.create(queue).rawMessageDelivery(true).build());

        CfnProtectConfiguration protect = CfnProtectConfiguration.Builder.create(scope, "JapanOnly")
                .countryRuleSet(CfnProtectConfiguration.CountryRuleSetProperty.builder()
                        .sms(japanOnly())
                        .build())
                .deletionProtectionEnabled(false)
                .build();
        CfnConfigurationSet configurationSet = CfnConfigurationSet.Builder.create(scope, "ConfigurationSet")
                .configurationSetName(CONFIGURATION_SET)
                .protectConfigurationId(protect.getAttrProtectConfigurationId())
                .eventDestinations(List.of(CfnConfigurationSet.EventDestinationProperty.builder()
                        .eventDestinationName("receipts")
                        .enabled(true)
                        .matchingEventTypes(List.of("TEXT_ALL"))
                        .snsDestination(CfnConfigurationSet.SnsDestinationProperty.builder()
                                .topicArn(topic.getTopicArn())
                                .build())
                        .build()))
                .build();
        configurationSet.getNode().addDependency(topic);

        List<String> sendResources = new ArrayList<>(List.of(configurationSet.getAttrArn()));
        if (!settings.originationIdentity().isBlank()) {
            sendResources.add(settings.originationIdentity());
        }
        taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("sms-voice:SendTextMessage"))
                .resources(sendResources)
                .build());
        queue.grantConsumeMessages(taskRole);
        dlq.grantSendMessages(taskRole);
        taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl"))
                .resources(List.of(queue.getQueueArn(), dlq.getQueueArn()))
                .build());
        stack.exportValue(
                queue.getQueueUrl(),
                software.amazon.awscdk.ExportValueOptions.builder()
                        .name(stack.getStackName() + "-ReceiptsQueueUrl")
                        .build());
        return new Messaging(CONFIGURATION_SET, queue.getQueueUrl());
    }

    /** End User Messaging's own country rules, behind this service's own check: JP allowed, every other blocked. */
    static List<Object> japanOnly() {
        List<Object> rules = new ArrayList<>();
        for (String country : new java.util.TreeSet<>(List.of(Locale.getISOCountries()))) {
            rules.add(CfnProtectConfiguration.CountryRuleProperty.builder()
                    .countryCode(country)
                    .protectStatus(country.equals("JP") ? "ALLOW" : "BLOCK")
                    .build());
        }
        return rules;
    }

    /** The service's settings for End User Messaging and the receipts queue. */
    static Map<String, String> environment(Messaging messaging, Settings settings, String region) {
        Map<String, String> environment = new TreeMap<>();
        environment.put("SMS_PROVIDER", "eum");
        environment.put("SMS_EUM_REGION", region);
        environment.put("SMS_EUM_CONFIGURATION_SET", messaging.configurationSet());
        if (!settings.originationIdentity().isBlank()) {
            environment.put("SMS_EUM_ORIGINATION_IDENTITY", settings.originationIdentity());
        }
        environment.put("SMS_RECEIPTS_QUEUE_URL", messaging.queueUrl());
        environment.put("SMS_RECEIPTS_REGION", region);
        // The quota AWS meters: message parts per second per origination identity.
        environment.put("SMS_DISPATCH_RATE_PER_SECOND", Integer.toString(settings.messagePartsPerSecond()));
        return environment;
    }
}
