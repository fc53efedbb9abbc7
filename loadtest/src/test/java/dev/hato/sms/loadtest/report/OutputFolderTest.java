package dev.hato.sms.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every run starts from an empty output folder, so an earlier run's report is never read as this one's. */
class OutputFolderTest {

    @TempDir
    Path temp;

    @Test
    void anEarlierRunsReportAndStepFoldersAreGoneBeforeTheRunStarts() throws Exception {
        Path out = temp.resolve("capacity");
        Files.createDirectories(out.resolve("step-03-1055280/gatling/run-1"));
        Files.writeString(out.resolve("report.html"), "<h1>PASS</h1> from an earlier run");
        Files.writeString(out.resolve("step-03-1055280/gatling/run-1/index.html"), "old step");

        Path fresh = OutputFolder.fresh(out);

        assertThat(fresh).isEqualTo(out.toAbsolutePath()).isDirectory();
        try (Stream<Path> left = Files.list(fresh)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aMissingFolderIsCreated() throws Exception {
        Path out = temp.resolve("not/there/yet");

        assertThat(OutputFolder.fresh(out)).isDirectory();
    }
}
