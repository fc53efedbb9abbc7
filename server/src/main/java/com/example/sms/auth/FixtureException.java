package com.example.sms.auth;

/** A fixture entry that cannot be loaded; the message names the file and the entry. */
public class FixtureException extends RuntimeException {
    public FixtureException(String message) {
        super(message);
    }
}
