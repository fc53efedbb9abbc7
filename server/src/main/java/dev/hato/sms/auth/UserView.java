package dev.hato.sms.auth;

import org.jspecify.annotations.Nullable;

/** The user as the API shows it: never the password hash. */
public record UserView(
        long id,
        String username,
        String email,
        boolean isStaff,
        boolean isSuperuser,
        @Nullable Profile profile) {

    public record Profile(String employeeId, String fullName) {}
}
