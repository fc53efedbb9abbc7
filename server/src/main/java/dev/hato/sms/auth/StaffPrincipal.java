package dev.hato.sms.auth;

import dev.hato.sms.audit.AuditActor;
import java.io.Serializable;
import java.security.Principal;

/**
 * What the session remembers about the logged-in staff member; kept tiny because it is stored per
 * session. Its name is the username, which Spring Session indexes, so a user's sessions can be ended.
 * {@code superuser} is the flag at login: a change of it ends the session ({@link SessionGuard}), and a
 * session stored before the field existed reads it as false.
 */
public record StaffPrincipal(long id, String username, boolean superuser)
        implements Principal, Serializable, AuditActor {

    @Override
    public String getName() {
        return username;
    }
}
