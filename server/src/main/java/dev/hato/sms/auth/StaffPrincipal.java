package dev.hato.sms.auth;

import java.io.Serializable;

/** What the session remembers about the logged-in staff member; kept tiny because it is stored per session. */
public record StaffPrincipal(long id, String username) implements Serializable {}
