package com.example.sms.auth;

/** The user as the API shows it: never the password hash. */
public record UserView(long id, String username, String email, boolean isStaff, boolean isSuperuser, Profile profile) {

    public record Profile(String employeeId, String fullName) {}
}
