package dev.hato.deploy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.patterns.ApplicationLoadBalancedFargateService;
import software.amazon.awscdk.services.ecs.patterns.ApplicationLoadBalancedTaskImageOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.ParameterGroup;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.constructs.Construct;

/**
 * Hato on AWS: a VPC, PostgreSQL on RDS (credentials in Secrets Manager, storage encrypted), the
 * service on ECS Fargate behind an Application Load Balancer (health check on readiness, deregistration
 * delay matched to the service's drain), a task role that may publish SMS to phone numbers only, a log
 * group, CPU-based autoscaling between 2 and {@code maxTasks} tasks, and the management port open only
 * inside the VPC.
 */
public class HatoStack extends Stack {

    /** The service's own drain (readiness DOWN, then wait) plus its graceful shutdown of in-flight requests. */
    static final Duration DRAIN = Duration.seconds(10);

    static final Duration DEREGISTRATION_DELAY = Duration.seconds(30);
    static final int MANAGEMENT_PORT = 9090;

    public HatoStack(Construct scope, String id, Settings settings) {
        super(scope, id);

        // Public: the load balancer; private with egress: the tasks (SNS, ECR); isolated: the database.
        Vpc vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(1)
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder()
                                .name("public")
                                .subnetType(SubnetType.PUBLIC)
                                .cidrMask(24)
                                .build(),
                        SubnetConfiguration.builder()
                                .name("app")
                                .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                .cidrMask(22)
                                .build(),
                        SubnetConfiguration.builder()
                                .name("db")
                                .subnetType(SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(24)
                                .build()))
                .build();

