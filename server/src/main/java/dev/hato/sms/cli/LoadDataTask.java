package dev.hato.sms.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;

final class LoadDataTask implements CommandLineTasks.ServiceTask {

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of();
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar sms-server.jar loaddata FILE... [--spring.datasource.url=...] [--sms.embedded-db.data-dir=...]
                Loads Django fixtures (JSON arrays of {"model", "pk", "fields"}) for accounts.User and accounts.Profile.
                Entries are upserted by pk (or username / user when pk is absent): loading twice changes nothing.
                Each file is one transaction: an unknown model or field writes nothing of that file.""";
    }

    @Override
    public void validate(Invocation invocation) {
        if (invocation.positional().isEmpty()) {
            throw new UsageException("name at least one fixture file");
        }
        for (String file : invocation.positional()) {
            if (!Files.isReadable(Path.of(file))) {
                throw new UsageException("cannot read " + file);
            }
        }
    }

    @Override
    public int run(Invocation invocation, ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        UserFixtures fixtures = context.getBean(UserFixtures.class);
        int total = 0;
        for (String file : invocation.positional()) {
            try {
                int count = fixtures.load(Path.of(file));
                out.println("Loaded " + count + " object(s) from " + file);
                total += count;
            } catch (FixtureException e) {
                err.println("loaddata: " + e.getMessage());
                err.println("loaddata: nothing of " + file + " was written");
                return CommandLineTasks.FAILED;
            }
        }
        out.println("Installed " + total + " object(s) from "
                + invocation.positional().size() + " fixture(s)");
        return CommandLineTasks.OK;
    }
}
