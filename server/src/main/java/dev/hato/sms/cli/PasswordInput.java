package dev.hato.sms.cli;

import dev.hato.sms.auth.PasswordPolicy;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads a new password from --password-file, the terminal (asked twice) or the first line of stdin. */
final class PasswordInput {

    private PasswordInput() {}

    /** The new password, if {@link PasswordPolicy} allows it for a user with these names and e-mail. */
    static String read(Invocation invocation, List<String> userInputs) {
        String password;
        String file = invocation.options().get("password-file");
        if (file != null) {
            try {
                password = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
                        .findFirst()
                        .orElse("");
            } catch (IOException e) {
                throw new UsageException("cannot read password file " + file);
            }
        } else {
            password = fromStdin();
        }
        PasswordPolicy.refusal(password, userInputs).ifPresent(why -> {
            throw new UsageException(why);
        });
        return password;
    }

    private static String fromStdin() {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] second = console.readPassword("Password (again): ");
            if (first == null || !Arrays.equals(first, second)) {
                throw new UsageException("the passwords do not match");
            }
            return new String(first);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new UsageException("no password: give --password-file=FILE or write it to stdin");
            }
            return line;
        } catch (IOException e) {
            throw new UsageException("cannot read the password from stdin");
        }
    }
}
