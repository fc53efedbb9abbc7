package dev.hato.sms.auth;

import org.jspecify.annotations.Nullable;

/**
 * The user as the API shows it: never the password hash.
 *
 * @param mustChangePassword every call but the password change answers 403 password-change-required
 */
public record UserView(
        long id,
        String username,
        String email,
        boolean isStaff,
        boolean isSuperuser,
        @Nullable Profile profile,
        boolean mustChangePassword) {

    public record Profile(String employeeId, String fullName) {}
}
