package dev.hato.sms.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

/** The dashboard shows today's delivered share and spend, and warns when the spend reaches 80 % of the budget. */
@TestPropertySource(properties = "sms.limits.daily-budget-usd=1.00")
class ConsoleBudgetTest extends BrowserTest {

    @Test
    void theDashboardWarnsWhenTodaysSpendReachesEightyPercentOfTheDailyBudget() {
        long customer = jdbc.sql("insert into customers (phone_number, phone_number_e164, name)"
                        + " values ('09077775555', '+819077775555', 'Budget Test') returning id")
                .query(Long.class)
                .single();
        // A delivered message of today that cost 85 % of the budget, as its receipt would have recorded it.
        jdbc.sql("insert into messages (customer_id, phone_number_e164, body, encoding, segments, status, sent_by,"
                        + " sent_at, delivered_at, parts, price_usd, provider_message_id)"
                        + " values (?, '+819077775555', 'budget', 'GSM-7', 1, 'delivered',"
                        + " (select min(id) from users), now(), now(), 12, 0.85, 'budget-test')")
                .param(customer)
                .update();

        browser.open("");
        browser.login(username, TestUsers.PASSWORD);
        browser.heading("ダッシュボード");

        String spend = browser.find("[data-figure=spend]").getText();
        assertThat(spend).contains("USD").contains("予算 USD 1.00");
        assertThat(browser.driver.findElements(By.cssSelector("[data-figure=spend] .badge")))
                .as("the warning at 80 % of the budget")
                .hasSize(1);
        assertThat(browser.find("[data-figure=deliveredShare]").getText()).contains("%");
        assertThat(browser.find("[data-figure=deliveryTime]").getText()).contains("/");
    }
}
