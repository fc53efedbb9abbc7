package dev.hato.sms.console;

import dev.hato.sms.auth.Users;
import dev.hato.sms.support.HttpTest;
import dev.hato.sms.support.TestUsers;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A headless Chromium per test class, wiped before each test (cookies, storage, cache, window size), a
 * superuser to log in as, and data made through the API. Starting Chromium costs about 1.5 s, which
 * each test used to pay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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
        if (browser == null) {
            browser = new Browser("http://localhost:" + port);
        } else {
            browser.reset();
        }
        username = users.superuser();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
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
