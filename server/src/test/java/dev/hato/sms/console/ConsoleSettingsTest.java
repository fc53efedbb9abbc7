package dev.hato.sms.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

/**
 * The console follows the server's settings instead of fixing them: other CSRF cookie and header names
 * (every unsafe request still passes the CSRF check) and another template length limit (the counter
 * counts against it).
 */
@TestPropertySource(
        properties = {
            "sms.security.csrf-cookie-name=hato_csrf",
            "sms.security.csrf-header-name=X-Hato-Csrf",
            "sms.templates.max-length=200"
        })
class ConsoleSettingsTest extends BrowserTest {

    @Test
    void theConsoleWorksWithOtherCsrfNamesAndAnotherTemplateLimit() {
        // Made in the database: the tests' API client speaks the default CSRF names.
        String customerId = jdbc.sql("insert into customers (phone_number, phone_number_e164, name)"
                        + " values ('09077776666', '+819077776666', 'Settings Test') returning id")
                .query(Long.class)
                .single()
                .toString();
        browser.open("");
        browser.login(username, TestUsers.PASSWORD);
        browser.open("#/customers/" + customerId + "/templates/new");
        browser.find("#template-name").sendKeys("limit");
        WebElement content = browser.find("#template-content");
        content.sendKeys("a".repeat(201));

        WebElement counter = browser.find("[data-counter]");
        assertThat(counter.getText()).contains("201 / 200");
        assertThat(counter.getAttribute("class")).contains("over");

        content.sendKeys(Keys.BACK_SPACE);
        browser.find("main form button[type=submit]").click();
        // Saved: the POST carried the token from hato_csrf in X-Hato-Csrf, or the CSRF check refused it.
        browser.waitFor(d -> d.getCurrentUrl().matches(".*/templates/\\d+$"));
        assertThat(jdbc.sql("select count(*) from templates where customer_id = ? and name = 'limit'")
                        .param(Long.parseLong(customerId))
                        .query(Long.class)
                        .single())
                .isOne();
    }
}
