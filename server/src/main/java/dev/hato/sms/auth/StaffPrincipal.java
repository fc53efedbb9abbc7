package dev.hato.sms.auth;

import java.io.Serializable;
import java.security.Principal;

/**
 * What the session remembers about the logged-in staff member; kept tiny because it is stored per
 * session. Its name is the username, which Spring Session indexes, so a user's sessions can be ended.
 */
public record StaffPrincipal(long id, String username) implements Principal, Serializable {

    @Override
    public String getName() {
        return username;
    }
}
