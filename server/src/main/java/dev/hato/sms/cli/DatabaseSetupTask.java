package dev.hato.sms.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * {@code dbsetup}: run once per task start with the database's master credentials (in the deployment,
 * an init container that alone holds them), before the service connects. Creates or updates the
 * application role (login, no superuser, no role or database creation), lets it create tables in the
 * public schema, and hands it the tables an earlier master-run migration created, so the service runs
 * its migrations and serves as that role and never needs the master. Idempotent. It does not boot
 * the service: it must not migrate as the master.
 */
final class DatabaseSetupTask implements CommandLineTasks.SettingsTask {

    static final String ROLE = "[a-z_][a-z0-9_]{0,62}";

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of();
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar sms-server.jar dbsetup [--spring.datasource.url=... --spring.datasource.username=MASTER ...]
                Creates or updates the application's database role sms.dbsetup.app-username (default hato_app) with the
                password sms.dbsetup.app-password (e.g. the environment variable SMS_DBSETUP_APP_PASSWORD), connecting
                with the master credentials spring.datasource.*; then the service connects as that role.""";
    }

    @Override
    public void validate(Invocation invocation) {
        if (!invocation.positional().isEmpty()) {
            throw new UsageException("dbsetup takes no arguments");
        }
    }

    @Override
    public int run(Environment environment, PrintStream out) {
        String url = environment.getProperty("spring.datasource.url", "");
        String role = environment.getProperty("sms.dbsetup.app-username", "hato_app");
        String password = environment.getProperty("sms.dbsetup.app-password", "");
        if (url.isBlank()) {
            throw new UsageException("set spring.datasource.url (and the master's username and password)");
        }
        if (!role.matches(ROLE)) {
            throw new UsageException("sms.dbsetup.app-username must be a plain lower-case role name: " + role);
        }
        if (password.length() < 16) {
            throw new UsageException("sms.dbsetup.app-password must have at least 16 characters");
        }
        try (Connection master = DriverManager.getConnection(
                        url,
                        environment.getProperty("spring.datasource.username", ""),
                        environment.getProperty("spring.datasource.password", ""));
                Statement sql = master.createStatement()) {
            master.setAutoCommit(false);
            boolean exists = sql.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")
                    .next();
            sql.execute((exists ? "alter" : "create") + " role " + role + " login password " + literal(password));
            sql.execute("alter role " + role + " nosuperuser nocreatedb nocreaterole noreplication");
            // To hand objects over the master must be able to act as the role (an RDS master is no superuser).
            sql.execute("grant " + role + " to current_user");
            sql.execute("do $$ begin execute format('grant connect on database %I to " + role
                    + "', current_database()); end $$");
            sql.execute("grant usage, create on schema public to " + role);
            int handedOver = 0;
            var owned = master.createStatement()
                    .executeQuery("select format('alter %s %I.%I owner to " + role + "',"
                            + " case c.relkind when 'S' then 'sequence' when 'v' then 'view' else 'table' end,"
                            + " n.nspname, c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                            + " where n.nspname = 'public' and c.relkind in ('r', 'p', 'v')"
                            + " and pg_get_userbyid(c.relowner) = current_user");
            while (owned.next()) {
                try (Statement change = master.createStatement()) {
                    change.execute(owned.getString(1));
                    handedOver++;
                }
            }
            master.commit();
            out.println("Database role " + role + " ready (" + (exists ? "updated" : "created") + "); " + handedOver
                    + " tables handed over to it");
            return CommandLineTasks.OK;
        } catch (SQLException e) {
            throw new IllegalStateException("dbsetup failed: " + e.getMessage(), e);
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