        DatabaseInstance database = DatabaseInstance.Builder.create(this, "Database")
                .engine(DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder()
                        .version(PostgresEngineVersion.of("17", "17"))
                        .build()))
                .instanceType(InstanceType.of(InstanceClass.T4G, InstanceSize.MEDIUM))
                .vpc(vpc)
                .vpcSubnets(SubnetSelection.builder()
                        .subnetType(SubnetType.PRIVATE_ISOLATED)
                        .build())
                .credentials(Credentials.fromGeneratedSecret("hato"))
                .databaseName("hato")
                .storageEncrypted(true)
                .publiclyAccessible(false)
                .multiAz(true)
                .allocatedStorage(50)
                .backupRetention(Duration.days(7))
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.SNAPSHOT)
                .parameterGroup(ParameterGroup.Builder.create(this, "DatabaseParameters")
                        .engine(DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder()
                                .version(PostgresEngineVersion.of("17", "17"))
                                .build()))
                        // TLS only (the service checks the server's certificate: DatabaseParts.jdbcUrl).
                        .parameters(new TreeMap<>(
                                Map.of("shared_preload_libraries", "pg_stat_statements", "rds.force_ssl", "1")))
                        .build())
                .build();
        var masterSecret = database.getSecret();
        var appSecret = DatabaseParts.appSecret(this);
        ContainerImage image = ContainerImage.fromEcrRepository(
                Repository.fromRepositoryName(this, "Repository", settings.repository()), settings.imageTag());

        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        ApplicationLoadBalancedFargateService service = ApplicationLoadBalancedFargateService.Builder.create(
                        this, "Service")
                .cluster(Cluster.Builder.create(this, "Cluster").vpc(vpc).build())
                .desiredCount(2)
                // `aws ecs execute-command` runs createuser/changepassword in a task (docs/deployment.md);
                // off unless asked for (-c execCommand=true), since it opens a shell in a task.
                .enableExecuteCommand(settings.execCommand())
                .cpu(settings.taskCpu())
                .memoryLimitMiB(settings.taskMemory())
                .publicLoadBalancer(true)
                // HTTPS only: port 80 answers with a redirect to 443 and forwards nothing.
                .protocol(ApplicationProtocol.HTTPS)
                .certificate(StackParts.certificate(this, settings))
                .redirectHttp(true)
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .circuitBreaker(software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker.builder()
                        .rollback(true)
                        .build())
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .taskImageOptions(ApplicationLoadBalancedTaskImageOptions.builder()
                        .image(image)
                        .containerPort(8080)
                        .logDriver(LogDriver.awsLogs(software.amazon.awscdk.services.ecs.AwsLogDriverProps.builder()
                                .logGroup(logs)
                                .streamPrefix("hato")
                                .build()))
                        // Sorted maps: the same template at every synthesis (Map.of's order changes per JVM).
                        .environment(new TreeMap<>(Map.ofEntries(
                                Map.entry("SPRING_DATASOURCE_URL", DatabaseParts.jdbcUrl(database)),
                                Map.entry(
                                        "SMS_SHUTDOWN_DRAIN_PERIOD",
                                        DRAIN.toSeconds().intValue() + "s"),
                                Map.entry("SERVER_FORWARD_HEADERS_STRATEGY", "native"),
                                Map.entry(
                                        "SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES",
                                        "10\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}"),
                                Map.entry("SMS_SECURITY_SECURE_COOKIES", "true"),
                                Map.entry("SMS_SECURITY_ALLOWED_HOSTS", settings.domainName()),
                                Map.entry("SMS_SECURITY_TRUSTED_ORIGINS", "https://" + settings.domainName()),
                                Map.entry("SERVER_SERVLET_SESSION_COOKIE_SECURE", "true"),
                                Map.entry("MANAGEMENT_SERVER_PORT", Integer.toString(MANAGEMENT_PORT)),
                                Map.entry("MANAGEMENT_SERVER_ADDRESS", "0.0.0.0"),
                                // The security group below keeps this port inside the VPC.
                                Map.entry("SMS_SECURITY_MANAGEMENT_REMOTE_ACCESS", "true"))))
                        .secrets(DatabaseParts.appCredentials(appSecret))
                        .build())
                .build();

        DatabaseParts.addSetupContainer(
                service.getTaskDefinition(),
                image,
                LogDriver.awsLogs(software.amazon.awscdk.services.ecs.AwsLogDriverProps.builder()
                        .logGroup(logs)
                        .streamPrefix("hato-dbsetup")
                        .build()),
                database,
                masterSecret,
                appSecret);
        service.getTaskDefinition()
                .getDefaultContainer()
                .addPortMappings(
                        PortMapping.builder().containerPort(MANAGEMENT_PORT).build());
        // The sessionless management port: the load balancer's health checks, and whatever the operator
        // puts in the monitoring group (Prometheus); nothing else in the VPC.
        SecurityGroup monitoring = SecurityGroup.Builder.create(this, "Monitoring")
                .vpc(vpc)
                .description("Members may scrape the service's management port (metrics, health)")
                .build();
        service.getService()
                .getConnections()
                .allowFrom(monitoring, Port.tcp(MANAGEMENT_PORT), "metrics from the monitoring group");
        service.getService()
                .getConnections()
                .allowFrom(service.getLoadBalancer(), Port.tcp(MANAGEMENT_PORT), "health checks");
        database.getConnections().allowDefaultPortFrom(service.getService(), "the service");

        service.getTargetGroup()
                .configureHealthCheck(HealthCheck.builder()
                        .path("/actuator/health/readiness")
                        // Actuator lives on the management port (which answers to any Host: the load
                        // balancer names a task by its address), not on the service's.
                        .port(Integer.toString(MANAGEMENT_PORT))
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(10))
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(2)
                        .build());
        service.getTargetGroup()
                .setAttribute(
                        "deregistration_delay.timeout_seconds",
                        Integer.toString(DEREGISTRATION_DELAY.toSeconds().intValue()));

        // End User Messaging SMS with delivery receipts (SNS classic has none).
        MessagingParts.Messaging messaging = MessagingParts.create(
                this, settings, service.getTaskDefinition().getTaskRole());
        MessagingParts.environment(messaging, settings, getRegion())
                .forEach((name, value) ->
                        service.getTaskDefinition().getDefaultContainer().addEnvironment(name, value));

        service.getService()
                .autoScaleTaskCount(EnableScalingProps.builder()
                        .minCapacity(2)
                        .maxCapacity(settings.maxTasks())
                        .build())
                .scaleOnCpuUtilization(
                        "Cpu",
                        CpuUtilizationScalingProps.builder()
                                .targetUtilizationPercent(60)
                                .scaleInCooldown(Duration.minutes(5))
                                .scaleOutCooldown(Duration.minutes(1))
                                .build());
        StackParts.spendAlarm(this, settings);
    }
}
