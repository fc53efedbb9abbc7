package dev.hato.sms.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * moto's server, an AWS emulator (not a stub we wrote), on a free loopback port for one test: SNS (with
 * its SMS log), SQS and SNS-to-SQS subscriptions. Closing it stops it; the test JVM's exit stops it too
 * ({@link ChildProcessReaper}). The prerequisites check stops the build without it; should it be missing
 * anyway, the test is skipped and says so.
 */
public final class MotoServer implements AutoCloseable {

    public static final String REGION = "ap-northeast-1";

    private final Process process;
    private final int port;

    public MotoServer(Path log) {
        Optional<Path> moto = executable();
        Assumptions.assumeTrue(moto.isPresent(), "moto_server is not installed on this machine: test skipped");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            process = new ProcessBuilder(moto.get().toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions()
                    .until(() -> {
                        try (Socket ignored = new Socket("127.0.0.1", port)) {
                            return true;
                        }
                    });
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public SnsClient sns() {
        return pointedHere(SnsClient.builder()).build();
    }

    public SqsClient sqs() {
        return pointedHere(SqsClient.builder()).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B pointedHere(B builder) {
        return builder.endpointOverride(endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static Optional<Path> executable() {
        Stream<String> dirs = Stream.concat(
                Stream.of(System.getenv().getOrDefault("PATH", "").split(":")),
                Stream.of(System.getProperty("user.home") + "/.pyenv/shims", "/usr/local/bin", "/usr/bin"));
        return dirs.filter(d -> !d.isBlank())
                .map(d -> Path.of(d, "moto_server"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
