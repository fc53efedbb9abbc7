package dev.hato.sms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hato.sms.SmsApplication;
import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.ServiceInstance;
import dev.hato.sms.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The deployment's database role: dbsetup, run with the master's credentials on a database an earlier
 * version migrated as the master, makes a role that owns the tables but may not create roles or
 * databases; the service then migrates and serves as that role.
 */
class DatabaseSetupTaskTest {

    static final String APP_PASSWORD = "an application password of 32 c";

    @Test
    void theServiceMigratesAndServesAsTheApplicationRoleThatMayDoNothingElse() throws Exception {
        String url = TestDatabase.jdbcUrl("dbsetup");
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .cleanDisabled(false)
                .load()
                .clean();
        // As the deployment did before: the service migrated as the master.
        Flyway.configure().dataSource(url, "postgres", "").target("10").load().migrate();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = CommandLineTasks.run(
                new String[] {
                    "dbsetup",
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres",
                    "--sms.dbsetup.app-password=" + APP_PASSWORD
                },
                SmsApplication.class,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("hato_app ready");
        String asTheRole = url.replaceFirst("\\?user=postgres$", ""); // the test URL names its user
        try (ConfigurableApplicationContext service = ServiceInstance.start(
                null,
                null,
                "--spring.datasource.url=" + asTheRole,
                "--spring.datasource.username=hato_app",
                "--spring.datasource.password=" + APP_PASSWORD,
                "--sms.dispatch.enabled=false")) {
            String username = "role" + System.nanoTime();
            service.getBean(dev.hato.sms.auth.Users.class)
                    .create(username, "", service.getBean(PasswordEncoder.class).encode("tsubame kasa"), true, false);
            ApiClient staff = new ApiClient(ServiceInstance.baseUrl(service));
            assertThat(staff.login(username, "tsubame kasa").status()).isEqualTo(200);
            assertThat(staff.post("/api/customers", Map.of("phone_number", "09012345678"))
                            .status())
                    .isEqualTo(201);
        }
        JdbcClient asApp = JdbcClient.create(
                new SingleConnectionDataSource(DriverManager.getConnection(asTheRole, "hato_app", APP_PASSWORD), true));
        assertThat(asApp.sql("select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = 'hato_app'")
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(asApp.sql("select tablename from pg_tables where schemaname = 'public' and tableowner <> 'hato_app'")
                        .query(String.class)
                        .list())
                .as("tables the role does not own")
                .isEmpty();
        assertThatThrownBy(() -> asApp.sql("create role intruder").update())
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void withoutAnApplicationPasswordItRefusesWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = CommandLineTasks.run(
                new String[] {"dbsetup", "--spring.datasource.url=" + TestDatabase.jdbcUrl("dbsetup")},
                SmsApplication.class,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(CommandLineTasks.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("sms.dbsetup.app-password");
    }
}
