package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.HttpTest;
import dev.hato.sms.support.SmsApi;
import dev.hato.sms.support.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * docs/api.md's "Who may do what" table, tried: every endpoint the service maps (from every handler
 * mapping, so a new endpoint without a row fails here) by every role, each getting the documented
 * answer. "yes" means the endpoint did its work, whatever that answered (a 400 for an empty body
 * included); 401 and 403 mean refused with exactly that status.
 */
class PermissionModelTest extends HttpTest {

    static final Path API_DOCS = Path.of("..", "docs", "api.md");
    static final List<String> ROLES = List.of("anonymous", "non-staff", "staff", "superuser");
    static final String LIFT = "lifting an opt-out";
    static final String OWN_PASSWORD = "with the role's own password";

    @Autowired
    TestUsers testUsers;

    @Autowired
    ApplicationContext context;

    @Autowired
    Users users;

    record Row(String method, String path, String action, Map<String, String> expected) {
        String key() {
            return method + " " + path + (action.isEmpty() ? "" : " " + action);
        }
    }

    @Test
    void everyEndpointOfTheCodeHasARowAndEveryRowIsAnEndpoint() throws IOException {
        TreeSet<String> documented = new TreeSet<>();
        for (Row row : table()) {
            documented.add(row.method() + " " + row.path());
        }

        TreeSet<String> mapped = mappedEndpoints();

        assertThat(new TreeSet<>(mapped) {
                    {
                        removeAll(documented);
                    }
                })
                .as("endpoints without a row in docs/api.md's permission table")
                .isEmpty();
        assertThat(new TreeSet<>(documented) {
                    {
                        removeAll(mapped);
                    }
                })
                .as("rows of docs/api.md's permission table that the service does not map")
                .isEmpty();
    }

    @Test
    void everyRoleGetsTheDocumentedAnswerFromEveryEndpoint() throws IOException {
        Map<String, Credentials> roles = new LinkedHashMap<>();
        roles.put("anonymous", new Credentials("nobody" + System.nanoTime(), "not a password"));
        roles.put("non-staff", new Credentials(testUsers.nonStaff(), TestUsers.PASSWORD));
        roles.put("staff", new Credentials(testUsers.staff(), TestUsers.PASSWORD));
        roles.put("superuser", new Credentials(testUsers.superuser(), TestUsers.PASSWORD));
        ApiClient owner = loggedIn(roles.get("superuser"));
        SmsApi api = new SmsApi(owner);
        long customer = api.customer(String.format("0903%07d", Math.floorMod(System.nanoTime(), 10_000_000L)));
        long template = api.template(customer, "permission model");
        // The team endpoints act on a member of their own: a reset or an ended session of one of the
        // roles' users would change the answers of the rows after it.
        long member = users.findByUsername(testUsers.staff()).orElseThrow().id();
        Function<String, String> ids = path -> path.startsWith("/api/users/")
                ? path.replaceFirst("\\{id}", Long.toString(member))
                : path.replaceFirst("\\{id}", Long.toString(customer)).replaceFirst("\\{id}", Long.toString(template));

        Map<String, ApiClient> clients = new LinkedHashMap<>();
        roles.forEach((role, credentials) -> clients.put(role, loggedIn(credentials)));

        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (Row row : table()) {
            for (String role : ROLES) {
                Credentials credentials = roles.get(role);
                ApiClient client = clients.get(role);
                ApiClient.Response answer;
                if (row.action().equals(LIFT)) {
                    owner.patch("/api/customers/" + customer, Map.of("opted_out", true));
                    answer = client.patch(
                            "/api/customers/" + customer, Map.of("opted_out", false, "reason", "consented again"));
                } else if (row.action().equals(OWN_PASSWORD)) {
                    answer = client.login(credentials.username(), credentials.password());
                } else {
                    boolean unsafe = !row.method().equals("GET");
                    // "/**" (a path pattern of actuator's): one of the paths under it.
                    String path = ids.apply(row.path()).replace("/**", "/liveness");
                    answer = client.send(row.method(), path, unsafe ? Map.of() : null, Map.of());
                }
                tried++;
                String expected = row.expected().get(role);
                boolean refused = answer.status() == 401 || answer.status() == 403;
                boolean ok = expected.equals("yes")
                        ? !refused && answer.status() < 500
                        : Integer.toString(answer.status()).equals(expected);
                if (!ok) {
                    wrong.add(row.key() + " as " + role + ": documented " + expected + ", answered " + answer.status()
                            + " "
                            + answer.text()
                                    .substring(0, Math.min(120, answer.text().length())));
                }
                if (row.path().equals("/api/auth/logout")) {
                    clients.put(role, loggedIn(credentials));
                }
            }
        }

        assertThat(wrong).as("answers that differ from docs/api.md").isEmpty();
        assertThat(tried).isGreaterThanOrEqualTo(4 * 25);
    }

    record Credentials(String username, String password) {}

    /** A fresh client with a CSRF token that has tried to log in as these credentials. */
    private ApiClient loggedIn(Credentials credentials) {
        ApiClient client = client();
        client.get("/api/auth/csrf");
        client.login(credentials.username(), credentials.password());
        return client;
    }

    /** "METHOD /path" of every handler method of every handler mapping, path variables as {id}. */
    private TreeSet<String> mappedEndpoints() {
        TreeSet<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (var info : mapping.getHandlerMethods().keySet()) {
                var methods = info.getMethodsCondition().getMethods();
                for (String path : info.getPatternValues()) {
                    String normalised = path.replaceAll("\\{[^}]+}", "{id}");
                    if (methods.isEmpty()) {
                        endpoints.add("ANY " + normalised);
                    }
                    for (RequestMethod method : methods) {
                        endpoints.add(method.name() + " " + normalised);
                    }
                }
            }
        }
        return endpoints;
    }

    /** The rows of the table under "## Who may do what": `METHOD /path` and an action, then one cell per role. */
    static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(API_DOCS)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Who may do what");
                continue;
            }
            if (!inSection || !line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            assertThat(cells).as(line).hasSize(1 + ROLES.size());
            String first = cells[0].strip();
            int close = first.indexOf('`', 1);
            String[] endpoint = first.substring(1, close).split(" ", 2);
            // What follows the endpoint: an action the test knows how to try, and remarks in parentheses.
            String action =
                    first.substring(close + 1).replaceAll("\\(.*\\)", "").strip();
            assertThat(action)
                    .as("an action this test knows how to try: " + line)
                    .isIn("", LIFT, OWN_PASSWORD);
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                String cell = cells[i + 1].strip().split(" ")[0];
                assertThat(cell).as(line).isIn("yes", "401", "403");
                expected.put(ROLES.get(i), cell);
            }
            rows.add(new Row(endpoint[0], endpoint[1], action, expected));
        }
        assertThat(rows).as("rows of the permission table in docs/api.md").isNotEmpty();
        return rows;
    }
}
