package com.example.sms.auth;

/** A row of {@code users} joined with its profile (absent when the user has none). */
record StaffUser(
        long id,
        String username,
        String email,
        String password,
        boolean isStaff,
        boolean isSuperuser,
        boolean isActive,
        String employeeId,
        String fullName) {

    boolean hasUsablePassword() {
        return password != null && !password.isEmpty();
    }

    UserView view() {
        UserView.Profile profile = employeeId == null ? null : new UserView.Profile(employeeId, fullName);
        return new UserView(id, username, email, isStaff, isSuperuser, profile);
    }
}
