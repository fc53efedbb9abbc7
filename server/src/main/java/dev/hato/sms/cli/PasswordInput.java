package dev.hato.sms.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads a new password from --password-file, the terminal (asked twice) or the first line of stdin. */
final class PasswordInput {

    static final int MIN_LENGTH = 8;
    /** What login accepts (LoginRequest): a longer password could be set and then never used. */
    static final int MAX_LENGTH = 1024;

    private PasswordInput() {}

    static String read(Invocation invocation) {
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
        if (password.isBlank() || password.length() < MIN_LENGTH) {
            throw new UsageException("the password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new UsageException(
                    "the password must have at most " + MAX_LENGTH + " characters (the longest a login accepts)");
        }
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
