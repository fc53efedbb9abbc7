package dev.hato.sms.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.SmsTextCases;
import dev.hato.sms.support.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Accessibility, keyboard use, zoom, the security policy, page weight and first render of the console. */
class ConsoleQualityTest extends BrowserTest {

    static final Path STATIC = Path.of("src", "main", "resources", "static");
    static final Path FIGURES = Path.of("target", "console-figures.txt");

    @Test
    void everyScreenHasNoSeriousAccessibilityViolationAndReflowsAt200PercentZoom() {
        var api = client();
        api.login(username, TestUsers.PASSWORD);
        String customer = api.post("/api/customers", Map.of("phone_number", "080-5555-0101", "name", "アクセス 太郎"))
                .json()
                .get("id")
                .asString();
        String template = api.post(
                        "/api/customers/" + customer + "/templates",
                        Map.of("name", "a11y", "content", "{{customer_name}} 様 {{code}}"))
                .json()
                .get("id")
                .asString();
        String token = api.post("/api/tokens", Map.of("customer_id", Long.parseLong(customer)))
                .json()
                .get("token")
                .asString();
        String message = api.post(
                        "/api/sms/send",
                        Map.of(
                                "phone_number", "080-5555-0101",
                                "token", token,
                                "customer_id", Long.parseLong(customer),
                                "template_id", Long.parseLong(template),
                                "variables", Map.of("code", "1")))
                .json()
                .get("id")
                .asString();

        Map<String, List<String>> violations = new LinkedHashMap<>();
        Map<String, Long> overflow = new LinkedHashMap<>();
        browser.open("#/login");
        browser.heading("ログイン");
        check("login", violations, overflow);
        browser.login(username, TestUsers.PASSWORD);
        String[][] screens = {
            {"dashboard", "#/", "[data-figure]"},
            {"customers", "#/customers", "#customer-results tbody tr"},
            {"customer", "#/customers/" + customer, "main table a"},
            {"template", "#/customers/" + customer + "/templates/" + template, "[data-counter]"},
            {"send", "#/send?customer=" + customer + "&template=" + template, "#send-var-code"},
            {"history", "#/history", "#history-table tbody tr"},
            {"message", "#/messages/" + message, "#timeline li"},
            {"team", "#/team", "#team-table tbody tr"},
            {"password", "#/password", "#password-current"},
            {"audit", "#/audit", "#audit-table tbody tr"},
            // Last: the switch to English below is checked on this screen.
            {"ops", "#/ops", ".cards .card"},
        };
        for (String[] screen : screens) {
            browser.open(screen[1]);
            browser.find(screen[2]);
            check(screen[0], violations, overflow);
        }
        browser.find("header button[lang=en]").click();
        browser.heading("Operations");
        check("ops-en", violations, overflow);

        assertThat(violations)
                .allSatisfy((screen, found) -> assertThat(found)
                        .as("serious or critical axe-core violations on " + screen)
                        .isEmpty());
        assertThat(overflow)
                .as("pixels of horizontal scrolling at 200 % zoom")
                .allSatisfy((screen, pixels) -> assertThat(pixels).as(screen).isLessThanOrEqualTo(0L));
    }

