package dev.hato.sms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hato.sms.SmsApplication;
import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.RestoresLogLevels;
import dev.hato.sms.support.ServiceInstance;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The out-of-the-box path: no datasource URL, so the service starts (and keeps) its own PostgreSQL. */
@ExtendWith(RestoresLogLevels.class)
class EmbeddedDefaultTest {

    @TempDir
    Path dir;

    @Test
    void firstRunHasDemoAdminAndDataSurvivesRestartAndTasksUseTheSameDatabase() throws Exception {
        Path dataDir = dir.resolve("pg");
        String dataDirSetting = "--sms.embedded-db.data-dir=" + dataDir;

        try (ConfigurableApplicationContext first = start(dataDirSetting)) {
            ApiClient client = client(first);
            assertThat(client.login("admin", "password123").status()).isEqualTo(200);
            assertThat(client.get("/v3/api-docs").status())
                    .as("API docs on a developer's machine: the embedded database on loopback")
                    .isEqualTo(200);
            assertThat(first.getEnvironment().getProperty("server.address"))
                    .as("the embedded default listens on loopback only")
                    .isEqualTo("127.0.0.1");
            String url = first.getEnvironment().getProperty("spring.datasource.url");
            assertThat(first.getEnvironment().getProperty("spring.datasource.username"))
                    .isEqualTo("hato");
            assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, "postgres", "")
                            .close())
                    .as("no passwordless superuser login")
                    .hasMessageContaining("password");
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();
        Path secret = dir.resolve("pg.secret");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

        Path password = Files.writeString(dir.resolve("pw"), "new-admin-password\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CommandLineTasks.run(
                new String[] {"changepassword", "admin", "--password-file=" + password, dataDirSetting},
                SmsApplication.class,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();

        try (ConfigurableApplicationContext restarted = start(dataDirSetting)) {
            ApiClient client = client(restarted);
            assertThat(client.login("admin", "password123").status()).isEqualTo(401);
            assertThat(client.login("admin", "new-admin-password").status()).isEqualTo(200);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                .as("the secret file's mode after a start that found it readable by others")
                .isEqualTo("rw-------");
    }

    @Test
    void exposedOnEveryInterfaceTheDemoUserIsNotCreated() {
        try (ConfigurableApplicationContext exposed = ServiceInstance.start(
                null,
                null,
                "--server.address=0.0.0.0",
                "--sms.security.allowed-hosts=localhost",
                "--sms.embedded-db.data-dir=" + dir.resolve("exposed"),
                "--sms.dispatch.enabled=false")) {
            assertThat(client(exposed).login("admin", "password123").status()).isEqualTo(401);
        }
    }

    private static ConfigurableApplicationContext start(String dataDirSetting) {
        return ServiceInstance.start(null, null, dataDirSetting, "--sms.dispatch.enabled=false");
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(ServiceInstance.baseUrl(context));
    }
}
