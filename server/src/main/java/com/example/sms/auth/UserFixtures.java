package com.example.sms.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads Django fixtures ({@code [{"model": "accounts.User", "pk": 1, "fields": {...}}]}) for users and
 * profiles. Each file is one transaction; each entry is an upsert, so loading twice changes nothing.
 */
@Service
public class UserFixtures {

    private static final Set<String> USER_FIELDS = Set.of(
            "username",
            "email",
            "password",
            "is_staff",
            "is_superuser",
            "is_active",
            "date_joined",
            "last_login",
            "first_name",
            "last_name",
            "groups",
            "user_permissions");
    private static final Set<String> PROFILE_FIELDS = Set.of("user", "employee_id", "full_name");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json = JsonMapper.builder().build();

    public UserFixtures(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Loads one file and returns how many entries it held. */
    public int load(Path file) {
        JsonNode root;
        try {
            root = json.readTree(Files.readString(file));
        } catch (java.io.IOException | JacksonException e) {
            throw new FixtureException(file + ": not a readable JSON fixture ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        return load(file.toString(), root);
    }

    public int load(String source, JsonNode root) {
        if (root == null || !root.isArray()) {
            throw new FixtureException(source + ": a fixture must be a JSON array of entries");
        }
        return transaction.execute(status -> {
            int index = 0;
            for (JsonNode entry : root) {
                loadEntry(new FixtureEntry(source, index++, entry));
            }
            resyncIdentity("users");
            resyncIdentity("profiles");
            return index;
        });
    }

    private void loadEntry(FixtureEntry entry) {
        JsonNode node = entry.node();
        if (!node.isObject()
                || !node.path("model").isString()
                || !node.path("fields").isObject()) {
            throw entry.error("needs \"model\" (string) and \"fields\" (object)");
        }
        JsonNode pk = node.path("pk");
        if (!pk.isMissingNode() && !pk.isNull() && !pk.isIntegralNumber()) {
            throw entry.error("\"pk\" must be an integer");
        }
        Long id = pk.isIntegralNumber() ? pk.longValue() : null;
        switch (node.path("model").asString().toLowerCase(Locale.ROOT)) {
            case "accounts.user" -> loadUser(entry, id);
            case "accounts.profile" -> loadProfile(entry, id);
            default -> throw entry.error("unknown model (known: accounts.User, accounts.Profile)");
        }
    }

    private void loadUser(FixtureEntry entry, Long id) {
        JsonNode f = entry.fields();
        entry.checkFields(USER_FIELDS);
        for (String relation : new String[] {"groups", "user_permissions"}) {
            if (f.has(relation)
                    && !(f.get(relation).isArray() && f.get(relation).isEmpty())) {
                throw entry.error("\"" + relation + "\" is not supported (must be empty)");
            }
        }
        String username = entry.text("username", true);
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("id", id);
        values.put("username", username);
        values.put("email", orEmpty(entry.text("email", false)));
        values.put("password", orEmpty(entry.text("password", false)));
        values.put("hasPassword", f.has("password"));
        values.put("firstName", orEmpty(entry.text("first_name", false)));
        values.put("lastName", orEmpty(entry.text("last_name", false)));
        values.put("staff", entry.flag("is_staff", false));
        values.put("superuser", entry.flag("is_superuser", false));
        values.put("active", entry.flag("is_active", true));
        values.put("dateJoined", entry.timestamp("date_joined"));
        values.put("lastLogin", entry.timestamp("last_login"));
        String conflict = id == null ? "(username)" : "(id)";
        // A fixture without a password keeps the one a user already has: reloading must not lock anyone out.
        jdbc.sql("insert into users (" + (id == null ? "" : "id, ")
                        + "username, email, password, first_name, last_name, is_staff, is_superuser, is_active,"
                        + " date_joined, last_login) values (" + (id == null ? "" : ":id, ")
                        + ":username, :email, :password, :firstName, :lastName, :staff, :superuser, :active,"
                        + " coalesce(:dateJoined, now()), :lastLogin) on conflict " + conflict + " do update set"
                        + " username = excluded.username, email = excluded.email,"
                        + " password = case when :hasPassword then excluded.password else users.password end,"
                        + " first_name = excluded.first_name, last_name = excluded.last_name,"
                        + " is_staff = excluded.is_staff, is_superuser = excluded.is_superuser,"
                        + " is_active = excluded.is_active, date_joined = coalesce(:dateJoined, users.date_joined),"
                        + " last_login = coalesce(:lastLogin, users.last_login)")
                .params(values)
                .update();
    }

    private void loadProfile(FixtureEntry entry, Long id) {
        entry.checkFields(PROFILE_FIELDS);
        JsonNode userRef = entry.fields().path("user");
        Long userId;
        if (userRef.isIntegralNumber()) {
            userId = userRef.longValue();
        } else if (userRef.isArray() && userRef.size() == 1 && userRef.get(0).isString()) {
            userId = jdbc.sql("select id from users where username = ?")
                    .param(userRef.get(0).asString())
                    .query(Long.class)
                    .optional()
                    .orElse(null);
        } else {
            throw entry.error("\"user\" must be a user pk or [username]");
        }
        if (userId == null
                || !jdbc.sql("select exists(select 1 from users where id = ?)")
                        .param(userId)
                        .query(Boolean.class)
                        .single()) {
            throw entry.error("\"user\" " + userRef + " does not exist (load the user first)");
        }
        String employeeId = entry.text("employee_id", true);
        String fullName = orEmpty(entry.text("full_name", false));
        Long holder = jdbc.sql("select user_id from profiles where employee_id = ?")
                .param(employeeId)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (holder != null && !holder.equals(userId)) {
            throw entry.error("employee_id " + employeeId + " already belongs to user " + holder);
        }
        String conflict = id == null ? "(user_id)" : "(id)";
        jdbc.sql("insert into profiles (" + (id == null ? "" : "id, ") + "user_id, employee_id, full_name) values ("
                        + (id == null ? "" : ":id, ") + ":userId, :employeeId, :fullName) on conflict " + conflict
                        + " do update set user_id = excluded.user_id, employee_id = excluded.employee_id,"
                        + " full_name = excluded.full_name")
                .param("id", id)
                .param("userId", userId)
                .param("employeeId", employeeId)
                .param("fullName", fullName)
                .update();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private void resyncIdentity(String table) {
        jdbc.sql("select setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce((select max(id) from " + table
                        + "), 0) + 1, false)")
                .query(Long.class)
                .single();
    }
}
