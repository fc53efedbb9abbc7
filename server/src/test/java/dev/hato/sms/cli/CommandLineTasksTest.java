package dev.hato.sms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.SmsApplication;
import dev.hato.sms.support.RestoresLogLevels;
import dev.hato.sms.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RestoresLogLevels.class)
class CommandLineTasksTest {

    static final String ADMIN_FIXTURE = """
            [{"model":"accounts.User","pk":1,"fields":{"username":"admin","email":"admin@example.com","is_staff":true,"is_superuser":true}},{"model":"accounts.Profile","fields":{"user":1,"employee_id":"EMP001","full_name":"管理者ユーザー"}}]""";

    static String url;

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void database() {
        url = TestDatabase.jdbcUrl("cli_tasks");
    }

    @Test
    void loadingTheAdminFixtureTwiceGivesOneUserAndOneProfile() throws Exception {
        // Its own database: the fixture's pk 1 would take over whichever user another test created first.
        url = TestDatabase.jdbcUrl("cli_fixture");
        Path fixture = write("admin.json", ADMIN_FIXTURE);

        assertThat(run("loaddata", fixture.toString())).isZero();
        assertThat(run("loaddata", fixture.toString())).isZero();

        assertThat(count("select count(*) from users where username = 'admin'")).isEqualTo(1);
        assertThat(count("select count(*) from profiles p join users u on u.id = p.user_id where u.username = 'admin'"
                        + " and p.employee_id = 'EMP001' and p.full_name = '管理者ユーザー'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from users where username = 'admin' and password = ''"))
                .as("a fixture user without a password has none")
                .isEqualTo(1);
    }

    @Test
    void aTaskStartsNeitherWebServerNorDispatcherNorScheduledSamplers() {
        try (var context = CommandLineTasks.boot(
                SmsApplication.class,
                List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres"))) {
            assertThat(context)
                    .isNotInstanceOf(org.springframework.boot.web.server.context.WebServerApplicationContext.class);
            assertThat(context.getBeanNamesForType(dev.hato.sms.dispatch.Dispatcher.class))
                    .isEmpty();
            assertThat(context.getBeanNamesForType(
                            org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor.class))
                    .as("nothing @Scheduled runs in a task")
                    .isEmpty();
        }
    }

    @Test
    void aFixtureWithAHashDjangoCouldNotHaveMadeIsRefused() throws Exception {
        Path fixture = write("absurd.json", """
                [{"model":"accounts.User","fields":{"username":"absurd-hash",
                  "password":"pbkdf2_sha256$2000000000$salt$kuOTY4nDwvjt2hiSBx+IICHtx1WrwOIKCN88IQGWhoo="}}]""");

        assertThat(run("loaddata", fixture.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a usable hash");
        assertThat(count("select count(*) from users where username = 'absurd-hash'"))
                .isZero();
    }

    @Test
    void unknownModelWritesNothingAndFails() throws Exception {
        Path fixture = write("bad.json", """
                [{"model":"accounts.User","pk":900,"fields":{"username":"should-not-exist"}},
                 {"model":"sms.Gadget","pk":1,"fields":{}}]""");

        assertThat(run("loaddata", fixture.toString())).isEqualTo(CommandLineTasks.FAILED);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("entry #2").contains("sms.Gadget");
        assertThat(count("select count(*) from users where username = 'should-not-exist'"))
                .isZero();
    }

    @Test
    void unknownFieldNamesTheEntry() throws Exception {
        Path fixture = write(
                "field.json", "[{\"model\":\"accounts.User\",\"pk\":901,\"fields\":{\"username\":\"x\",\"shoe\":1}}]");

        assertThat(run("loaddata", fixture.toString())).isEqualTo(CommandLineTasks.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("entry #1").contains("\"shoe\"");
    }

    @Test
    void createUserThenChangePasswordFromFile() throws Exception {
        Path password = write("pw.txt", "tsubame kasa hanabi 7\n");

        assertThat(run("createuser", "clerk1", "--staff", "--email=clerk1@example.com", "--password-file=" + password))
                .isZero();
        assertThat(run("createuser", "clerk1", "--password-file=" + password)).isEqualTo(CommandLineTasks.FAILED);
        assertThat(run("changepassword", "clerk1", "--password-file", password.toString()))
                .isZero();
        assertThat(run("changepassword", "nobody", "--password-file", password.toString()))
                .isEqualTo(CommandLineTasks.FAILED);

        assertThat(count("select count(*) from users where username = 'clerk1' and is_staff and password like"
                        + " '{bcrypt}%'"))
                .isEqualTo(1);
    }

    @Test
    void badInputExitsWithUsageAndAClearMessage() throws Exception {
        Path shortPassword = write("short.txt", "elevenchars\n");
        Path commonPassword = write("common.txt", "password1234\n");
        Path longPassword = write("long.txt", "x".repeat(1025) + "\n");

        assertThat(CommandLineTasks.run(new String[] {"loaddata"}, SmsApplication.class, stream(out), stream(err)))
                .isEqualTo(CommandLineTasks.USAGE);
        assertThat(CommandLineTasks.run(
                        new String[] {"loaddata", "missing.json"}, SmsApplication.class, stream(out), stream(err)))
                .isEqualTo(CommandLineTasks.USAGE);
        assertThat(CommandLineTasks.run(
                        new String[] {"createuser", "x", "--bogus"}, SmsApplication.class, stream(out), stream(err)))
                .isEqualTo(CommandLineTasks.USAGE);
        assertThat(run("createuser", "clerk2", "--password-file=" + shortPassword))
                .isEqualTo(CommandLineTasks.USAGE);
        assertThat(run("createuser", "clerk4", "--password-file=" + commonPassword))
                .as("a common password of 12 characters")
                .isEqualTo(CommandLineTasks.USAGE);
        assertThat(run("createuser", "clerk3", "--password-file=" + longPassword))
                .as("a password longer than login accepts")
                .isEqualTo(CommandLineTasks.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("cannot read missing.json")
                .contains("unknown option --bogus")
                .contains("at least 12 characters")
                .contains("too easy to guess")
                .contains("at most 1024 characters");
    }

    @Test
    void everyTaskHasHelp() {
        for (String task : List.of("loaddata", "createuser", "changepassword")) {
            assertThat(CommandLineTasks.run(
                            new String[] {task, "--help"}, SmsApplication.class, stream(out), stream(err)))
                    .isZero();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar sms-server.jar loaddata");
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.datasource.url=" + url);
        all.add("--spring.datasource.username=postgres");
        return CommandLineTasks.run(all.toArray(String[]::new), SmsApplication.class, stream(out), stream(err));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private static PrintStream stream(ByteArrayOutputStream target) {
        return new PrintStream(target, true, StandardCharsets.UTF_8);
    }

    private static long count(String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(url, "postgres", "");
                var rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
