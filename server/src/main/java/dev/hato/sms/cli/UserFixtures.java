package dev.hato.sms.cli;

import dev.hato.sms.auth.UserImport;
import dev.hato.sms.auth.Usernames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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
class UserFixtures {

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

    private final UserImport users;
    private final TransactionTemplate transaction;
    private final JsonMapper json = JsonMapper.builder().build();

    UserFixtures(UserImport users, TransactionTemplate transaction) {
        this.users = users;
        this.transaction = transaction;
    }

    /** Loads one file and returns how many entries it held. */
    int load(Path file) {
        JsonNode root;
        try {
            root = json.readTree(Files.readString(file));
        } catch (java.io.IOException | JacksonException e) {
            throw new FixtureException(file + ": not a readable JSON fixture ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        return load(file.toString(), root);
    }

    int load(String source, JsonNode root) {
        if (root == null || !root.isArray()) {
            throw new FixtureException(source + ": a fixture must be a JSON array of entries");
        }
        return transaction.execute(status -> {
            int index = 0;
            for (JsonNode entry : root) {
                loadEntry(new FixtureEntry(source, index++, entry));
            }
            users.resyncIdentities();
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

    private void loadUser(FixtureEntry entry, @Nullable Long id) {
        JsonNode f = entry.fields();
        entry.checkFields(USER_FIELDS);
        for (String relation : new String[] {"groups", "user_permissions"}) {
            if (f.has(relation)
                    && !(f.get(relation).isArray() && f.get(relation).isEmpty())) {
                throw entry.error("\"" + relation + "\" is not supported (must be empty)");
            }
        }
        String password = f.has("password") ? orEmpty(entry.text("password", false)) : null;
        if (password != null && !UserImport.isAcceptableHash(password)) {
            throw entry.error("\"password\" is not a usable hash (expected pbkdf2_sha256$ITERATIONS$SALT$HASH with"
                    + " 1,000 to 1,500,000 iterations and a 32-byte hash, a {bcrypt} hash, or \"\")");
        }
        users.upsertUser(new UserImport.ImportedUser(
                id,
                Usernames.normalise(entry.text("username", true)),
                orEmpty(entry.text("email", false)),
                password,
                orEmpty(entry.text("first_name", false)),
                orEmpty(entry.text("last_name", false)),
                entry.flag("is_staff", false),
                entry.flag("is_superuser", false),
                entry.flag("is_active", true),
                entry.timestamp("date_joined"),
                entry.timestamp("last_login")));
    }

    private void loadProfile(FixtureEntry entry, @Nullable Long id) {
        entry.checkFields(PROFILE_FIELDS);
        JsonNode userRef = entry.fields().path("user");
        Long userId;
        if (userRef.isIntegralNumber()) {
            userId = userRef.longValue();
        } else if (userRef.isArray() && userRef.size() == 1 && userRef.get(0).isString()) {
            userId = users.idOf(Usernames.normalise(userRef.get(0).asString())).orElse(null);
        } else {
            throw entry.error("\"user\" must be a user pk or [username]");
        }
        if (userId == null || !users.exists(userId)) {
            throw entry.error("\"user\" " + userRef + " does not exist (load the user first)");
        }
        String employeeId = entry.text("employee_id", true);
        Long holder = users.profileHolder(employeeId).orElse(null);
        if (holder != null && !holder.equals(userId)) {
            throw entry.error("employee_id " + employeeId + " already belongs to user " + holder);
        }
        users.upsertProfile(id, userId, employeeId, orEmpty(entry.text("full_name", false)));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
