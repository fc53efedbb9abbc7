package dev.hato.sms.loadtest.config;

/** The configuration of a command (a capacity run, a benchmark) from its -Dname=value, read once in main. */
public final class CommandLineConfig {

    private CommandLineConfig() {}

    /**
     * The run's configuration from the JVM's system properties, checked once; a bad value ends the
     * command with exit code 2, saying what is wrong and what is allowed (no stack trace).
     */
    public static RunConfig readOrExit() {
        try {
            return RunConfig.fromSystemProperties();
        } catch (InvalidConfig e) {
            System.err.println("capacity: cannot run with these settings:\n" + e.getMessage());
            System.exit(2);
            throw e;
        }
    }
}
