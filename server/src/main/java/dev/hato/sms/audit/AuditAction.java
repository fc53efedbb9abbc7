package dev.hato.sms.audit;

/** Every audited action, by its stable name (the {@code action} filter and column). */
public enum AuditAction {
    LOGIN_SUCCEEDED("login.succeeded"),
    LOGIN_FAILED("login.failed"),
    LOGOUT("logout"),
    PASSWORD_CHANGED("password.changed"),
    PASSWORD_RESET("password.reset"),
    MEMBER_ADDED("member.added"),
    MEMBER_CHANGED("member.changed"),
    MEMBER_SESSIONS_ENDED("member.sessions-ended"),
    CUSTOMER_OPTED_OUT("customer.opted-out"),
    CUSTOMER_OPTED_IN("customer.opted-in"),
    TEMPLATE_CREATED("template.created"),
    TEMPLATE_UPDATED("template.updated"),
    TEMPLATE_DELETED("template.deleted"),
    MESSAGE_SENT("message.sent"),
    CUSTOMERS_IMPORTED("customers.imported"),
    HISTORY_EXPORTED("history.exported"),
    AUDIT_EXPORTED("audit.exported");

    private final String value;

    AuditAction(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static java.util.Optional<AuditAction> parse(String value) {
        for (AuditAction action : values()) {
            if (action.value.equals(value)) {
                return java.util.Optional.of(action);
            }
        }
        return java.util.Optional.empty();
    }
}
