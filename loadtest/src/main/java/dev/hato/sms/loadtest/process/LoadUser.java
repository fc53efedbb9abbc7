package dev.hato.sms.loadtest.process;

import dev.hato.sms.loadtest.config.RunConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The cluster's load-test user, made with the service jar's own loaddata task. */
final class LoadUser {

    private LoadUser() {}

    /**
     * The staff member the load logs in as, loaded with the jar's own loaddata task as a fixture with a
     * Django PBKDF2 hash of the configured password (a fixture's hash is not held to the policy for new
     * passwords that createuser applies, so the same password works here and on a single instance).
     */
    static void create(RunConfig config, List<String> datasource, Path out) throws Exception {
        Path fixture = out.resolve("staff-user.json");
        Files.writeString(
                fixture,
                "[{\"model\":\"accounts.User\",\"pk\":1,\"fields\":{\"username\":\""
                        + config.load().username()
                        + "\",\"email\":\"admin@example.com\",\"is_staff\":true,\"is_superuser\":true,"
                        + "\"is_active\":true,\"password\":\""
                        + djangoHash(config.load().password()) + "\"}}]");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ServiceUnderTest.jar(config).toString(),
                "loaddata",
                fixture.toString()));
        command.addAll(datasource);
        Process process = StartedProcesses.start(new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("loaddata.log").toFile()));
        if (process.waitFor() != 0) {
            throw new IllegalStateException("loaddata of the staff user failed; see " + out.resolve("loaddata.log"));
        }
    }

    /** Django's pbkdf2_sha256 format; 100,000 iterations (the service upgrades it at the first login). */
    private static String djangoHash(String password) throws Exception {
        byte[] salt = new byte[12];
        new java.security.SecureRandom().nextBytes(salt);
        String saltText = java.util.HexFormat.of().formatHex(salt);
        int iterations = 100_000;
        byte[] hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new javax.crypto.spec.PBEKeySpec(
                        password.toCharArray(),
                        saltText.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        iterations,
                        256))
                .getEncoded();
        return "pbkdf2_sha256$" + iterations + "$" + saltText + "$"
                + java.util.Base64.getEncoder().encodeToString(hash);
    }
}
