package dev.hato.sms.web;

/**
 * The service's clock in SQL: statements write {@code {now}} where they would write {@code now()}, and
 * bind {@code OffsetDateTime.now(clock)} as {@code :now}, so every time rule reads the one {@code Clock} bean (tests
 * move it) rather than the database's.
 */
public final class ClockSql {

    private ClockSql() {}

    /** The statement with each {@code {now}} as the bound {@code :now} parameter. */
    public static String of(String sql) {
        return sql.replace("{now}", "cast(:now as timestamptz)");
    }
}
