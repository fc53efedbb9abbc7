package dev.hato.sms.loadtest.load;

/** Request names as reported, matching the Locust reference's rows. */
public final class Endpoints {

    public static final String LOGIN = "POST /api/auth/login";
    public static final String CUSTOMER = "POST /api/customers";
    public static final String TOKEN = "POST /api/tokens";
    public static final String TEMPLATE = "POST /api/customers/[id]/templates";
    public static final String SEND = "POST /api/sms/send";
    public static final String HISTORY = "GET /api/sms/history";

    private Endpoints() {}
}
