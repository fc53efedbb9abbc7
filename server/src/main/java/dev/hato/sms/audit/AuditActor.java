package dev.hato.sms.audit;

/** Who acted, as the session's principal knows it (implemented by auth's StaffPrincipal). */
public interface AuditActor {

    long id();

    String username();
}
