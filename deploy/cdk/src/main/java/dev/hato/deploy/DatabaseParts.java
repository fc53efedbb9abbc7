package dev.hato.deploy;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerDependency;
import software.amazon.awscdk.services.ecs.ContainerDependencyCondition;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.TaskDefinition;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseSecret;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * How the service reaches PostgreSQL: over TLS that checks the server's certificate against the RDS
 * certificate authorities (the image carries their bundle), as an application role that owns the
 * service's tables but may not create roles or databases. The master credentials go only to an init
 * container that runs {@code dbsetup} (idempotent) before the service starts in each task.
 */
final class DatabaseParts {

    static final String APP_ROLE = "hato_app";
    /** Where deploy/Dockerfile puts the RDS certificate authorities' bundle. */
    static final String RDS_CA_BUNDLE = "/app/rds-global-bundle.pem";

    private DatabaseParts() {}

    static DatabaseSecret appSecret(Construct scope) {
        return DatabaseSecret.Builder.create(scope, "AppDatabaseSecret")
                .username(APP_ROLE)
                .build();
    }

    static String jdbcUrl(DatabaseInstance database) {
        return "jdbc:postgresql://" + database.getDbInstanceEndpointAddress() + ":"
                + database.getDbInstanceEndpointPort() + "/hato?sslmode=verify-full&sslrootcert=" + RDS_CA_BUNDLE;
    }

    /** The service container's credentials: the application role's, never the master's. */
    static Map<String, Secret> appCredentials(ISecret appSecret) {
        return new TreeMap<>(Map.of(
                "SPRING_DATASOURCE_USERNAME", Secret.fromSecretsManager(appSecret, "username"),
                "SPRING_DATASOURCE_PASSWORD", Secret.fromSecretsManager(appSecret, "password")));
    }

    /** The init container that alone holds the master credentials; the service waits for its success. */
    static void addSetupContainer(
            TaskDefinition task,
            ContainerImage image,
            LogDriver logs,
            DatabaseInstance database,
            ISecret masterSecret,
            ISecret appSecret) {
        ContainerDefinition setup = task.addContainer(
                "DatabaseSetup",
                ContainerDefinitionOptions.builder()
                        .image(image)
                        .essential(false)
                        .command(java.util.List.of("dbsetup"))
                        .logging(logs)
                        .environment(new TreeMap<>(Map.of(
                                "SPRING_DATASOURCE_URL", jdbcUrl(database), "SMS_DBSETUP_APP_USERNAME", APP_ROLE)))
                        .secrets(new TreeMap<>(Map.of(
                                "SPRING_DATASOURCE_USERNAME", Secret.fromSecretsManager(masterSecret, "username"),
                                "SPRING_DATASOURCE_PASSWORD", Secret.fromSecretsManager(masterSecret, "password"),
                                "SMS_DBSETUP_APP_PASSWORD", Secret.fromSecretsManager(appSecret, "password"))))
                        .build());
        task.getDefaultContainer()
                .addContainerDependencies(ContainerDependency.builder()
                        .container(setup)
                        .condition(ContainerDependencyCondition.SUCCESS)
                        .build());
    }
}
