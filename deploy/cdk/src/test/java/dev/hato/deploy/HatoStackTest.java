package dev.hato.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesizes the stack offline (no AWS account; the CDK's JavaScript runs on the machine's Node) with
 * the feature flags of cdk.json, as `cdk deploy` would, and checks what the deployment must guarantee.
 */
class HatoStackTest {

    static final String CERTIFICATE = "arn:aws:acm:ap-northeast-1:123456789012:certificate/hato-test";

    static Template template;
    static String json;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void synthesize() throws Exception {
        Map<String, Object> context =
                new HashMap<>(new ObjectMapper().readValue(Path.of("cdk.json").toFile(), Map.class));
        Map<String, Object> flags = new HashMap<>((Map<String, Object>) context.get("context"));
        flags.put("maxTasks", "8");
        flags.put("domainName", "sms.example.com");
        flags.put("imageTag", "1.2.3");
        flags.put("certificateArn", CERTIFICATE);
        App app = new App(AppProps.builder().context(flags).build());
        HatoStack stack = new HatoStack(app, "Hato", Settings.from(app.getNode()));
        template = Template.fromStack(stack);
        json = new ObjectMapper().writeValueAsString(template.toJSON());
    }

    @Test
    void theServiceRunsTwoFargateTasksBehindAnAlbThatChecksReadiness() {
        template.hasResourceProperties("AWS::ECS::Service", Map.of("LaunchType", "FARGATE", "DesiredCount", 2));
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::TargetGroup",
                Map.of(
                        "HealthCheckPath",
                        "/actuator/health/readiness",
                        "HealthCheckPort",
                        "9090",
                        "TargetGroupAttributes",
                        Match.arrayWith(
                                List.of(Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "30")))));
    }

    @Test
    void theDrainFitsIntoTheDeregistrationDelay() {
        assertThat(HatoStack.DRAIN.toSeconds().intValue())
                .isLessThan(HatoStack.DEREGISTRATION_DELAY.toSeconds().intValue());
        hasEnvironment(Map.of("SMS_SHUTDOWN_DRAIN_PERIOD", "10s"));
    }

    @Test
    void postgresOnRdsIsEncryptedPrivateAndItsCredentialsLiveInSecretsManager() {
        template.hasResourceProperties(
                "AWS::RDS::DBInstance",
                Map.of("Engine", "postgres", "StorageEncrypted", true, "PubliclyAccessible", false, "MultiAZ", true));
        template.resourceCountIs("AWS::SecretsManager::Secret", 2); // the master's and the application role's
        for (String name : List.of("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")) {
            template.hasResourceProperties(
                    "AWS::ECS::TaskDefinition",
                    Map.of(
                            "ContainerDefinitions",
                            Match.arrayWith(List.of(Match.objectLike(Map.of(
                                    "Secrets", Match.arrayWith(List.of(Match.objectLike(Map.of("Name", name))))))))));
        }
    }

    @Test
    void noSecretAppearsInPlainTextInTheTaskDefinition() throws Exception {
        JsonNode resources = new ObjectMapper().readTree(json).path("Resources");
        resources.forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::ECS::TaskDefinition")) {
                resource.path("Properties")
                        .path("ContainerDefinitions")
                        .forEach(container -> container
                                .path("Environment")
                                .forEach(variable -> assertThat(
                                                variable.path("Name").asText())
                                        .doesNotContainIgnoringCase("PASSWORD")
                                        .doesNotContainIgnoringCase("SECRET")
                                        .doesNotContainIgnoringCase("ACCESS_KEY")));
            }
        });
        assertThat(json).doesNotContain("MasterUserPassword\":\"");
    }

    @Test
    void theTaskRoleMaySendTextMessagesOnlyThroughItsConfigurationSetAndNothingThroughSns() {
        aPolicyHasTheStatement(Map.of(
                "Action",
                "sms-voice:SendTextMessage",
                "Effect",
                "Allow",
                "Resource",
                Match.objectLike(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ConfigurationSet.*"), "Arn")))));
        // SNS's Publish appears only in the topic's policy, for End User Messaging's service principal.
        var policies = template.findResources("AWS::IAM::Policy");
        String taskPolicy = policies.entrySet().stream()
                .filter(policy -> policy.getKey().startsWith("ServiceTaskDefTaskRole"))
                .findFirst()
                .orElseThrow()
                .getValue()
                .toString();
        assertThat(taskPolicy)
                .doesNotContain("sns:")
                .doesNotContain("sms-voice:*")
                .doesNotContain("sqs:*");
    }

    @Test
    void aConfigurationSetReportsEveryTextEventToAnEncryptedTopicBehindAJapanOnlyProtectConfiguration() {
        template.hasResourceProperties(
                "AWS::SMSVOICE::ConfigurationSet",
                Map.of(
                        "ConfigurationSetName",
                        "hato",
                        "ProtectConfigurationId",
                        Match.objectLike(Map.of("Fn::GetAtt", Match.anyValue())),
                        "EventDestinations",
                        List.of(Match.objectLike(Map.of(
                                "Enabled", true,
                                "MatchingEventTypes", List.of("TEXT_ALL"),
                                "SnsDestination", Match.objectLike(Map.of("TopicArn", Match.anyValue())))))));
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
        var protect = template.findResources("AWS::SMSVOICE::ProtectConfiguration");
        assertThat(protect).hasSize(1);
        JsonNode rules = new ObjectMapper()
                .valueToTree(protect.values().iterator().next())
                .path("Properties")
                .path("CountryRuleSet")
                .path("SMS");
        List<String> allowed = new java.util.ArrayList<>();
        rules.forEach(rule -> {
            if (rule.path("ProtectStatus").asText().equals("ALLOW")) {
                allowed.add(rule.path("CountryCode").asText());
            } else {
                assertThat(rule.path("ProtectStatus").asText()).isEqualTo("BLOCK");
            }
        });
        assertThat(allowed).containsExactly("JP");
        assertThat(rules.size()).isGreaterThan(200);
    }

    @Test
    void receiptsArriveInAnEncryptedQueueWithADeadLetterQueueSubscribedToTheTopic() {
        template.resourceCountIs("AWS::SQS::Queue", 2);
        template.allResourcesProperties("AWS::SQS::Queue", Map.of("SqsManagedSseEnabled", true));
        template.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of(
                        "RedrivePolicy",
                        Match.objectLike(Map.of("maxReceiveCount", 5)),
                        "MessageRetentionPeriod",
                        345600));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "sqs", "RawMessageDelivery", true));
        aPolicyHasTheStatement(Map.of(
                "Action",
                List.of(
                        "sqs:ChangeMessageVisibility",
                        "sqs:DeleteMessage",
                        "sqs:GetQueueAttributes",
                        "sqs:GetQueueUrl",
                        "sqs:ReceiveMessage"),
                "Effect",
                "Allow"));
    }

    @Test
    void theServiceSendsThroughEndUserMessagingAtTheMeteredPartsPerSecondAndReadsTheReceiptsQueue() throws Exception {
        JsonNode container = new ObjectMapper()
                .valueToTree(template.findResources("AWS::ECS::TaskDefinition"))
                .findValue("ContainerDefinitions")
                .get(0);
        Map<String, JsonNode> environment = new java.util.HashMap<>();
        container
                .path("Environment")
                .forEach(e -> environment.put(e.path("Name").asText(), e.path("Value")));
        assertThat(environment.get("SMS_PROVIDER").asText()).isEqualTo("eum");
        assertThat(environment.get("SMS_EUM_CONFIGURATION_SET").asText()).isEqualTo("hato");
        assertThat(environment.get("SMS_DISPATCH_RATE_PER_SECOND").asText()).isEqualTo("10");
        assertThat(environment.get("SMS_RECEIPTS_QUEUE_URL").has("Ref")).isTrue();
    }

    @Test
    void tasksScaleOnCpuBetweenTwoAndTheConfiguredMaximum() {
        template.hasResourceProperties(
                "AWS::ApplicationAutoScaling::ScalableTarget", Map.of("MinCapacity", 2, "MaxCapacity", 8));
        template.hasResourceProperties(
                "AWS::ApplicationAutoScaling::ScalingPolicy",
                Map.of("TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of("TargetValue", 60))));
    }

    @Test
    void theManagementPortIsReachableOnlyFromTheLoadBalancerAndTheMonitoringGroup() throws Exception {
        List<JsonNode> rules = new java.util.ArrayList<>();
        new ObjectMapper().readTree(json).findParents("FromPort").forEach(rule -> {
            // Ingress only (the load balancer's group also has the matching egress rule).
            if (rule.path("FromPort").asInt() == 9090 && !rule.has("DestinationSecurityGroupId")) {
                rules.add(rule);
            }
        });
        assertThat(rules).as("ingress rules for 9090").hasSize(2);
        assertThat(rules)
                .allSatisfy(rule -> {
                    assertThat(rule.has("CidrIp"))
                            .as("9090 open to an address range: " + rule)
                            .isFalse();
                    assertThat(rule.path("SourceSecurityGroupId")
                                    .path("Fn::GetAtt")
                                    .get(0)
                                    .asText())
                            .matches("Monitoring.*|ServiceLB.*");
                })
                .anySatisfy(rule -> assertThat(rule.toString()).contains("Monitoring"));
    }

    @Test
    void ecsExecIsOffUnlessAskedFor() {
        template.hasResourceProperties("AWS::ECS::Service", Map.of("EnableExecuteCommand", false));
    }

    @Test
    void anAlarmWatchesTheMonthsSmsSpend() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "Namespace", "AWS/SNS",
                        "MetricName", "SMSMonthToDateSpentUSD",
                        "Threshold", 100,
                        "ComparisonOperator", "GreaterThanThreshold"));
    }

    @Test
    void logsGoToTheirOwnGroupWithRetention() {
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
    }

    @Test
    void theLoginIsServedOverHttpsWithTls12OrNewerAndPort80OnlyRedirects() {
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::Listener",
                Map.of(
                        "Port",
                        443,
                        "Protocol",
                        "HTTPS",
                        "SslPolicy",
                        "ELBSecurityPolicy-TLS13-1-2-2021-06",
                        "Certificates",
                        List.of(Map.of("CertificateArn", CERTIFICATE))));
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::Listener",
                Map.of(
                        "Port",
                        80,
                        "Protocol",
                        "HTTP",
                        "DefaultActions",
                        List.of(Map.of(
                                "Type",
                                "redirect",
                                "RedirectConfig",
                                Map.of("Protocol", "HTTPS", "Port", "443", "StatusCode", "HTTP_301")))));
    }

    @Test
    void noPlainHttpListenerForwardsToTheService() {
        Map<String, Map<String, Object>> listeners = template.findResources("AWS::ElasticLoadBalancingV2::Listener");
        assertThat(listeners).isNotEmpty();
        listeners.forEach((name, listener) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) listener.get("Properties");
            if ("HTTP".equals(properties.get("Protocol"))) {
                assertThat(String.valueOf(properties.get("DefaultActions")))
                        .as(name + " on plain HTTP")
                        .doesNotContain("forward")
                        .contains("redirect");
            }
        });
    }

    @Test
    void theServiceAnswersOnlyToItsDomainWhichIsAlsoItsCsrfOrigin() {
        hasEnvironment(Map.of(
                "SMS_SECURITY_ALLOWED_HOSTS", "sms.example.com",
                "SMS_SECURITY_TRUSTED_ORIGINS", "https://sms.example.com"));
    }

    @Test
    void withoutADomainACertificateOrAnImageTagTheStackRefusesToSynthesize() {
        App noTag = new App(AppProps.builder()
                .context(Map.of("domainName", "sms.example.com", "certificateArn", CERTIFICATE))
                .build());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.from(noTag.getNode()))
                .hasMessageContaining("imageTag");
        App bare =
                new App(AppProps.builder().context(Map.of("imageTag", "1.2.3")).build());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.from(bare.getNode()))
                .hasMessageContaining("domainName");
        App noCertificate = new App(AppProps.builder()
                .context(Map.of("domainName", "sms.example.com", "imageTag", "1.2.3"))
                .build());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.from(noCertificate.getNode()))
                .hasMessageContaining("certificateArn");
    }

    @Test
    void theServiceConnectsOverVerifiedTlsAsTheApplicationRoleAndOnlyTheSetupContainerHoldsTheMaster()
            throws Exception {
        JsonNode containers = null;
        for (JsonNode resource : new ObjectMapper().readTree(json).path("Resources")) {
            if (resource.path("Type").asText().equals("AWS::ECS::TaskDefinition")) {
                containers = resource.path("Properties").path("ContainerDefinitions");
            }
        }
        JsonNode service = container(containers, "web");
        JsonNode setup = container(containers, "DatabaseSetup");

        assertThat(variable(service, "Environment", "Value", "SPRING_DATASOURCE_URL"))
                .contains("sslmode=verify-full&sslrootcert=/app/rds-global-bundle.pem");
        for (String name : List.of("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")) {
            assertThat(variable(service, "Secrets", "ValueFrom", name))
                    .as("the service's " + name)
                    .contains("AppDatabaseSecret")
                    .doesNotContain("DatabaseSecretAttachment");
            assertThat(variable(setup, "Secrets", "ValueFrom", name))
                    .as("the setup container's " + name)
                    .contains("DatabaseSecretAttachment");
        }
        assertThat(variable(setup, "Secrets", "ValueFrom", "SMS_DBSETUP_APP_PASSWORD"))
                .contains("AppDatabaseSecret");
        assertThat(setup.path("Essential").asBoolean(true)).isFalse();
        assertThat(setup.path("Command").toString()).isEqualTo("[\"dbsetup\"]");
        assertThat(service.path("DependsOn").toString())
                .contains("\"ContainerName\":\"DatabaseSetup\"")
                .contains("\"Condition\":\"SUCCESS\"");
        template.hasResourceProperties(
                "AWS::RDS::DBParameterGroup", Map.of("Parameters", Match.objectLike(Map.of("rds.force_ssl", "1"))));
    }

    private static JsonNode container(JsonNode containers, String name) {
        for (JsonNode container : containers) {
            if (container.path("Name").asText().equals(name)) {
                return container;
            }
        }
        throw new AssertionError("no container " + name + " in " + containers);
    }

    /** The value of one entry of a container's Environment or Secrets, as JSON text (it may be a token). */
    private static String variable(JsonNode container, String list, String field, String name) {
        for (JsonNode entry : container.path(list)) {
            if (entry.path("Name").asText().equals(name)) {
                return entry.path(field).toString();
            }
        }
        throw new AssertionError("no " + name + " in " + list + " of " + container.path("Name"));
    }

    /** The service's container has these variables in its environment (among others). */
    private static void hasEnvironment(Map<String, String> variables) {
        template.hasResourceProperties(
                "AWS::ECS::TaskDefinition",
                Map.of(
                        "ContainerDefinitions",
                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                "Environment",
                                Match.arrayWith(new java.util.TreeMap<>(variables)
                                        .entrySet().stream()
                                                .map(e -> Map.of("Name", e.getKey(), "Value", e.getValue()))
                                                .toList())))))));
    }

    /** Some IAM policy of the stack holds a statement with (at least) these properties. */
    private static void aPolicyHasTheStatement(Map<String, Object> statement) {
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(statement))))));
    }
}
