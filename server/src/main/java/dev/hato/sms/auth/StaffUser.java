package dev.hato.sms.auth;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code users} joined with its profile (absent when the user has none).
 *
 * @param mustChangePassword someone else chose the password: the member must set their own first
 */
record StaffUser(
        long id,
        String username,
        String email,
        String password,
        boolean isStaff,
        boolean isSuperuser,
        boolean isActive,
        @Nullable String employeeId,
        @Nullable String fullName,
        boolean mustChangePassword) {

    StaffUser withPassword(String hash) {
        return new StaffUser(
                id, username, email, hash, isStaff, isSuperuser, isActive, employeeId, fullName, mustChangePassword);
    }

    StaffUser withoutForcedChange() {
        return new StaffUser(
                id, username, email, password, isStaff, isSuperuser, isActive, employeeId, fullName, false);
    }

    /** Staff members and superusers use the service; other accounts (Django's plain users) cannot log in. */
    boolean mayUseTheService() {
        return isStaff || isSuperuser;
    }

    boolean hasUsablePassword() {
        return password != null && !password.isEmpty();
    }

    UserView view() {
        UserView.Profile profile = employeeId == null ? null : new UserView.Profile(employeeId, fullName);
        return new UserView(id, username, email, isStaff, isSuperuser, profile, mustChangePassword);
    }
}
