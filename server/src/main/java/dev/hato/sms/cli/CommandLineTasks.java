package dev.hato.sms.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Administrative tasks on the service's own jar: {@code loaddata}, {@code createuser}, {@code
 * changepassword}. They boot the same configuration without the web server, so they act on the
 * database the service uses (starting and stopping the embedded one when that is the default).
 * {@code dbsetup} (the deployment's database role) connects on its own, without booting the service.
 */
public final class CommandLineTasks {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final Map<String, Task> TASKS = Map.of(
            "loaddata",
            new LoadDataTask(),
            "createuser",
            new CreateUserTask(),
            "changepassword",
            new ChangePasswordTask(),
            "dbsetup",
            new DatabaseSetupTask());

    private CommandLineTasks() {}

    public static boolean isTask(String[] args) {
        return args.length > 0 && TASKS.containsKey(args[0]);
    }

    /** Runs the task named by {@code args[0]} on the given application's configuration; returns the exit code. */
    public static int run(String[] args, Class<?> application) {
        return run(args, application, System.out, System.err);
    }

    static int run(String[] args, Class<?> application, PrintStream out, PrintStream err) {
        Task task = TASKS.get(args[0]);
        Invocation invocation;
        try {
            invocation = Invocation.parse(List.of(args).subList(1, args.length), task.flags(), task.valueOptions());
        } catch (UsageException e) {
            err.println(args[0] + ": " + e.getMessage());
            err.println(task.usage());
            return USAGE;
        }
        if (invocation.flags().contains("help")) {
            out.println(task.usage());
            return OK;
        }
        try {
            task.validate(invocation);
        } catch (UsageException e) {
            err.println(args[0] + ": " + e.getMessage());
            err.println(task.usage());
            return USAGE;
        }
        try {
            if (task instanceof SettingsTask settingsTask) {
                return settingsTask.run(settings(invocation.settings()), out);
            }
            try (ConfigurableApplicationContext context = boot(application, invocation.settings())) {
                return ((ServiceTask) task).run(invocation, context, out, err);
            }
        } catch (UsageException e) {
            err.println(args[0] + ": " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println(args[0] + ": " + rootMessage(e));
            return FAILED;
        }
    }

    /** The task's settings and the environment's (SPRING_DATASOURCE_URL, ...), without booting anything. */
    private static Environment settings(List<String> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(settings.toArray(String[]::new)));
        return environment;
    }

    /** The database and what the task uses; no web server, no dispatcher, no scheduled samplers. */
    static ConfigurableApplicationContext boot(Class<?> application, List<String> settings) {
        List<String> args = new ArrayList<>(settings);
        args.add("--sms.demo.enabled=false");
        args.add("--sms.dispatch.enabled=false");
        args.add("--sms.scheduling.enabled=false");
        args.add("--spring.main.banner-mode=off");
        args.add("--spring.main.log-startup-info=false");
        args.add("--logging.level.root=WARN");
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? e.getMessage() : e.getMessage() + " (" + cause.getMessage() + ")";
    }

    /** What every task has: its flags and options, its usage text and a check of its arguments. */
    interface Task {
        Set<String> flags();

        Set<String> valueOptions();

        String usage();

        void validate(Invocation invocation);
    }

    /** A task that acts on the booted service (its database, its beans). */
    interface ServiceTask extends Task {
        int run(Invocation invocation, ConfigurableApplicationContext context, PrintStream out, PrintStream err);
    }

    /** A task that must not boot the service (dbsetup must not migrate as the master): settings only. */
    interface SettingsTask extends Task {
        int run(Environment settings, PrintStream out);
    }
}
