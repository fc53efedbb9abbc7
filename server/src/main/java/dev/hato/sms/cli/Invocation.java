package dev.hato.sms.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task's parsed arguments. Options the task does not know but that look like Spring settings
 * ({@code --spring.datasource.url=...}, {@code --sms.embedded-db.data-dir=...}) go to the
 * application context, so tasks accept the same settings as the service.
 */
record Invocation(List<String> positional, Set<String> flags, Map<String, String> options, List<String> settings) {

    static Invocation parse(List<String> args, Set<String> knownFlags, Set<String> knownOptions) {
        List<String> positional = new ArrayList<>();
        Set<String> flags = new HashSet<>();
        Map<String, String> options = new HashMap<>();
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                flags.add("help");
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (knownFlags.contains(name)) {
                    if (value != null) {
                        throw new UsageException("--" + name + " takes no value");
                    }
                    flags.add(name);
                } else if (knownOptions.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("--" + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    options.put(name, value);
                } else if (name.contains(".") && value != null) {
                    settings.add(arg);
                } else {
                    throw new UsageException("unknown option " + arg);
                }
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown option " + arg);
            } else {
                positional.add(arg);
            }
        }
        return new Invocation(List.copyOf(positional), Set.copyOf(flags), Map.copyOf(options), List.copyOf(settings));
    }
}
