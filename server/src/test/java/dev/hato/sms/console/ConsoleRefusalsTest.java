package dev.hato.sms.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The console shows the service's refusals: opt-outs, ended sessions, CSRF failures, login throttling. */
class ConsoleRefusalsTest extends BrowserTest {

    @Test
    void anOptOutIsConfirmedShownAndRefusesTheNextSendWithAMessage() {
        browser.open("");
        browser.login(username, TestUsers.PASSWORD);
        String customerId = registerCustomer("Opt Out");
        createTemplate(customerId, "news", "Weekly news");
        browser.open("#/customers/" + customerId);
        browser.heading("Opt Out");
        browser.find("section.panel button.danger").click();
        browser.find("dialog[open] button[data-confirm]").click();
        browser.waitFor(
                d -> d.findElement(By.cssSelector("section.panel dl")).getText().contains("配信停止"));
        assertThat(browser.find("main > .alert").getText()).contains("記録されました");

        openSendPage(customerId, "news");
        browser.find("#send-button").click();
        browser.waitFor(
                d -> d.findElement(By.cssSelector("main > .alert")).getText().contains("配信停止"));
        assertThat(messagesOf(customerId)).isZero();
    }

    @Test
    void onlyASuperuserIsOfferedToLiftAnOptOutAndMustGiveAReason() {
        String customerId = registerCustomer("Lift Me");
        var superuser = client();
        superuser.login(username, TestUsers.PASSWORD);
        superuser.patch("/api/customers/" + customerId, java.util.Map.of("opted_out", true));

        String staff = users.staff();
        browser.open("");
        browser.login(staff, TestUsers.PASSWORD);
        browser.open("#/customers/" + customerId);
        browser.heading("Lift Me");
        assertThat(browser.find("section.panel .hint").getText()).contains("スーパーユーザーのみ");
        assertThat(browser.script("return [...document.querySelectorAll('section.panel .actions button')]"
                        + ".every((b) => b.offsetParent === null)"))
                .as("no visible button to lift the opt-out")
                .isEqualTo(true);

        browser.reset();
        browser.open("");
        browser.login(username, TestUsers.PASSWORD);
        browser.open("#/customers/" + customerId);
        browser.heading("Lift Me");
        browser.find("section.panel button.secondary").click();
        browser.find("dialog[open] #reason-text").sendKeys("Asked again in writing");
        browser.find("dialog[open] button[data-confirm]").click();
        browser.waitFor(
                d -> d.findElement(By.cssSelector("main > .alert")).getText().contains("記録されました"));
        assertThat(jdbc.sql("select reason from suppression_events where customer_id = ? and action = 'opt-in'")
                        .param(Long.parseLong(customerId))
                        .query(String.class)
                        .single())
                .isEqualTo("Asked again in writing");
    }

    @Test
    void aRouteParameterThatIsNoIdNeverBecomesPartOfAnApiPath() {
        browser.open("");
        browser.login(username, TestUsers.PASSWORD);
        browser.open("#/send?customer=../ops/summary&template=../../auth/me");
        browser.heading("SMS 送信");
        browser.find("#send-search");

        @SuppressWarnings("unchecked")
        List<String> fetched =
                (List<String>) browser.script("return performance.getEntriesByType('resource').map((e) => e.name)");
        assertThat(fetched).noneMatch(url -> url.contains("/api/ops/summary"));
        assertThat(browser.mainText()).doesNotContain("queue_depth");
    }

    @Test
    void aSessionEndedOnTheServerSendsTheNextActionToLoginAndBack() {
        browser.open("");
        browser.login(username, TestUsers.PASSWORD);
        browser.open("#/history");
        browser.heading("送信履歴");
        userRows.setPassword(username, passwordEncoder.encode("a new password 1"));
        browser.find("nav a[href='#/customers']").click();
        browser.heading("ログイン");
        WebElement reason = browser.find("form.login .alert");
        assertThat(reason.getText()).containsAnyOf("セッションの有効期限が切れました", "セッションが終了しました");
        browser.screenshot("12-session-ended");
        browser.login(username, "a new password 1");
        browser.heading("顧客");
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/customers");
    }

    @Test
    void aFailedCsrfCheckIsShownAsAMessage() {
        browser.open("");
        browser.login(username, TestUsers.PASSWORD);
        browser.open("#/customers");
        browser.heading("顧客");
        browser.driver.manage().deleteCookieNamed("csrftoken");
        browser.driver.manage().addCookie(new org.openqa.selenium.Cookie("csrftoken", "forged"));
        browser.find("#customer-phone").sendKeys("090-2222-3333");
        browser.driver
                .findElement(By.cssSelector("form[aria-labelledby=register-title] button"))
                .click();
        WebElement alert = browser.find("form[aria-labelledby=register-title] .alert");
        assertThat(alert.getText()).contains("CSRF");
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/customers");
    }

    /**
     * Five wrong passwords are each answered as wrong; then the console says how many seconds to wait.
     * Each answer is read only after it arrived (the alert is emptied before each try): the console
     * ignores a click while a login is in flight. Over the limit the wait doubles from 1 s, so an
     * attempt that a slow machine makes more than 1 s after the fifth failure is still counted as a
     * failure; the next one is refused.
     */
    @Test
    void repeatedFailedLoginsSayWhenToTryAgain() {
        browser.open("#/login");
        List<String> answers = new ArrayList<>();
        while (answers.size() < 8
                && (answers.isEmpty() || !answers.get(answers.size() - 1).contains("秒後"))) {
            browser.script("document.querySelector('form.login .alert').textContent = ''");
            WebElement user = browser.find("#login-username");
            user.clear();
            user.sendKeys(username);
            browser.driver.findElement(By.id("login-password")).sendKeys("wrong password");
            browser.driver
                    .findElement(By.cssSelector("form.login button[type=submit]"))
                    .click();
            answers.add(browser.waitFor(d -> {
                String text = d.findElement(By.cssSelector("form.login .alert")).getText();
                boolean idle = d.findElement(By.cssSelector("form.login button[type=submit]"))
                        .isEnabled();
                return text.isBlank() || !idle ? null : text;
            }));
        }
        assertThat(answers.subList(0, 5))
                .allSatisfy(answer -> assertThat(answer).contains("違います"));
        assertThat(answers.get(answers.size() - 1)).matches("(?s).*\\d+ 秒後.*");
    }

    @Test
    void theLanguageSwitchIsRemembered() {
        browser.open("");
        browser.login(username, TestUsers.PASSWORD);
        browser.heading("ダッシュボード");
        browser.find("header button[lang=en]").click();
        browser.heading("Dashboard");
        browser.driver.navigate().refresh();
        browser.heading("Dashboard");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
        browser.find("header button[lang=ja]").click();
        browser.heading("ダッシュボード");
    }
}
