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

    static Template template;
    static String json;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void synthesize() throws Exception {
        Map<String, Object> context =
                new HashMap<>(new ObjectMapper().readValue(Path.of("cdk.json").toFile(), Map.class));
        Map<String, Object> flags = new HashMap<>((Map<String, Object>) context.get("context"));
        flags.put("maxTasks", "8");
        App app = new App(AppProps.builder().context(flags).build());
        HatoStack stack = new HatoStack(app, "Hato", HatoStack.Settings.from(app.getNode()));
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
                        "TargetGroupAttributes",
                        Match.arrayWith(
                                List.of(Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "30")))));
    }

    @Test
    void theDrainFitsIntoTheDeregistrationDelay() {
        assertThat(HatoStack.DRAIN.toSeconds().intValue())
                .isLessThan(HatoStack.DEREGISTRATION_DELAY.toSeconds().intValue());
        template.hasResourceProperties(
                "AWS::ECS::TaskDefinition",
                Map.of(
                        "ContainerDefinitions",
                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                "Environment",
                                Match.arrayWith(
                                        List.of(Map.of("Name", "SMS_SHUTDOWN_DRAIN_PERIOD", "Value", "10s")))))))));
    }

    @Test
    void postgresOnRdsIsEncryptedPrivateAndItsCredentialsLiveInSecretsManager() {
        template.hasResourceProperties(
                "AWS::RDS::DBInstance",
                Map.of("Engine", "postgres", "StorageEncrypted", true, "PubliclyAccessible", false, "MultiAZ", true));
        template.resourceCountIs("AWS::SecretsManager::Secret", 1);
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
    void theTaskRoleMayPublishSmsToPhoneNumbersOnly() {
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Action", "sns:Publish",
                                        "Effect", "Allow",
                                        "NotResource", "arn:aws:sns:*:*:*")))))));
        assertThat(json).doesNotContain("\"Action\":\"sns:*\"");
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
    void theManagementPortIsReachableOnlyFromInsideTheVpc() throws Exception {
        template.hasResourceProperties(
                "AWS::EC2::SecurityGroup",
                Map.of(
                        "SecurityGroupIngress",
                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                "FromPort", 9090,
                                "ToPort", 9090,
                                "CidrIp", Map.of("Fn::GetAtt", List.of(Match.anyValue(), "CidrBlock"))))))));
        new ObjectMapper().readTree(json).findParents("FromPort").forEach(rule -> {
            if (rule.path("FromPort").asInt() == 9090) {
                assertThat(rule.path("CidrIp").asText())
                        .as("9090 open to the world")
                        .isNotEqualTo("0.0.0.0/0");
            }
        });
    }

    @Test
    void logsGoToTheirOwnGroupWithRetention() {
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
    }
}