    private void check(String screen, Map<String, List<String>> violations, Map<String, Long> overflow) {
        violations.put(screen, browser.seriousAccessibilityViolations());
        browser.zoom(200);
        overflow.put(screen, (Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth"));
        browser.zoom(100);
    }

    @Test
    void theWholeSendFlowWorksWithTheKeyboardAlone() {
        var api = client();
        api.login(username, TestUsers.PASSWORD);
        String name = "キーボード " + System.nanoTime();
        String customer = api.post("/api/customers", Map.of("phone_number", "080-5555-0202", "name", name))
                .json()
                .get("id")
                .asString();
        api.post("/api/customers/" + customer + "/templates", Map.of("name", "keys", "content", "Sent by keyboard"));

        browser.open("");
        browser.heading("ログイン");
        type(username, Keys.TAB);
        type(TestUsers.PASSWORD, Keys.ENTER);
        browser.heading("ダッシュボード");
        tabTo("nav a[href='#/send']");
        type(Keys.ENTER);
        browser.heading("SMS 送信");
        tabTo("#send-search");
        type(name, Keys.ENTER);
        browser.find("#send-choices button");
        tabTo("#send-choices button");
        type(Keys.ENTER);
        browser.waitFor(d -> d.switchTo().activeElement().getAttribute("id").equals("send-template"));
        type(Keys.ARROW_DOWN);
        browser.waitFor(d -> d.findElement(By.id("send-preview")).getText().contains("Sent by keyboard"));
        tabTo("#send-button");
        type(Keys.ENTER);
        browser.find("#sent-message-link");
        tabTo("#sent-message-link");
        type(Keys.ENTER);
        browser.heading("メッセージ #");
        assertThat(browser.mainText()).contains("Sent by keyboard");
    }

    @Test
    void theTeamPageAndTheOwnPasswordWorkWithTheKeyboardAlone() {
        String member = "keys" + System.nanoTime();
        browser.open("");
        browser.heading("ログイン");
        type(username, Keys.TAB);
        type(TestUsers.PASSWORD, Keys.ENTER);
        browser.heading("ダッシュボード");
        tabTo("nav a[href='#/team']");
        type(Keys.ENTER);
        browser.heading("チーム");
        // The filter first: with no row shown, the add form is a few Tabs away however large the team.
        tabTo("#team-filter");
        type(member);
        tabTo("#team-username");
        type(member);
        tabTo("form[aria-labelledby=team-add] button[type=submit]");
        type(Keys.ENTER);
        browser.find("#generated-password");
        browser.find("tr[data-username='" + member + "']");
        tabTo("tr[data-username='" + member + "'] button[data-action=active]");
        type(Keys.ENTER);
        browser.find("dialog [data-confirm]");
        type(Keys.ENTER);
        browser.waitFor(d -> d.findElement(By.cssSelector("tr[data-username='" + member + "']"))
                .getText()
                .contains("無効"));

        tabTo("a[href='#/password']");
        type(Keys.ENTER);
        browser.heading("パスワードの変更");
        tabTo("#password-current");
        type(TestUsers.PASSWORD, Keys.TAB);
        type("violet tugboat ledger thimble", Keys.TAB);
        type("violet tugboat ledger thimble", Keys.ENTER);
        browser.waitFor(d -> d.findElement(By.cssSelector("main .alert.ok")).isDisplayed());
    }

    private void type(CharSequence... keys) {
        browser.driver.switchTo().activeElement().sendKeys(keys);
    }

    /** Presses Tab until the element has the focus: it is reachable from the keyboard, in order. */
    private void tabTo(String css) {
        WebElement target = browser.find(css);
        for (int i = 0; i < 60; i++) {
            if (browser.driver.switchTo().activeElement().equals(target)) {
                return;
            }
            type(Keys.TAB);
        }
        throw new AssertionError(css + " is not reachable with Tab");
    }

    @Test
    void theCounterInThePageCountsTheSharedCasesAsTheServerDoes() throws IOException {
        browser.open("#/login");
        browser.heading("ログイン");
        List<SmsTextCases.Case> cases = SmsTextCases.all();
        List<String> texts = cases.stream().map(SmsTextCases.Case::text).toList();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> counted = (List<Map<String, Object>>) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/assets/js/smstext.js').then(m => done(arguments[0].map(t => m.smsText(t))));",
                texts);
        for (int i = 0; i < cases.size(); i++) {
            SmsTextCases.Case expected = cases.get(i);
            Map<String, Object> actual = counted.get(i);
            assertThat(List.of(actual.get("encoding"), actual.get("length"), actual.get("segments")))
                    .as(expected.name())
                    .containsExactly(expected.encoding(), (long) expected.length(), (long) expected.segments());
        }
    }

    @Test
    void theConsoleIsServedWithAStrictContentSecurityPolicyAndNoInlineCode() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("style=");
        try (Stream<Path> files = Files.walk(STATIC)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                assertThat(Files.readString(file))
                        .as(file.toString())
                        .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(", "new Function");
            }
        }
    }

    @Test
    void pageWeightAndFirstRenderAreMeasured() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long compressed = 0;
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(STATIC)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String path = "/" + STATIC.relativize(file).toString().replace('\\', '/');
                HttpResponse<byte[]> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                compressed += response.body().length;
                lines.add(String.format("%-40s %7d bytes on the wire", path, response.body().length));
            }
        }
        assertThat(compressed).as("the whole console, compressed").isLessThan(150 * 1024);

        browser.open("#/login");
        browser.heading("ログイン");
        double loginMs = firstScreenMillis();
        browser.login(username, TestUsers.PASSWORD);
        browser.find("[data-figure]");
        browser.driver.navigate().refresh();
        browser.find("[data-figure]");
        double dashboardMs = firstScreenMillis();
        lines.add(String.format("total %d bytes (%.1f KB) compressed", compressed, compressed / 1024.0));
        lines.add(String.format(
                "first screen: login %.0f ms (first visit), dashboard %.0f ms (reload, logged in, with its data)",
                loginMs, dashboardMs));
        Files.createDirectories(FIGURES.getParent());
        Files.writeString(FIGURES, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        System.out.println(String.join("\n", lines));
    }

    private double firstScreenMillis() {
        return ((Number)
                        browser.waitFor(
                                d -> browser.script(
                                        "const m = performance.getEntriesByName('hato-first-screen'); return m.length ? m[0].startTime : null")))
                .doubleValue();
    }
}
