package dev.hato.sms.cli;

/** A fixture entry that cannot be loaded; the message names the file and the entry. */
class FixtureException extends RuntimeException {
    FixtureException(String message) {
        super(message);
    }
}
