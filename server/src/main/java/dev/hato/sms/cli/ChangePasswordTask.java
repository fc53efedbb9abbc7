package dev.hato.sms.cli;

import dev.hato.sms.auth.Usernames;
import dev.hato.sms.auth.Users;
import java.io.PrintStream;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

final class ChangePasswordTask implements CommandLineTasks.ServiceTask {

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("password-file");
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar sms-server.jar changepassword USERNAME [--password-file=FILE] [--spring.datasource.url=...]
                Sets a user's password: the first line of --password-file, or of stdin (asked twice on a terminal).""";
    }

    @Override
    public void validate(Invocation invocation) {
        if (invocation.positional().size() != 1) {
            throw new UsageException("give exactly one USERNAME");
        }
    }

    @Override
    public int run(Invocation invocation, ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        String username = Usernames.normalise(invocation.positional().get(0));
        Users users = context.getBean(Users.class);
        if (!users.exists(username)) {
            err.println("changepassword: no user named " + username);
            return CommandLineTasks.FAILED;
        }
        String password = PasswordInput.read(invocation, java.util.List.of(username));
        users.setPassword(username, context.getBean(PasswordEncoder.class).encode(password));
        out.println("Password changed for " + username);
        return CommandLineTasks.OK;
    }
}
