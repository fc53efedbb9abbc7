package dev.hato.sms.web;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Classifies what went wrong below a request, wherever it surfaced (controller, filter, Tomcat). */
public final class Failures {

    private Failures() {}

    /**
     * True when PostgreSQL cannot be reached or is shutting down (no connection within the pool's
     * timeout, a broken connection, SQLSTATE class 08 or 57P0x): the request may succeed later.
     */
    public static boolean isDatabaseUnavailable(Throwable error) {
        if (isPoolExhausted(error)) {
            return false;
        }
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof DataAccessResourceFailureException
                    || e instanceof CannotCreateTransactionException
                    || e instanceof SQLTransientConnectionException
                    || e instanceof SQLRecoverableException
                    || (e instanceof TransactionSystemException && e.getCause() instanceof SQLException)) {
                // (A commit or rollback that failed with a driver error: the connection broke.)
                return true;
            }
            if (e instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Every pooled connection stayed busy for the pool's whole timeout while the database itself is
     * fine (the pool gives no cause then): the service is overloaded, not the database gone.
     */
    public static boolean isPoolExhausted(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SQLTransientConnectionException && e.getCause() == null) {
                return true;
            }
        }
        return false;
    }

    /** Tomcat refused to decode the query string (broken percent-encoding): the client's fault. */
    public static boolean isMalformedQuery(Throwable error) {
        return has(error, org.apache.tomcat.util.http.InvalidParameterException.class);
    }

    /** Whether the chain holds an exception of this type. */
    public static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (type.isInstance(e)) {
                return true;
            }
        }
        return false;
    }

    /** Text from a client, safe for one log line: control characters shown as '?', at most 200 characters. */
    public static String forLog(String text) {
        if (text == null) {
            return "null";
        }
        String cut = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
