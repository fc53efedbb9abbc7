package dev.hato.sms.loadtest.config;

import java.util.List;

/** Settings that cannot be used, each with what is wrong and what is allowed. */
public final class InvalidConfig extends RuntimeException {

    InvalidConfig(List<String> problems) {
        super(String.join("\n", problems), null, false, false);
    }
}
