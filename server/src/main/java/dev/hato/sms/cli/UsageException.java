package dev.hato.sms.cli;

/** Bad command-line input: reported with the task's usage and exit code 2. */
class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
