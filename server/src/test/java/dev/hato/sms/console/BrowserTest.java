package dev.hato.sms.console;

import dev.hato.sms.auth.Users;
import dev.hato.sms.support.HttpTest;
import dev.hato.sms.support.TestUsers;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The test JVM's one headless Chromium ({@link Browser#shared}), wiped before each test (cookies,
 * storage, cache, window size), a superuser to log in as, and data made through the API.
 */
abstract class BrowserTest extends HttpTest {

    static final Random RANDOM = new Random();

    @Autowired
    TestUsers users;

    @Autowired
    Users userRows;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    String username;

    @BeforeEach
    void openBrowser() {
        browser = Browser.shared("http://localhost:" + port);
        username = users.superuser();
    }

    String registerCustomer(String name) {
        var api = client();
        api.login(username, TestUsers.PASSWORD);
        String number = "090-" + (1000 + RANDOM.nextInt(9000)) + "-" + (1000 + RANDOM.nextInt(9000));
        var created = api.post("/api/customers", Map.of("phone_number", number, "name", name))
                .json();
        return created.get("id").asString();
    }

    void createTemplate(String customerId, String name, String content) {
        var api = client();
        api.login(username, TestUsers.PASSWORD);
        api.post("/api/customers/" + customerId + "/templates", Map.of("name", name, "content", content));
    }

    /** The send page for this customer with this template chosen. */
    void openSendPage(String customerId, String templateName) {
        browser.open("#/send?customer=" + customerId);
        new Select(browser.find("#send-template")).selectByVisibleText(templateName);
    }

    long messagesOf(String customerId) {
        return jdbc.sql("select count(*) from messages where customer_id = ?")
                .param(Long.parseLong(customerId))
                .query(Long.class)
                .single();
    }
}
