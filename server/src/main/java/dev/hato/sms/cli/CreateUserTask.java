package dev.hato.sms.cli;

import dev.hato.sms.auth.Usernames;
import dev.hato.sms.auth.Users;
import java.io.PrintStream;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

final class CreateUserTask implements CommandLineTasks.ServiceTask {

    @Override
    public Set<String> flags() {
        return Set.of("superuser", "staff");
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("email", "password-file");
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar sms-server.jar createuser USERNAME [--email=ADDRESS] [--staff] [--superuser]
                                                           [--password-file=FILE] [--spring.datasource.url=...]
                Creates a user. The password is the first line of --password-file, or of stdin
                (asked twice when stdin is a terminal); at least 8 characters. --superuser implies --staff.""";
    }

    @Override
    public void validate(Invocation invocation) {
        if (invocation.positional().size() != 1) {
            throw new UsageException("give exactly one USERNAME");
        }
        String username = Usernames.normalise(invocation.positional().get(0));
        if (!username.matches("[\\w.@+-]{1,150}")) {
            throw new UsageException("a username has 1-150 letters, digits and @.+-_ only");
        }
        String email = invocation.options().getOrDefault("email", "");
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new UsageException("not an email address: " + email);
        }
    }

    @Override
    public int run(Invocation invocation, ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        String username = Usernames.normalise(invocation.positional().get(0));
        Users users = context.getBean(Users.class);
        if (users.exists(username)) {
            err.println("createuser: user " + username + " already exists (use changepassword)");
            return CommandLineTasks.FAILED;
        }
        String password = PasswordInput.read(
                invocation, java.util.List.of(username, invocation.options().getOrDefault("email", "")));
        boolean superuser = invocation.flags().contains("superuser");
        boolean staff = superuser || invocation.flags().contains("staff");
        long id = users.create(
                username,
                invocation.options().getOrDefault("email", ""),
                context.getBean(PasswordEncoder.class).encode(password),
                staff,
                superuser);
        out.println(
                "Created user " + username + " (id " + id + (superuser ? ", superuser" : staff ? ", staff" : "") + ")");
        return CommandLineTasks.OK;
    }
}
