package dev.hato.sms.loadtest.report;

import dev.hato.sms.loadtest.process.ServiceUnderTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A command's output folder. */
public final class OutputFolder {

    private OutputFolder() {}

    /**
     * Empties (or creates) the folder: a report left by an earlier run (a stale PASS on top) must never
     * be read as this run's.
     */
    public static Path fresh(Path folder) throws IOException {
        Path out = folder.toAbsolutePath();
        ServiceUnderTest.deleteRecursively(out);
        return Files.createDirectories(out);
    }
}
