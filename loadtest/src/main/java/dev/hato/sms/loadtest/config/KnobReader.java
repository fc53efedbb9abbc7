package dev.hato.sms.loadtest.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Reads knobs, collecting every problem instead of stopping at the first. */
public final class KnobReader {
    private final Function<String, @Nullable String> source;
    private final List<String> problems = new ArrayList<>();

    KnobReader(Function<String, @Nullable String> source) {
        this.source = source;
    }

    String text(Knob knob) {
        String value = source.apply(knob.property);
        return value == null || value.isBlank() ? knob.defaultValue : value.trim();
    }

    void problem(Knob knob, String what) {
        problems.add("-D" + knob.property + "=" + text(knob) + ": " + what);
    }

    double number(Knob knob) {
        try {
            return Double.parseDouble(text(knob));
        } catch (NumberFormatException e) {
            problem(knob, "not a number (default " + knob.defaultValue + ")");
            return Double.parseDouble(knob.defaultValue.isEmpty() ? "1" : knob.defaultValue);
        }
    }

    double positive(Knob knob) {
        double value = number(knob);
        if (!(value > 0)) {
            problem(knob, "must be greater than 0");
        }
        return value;
    }

    double share(Knob knob) {
        double value = number(knob);
        if (value < 0 || value > 1) {
            problem(knob, "must be a share between 0 and 1 (0.01 = 1 %)");
        }
        return value;
    }

    long integer(Knob knob, long min) {
        try {
            long value = Long.parseLong(text(knob));
            if (value < min) {
                problem(knob, "must be at least " + min);
            }
            return value;
        } catch (NumberFormatException e) {
            problem(knob, "not a whole number (default " + knob.defaultValue + ")");
            return Long.parseLong(knob.defaultValue);
        }
    }

    List<Integer> integers(Knob knob) {
        List<Integer> values = new ArrayList<>();
        for (String part : text(knob).split(",")) {
            try {
                values.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                problem(knob, "a comma-separated list of whole numbers (default " + knob.defaultValue + ")");
                return List.of(1);
            }
        }
        return List.copyOf(values);
    }

    boolean bool(Knob knob) {
        return oneOf(knob, "false", "true").equals("true");
    }

    String oneOf(Knob knob, String... allowed) {
        String value = text(knob).toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(value)) {
            problem(knob, "must be one of " + String.join(", ", allowed));
            return allowed[0];
        }
        return value;
    }

    Duration duration(Knob knob, boolean zeroAllowed) {
        try {
            Duration value = KnobReader.duration(text(knob));
            if (value.isNegative() || (!zeroAllowed && value.isZero())) {
                problem(knob, zeroAllowed ? "must not be negative" : "must be longer than 0");
            }
            return value;
        } catch (RuntimeException e) {
            problem(knob, "not a duration (use 250ms, 30s, 5m, 1h)");
            return KnobReader.duration(knob.defaultValue);
        }
    }

    DisruptionKind disruption() {
        try {
            return DisruptionKind.of(text(Knob.DISRUPT));
        } catch (IllegalArgumentException e) {
            problem(Knob.DISRUPT, "must be one of none, rolling-restart, kill, postgres-restart");
            return DisruptionKind.NONE;
        }
    }

    void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidConfig(problems);
        }
    }

    /** Parses "30s", "5m", "1h", "250ms" or a bare number of seconds. */
    public static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        char unit = t.charAt(t.length() - 1);
        if (Character.isDigit(unit)) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (unit) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("not a duration: " + text + " (use 30s, 5m, 1h)");
        };
    }
}
