package dev.hato.sms.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The team page and the forced password change, as a superuser and a new member live them. */
class ConsoleTeamTest extends BrowserTest {

    static final String CHOSEN = "violet tugboat ledger thimble";

    @Test
    void aSuperuserAddsAMemberWhoMustChooseAPasswordThenSendsAndIsShownOutWhenDeactivated() {
        String customer = registerCustomer("山田 花子");
        createTemplate(customer, "team", "ご来店ありがとうございました。");
        String member = "member" + System.nanoTime();

        browser.open("");
        browser.login(username, TestUsers.PASSWORD);
        browser.find("a[href='#/team']").click();
        browser.heading("チーム");
        browser.find("#team-username").sendKeys(member);
        browser.find("#team-name").sendKeys("佐藤 花子");
        browser.find("#team-employee").sendKeys("E" + System.nanoTime());
        browser.driver
                .findElement(By.cssSelector("form[aria-labelledby=team-add] button[type=submit]"))
                .click();
        String generated = browser.find("#generated-password").getText();
        browser.find("tr[data-username='" + member + "']");
        assertThat(browser.find("tr[data-username='" + member + "']").getText()).contains("佐藤 花子", "パスワード変更待ち");
        browser.find("#team-filter").sendKeys(member);
        browser.waitFor(d -> d.findElements(By.cssSelector("#team-table tbody tr:not([hidden])"))
                        .size()
                == 1);
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("12-team");
        browser.driver.findElement(By.cssSelector(".who button:last-of-type")).click();
        browser.heading("ログイン");

        browser.login(member, generated);
        browser.heading("パスワードの変更");
        assertThat(browser.mainText()).contains("管理者が設定したもの");
        browser.open("#/history");
        browser.heading("パスワードの変更");
        browser.screenshot("13-password-forced");
        browser.find("#password-current").sendKeys(generated);
        browser.find("#password-new").sendKeys(CHOSEN);
        browser.find("#password-confirm").sendKeys(CHOSEN);
        browser.driver
                .findElement(By.cssSelector("main form button[type=submit]"))
                .click();
        browser.heading("ダッシュボード");

        openSendPage(customer, "team");
        browser.find("#send-button").click();
        browser.find("#sent-message-link");
        assertThat(messagesOf(customer)).isEqualTo(1);
        browser.open("");
        browser.heading("ダッシュボード");

        ApiClient owner = client();
        owner.login(username, TestUsers.PASSWORD);
        long id = jdbc.sql("select id from users where username = ?")
                .param(member)
                .query(Long.class)
                .single();
        assertThat(owner.patch("/api/users/" + id, Map.of("is_active", false)).status())
                .isEqualTo(200);

        // The dashboard refreshes by itself: its next request finds the session revoked.
        browser.heading("ログイン");
        assertThat(browser.mainText()).contains("パスワードまたは権限が変更された");

        // Each of those steps, on the audit page.
        browser.login(username, TestUsers.PASSWORD);
        browser.open("#/audit?object=user:" + id);
        browser.heading("監査ログ");
        browser.find("#audit-table tr[data-action='member.changed']");
        assertThat(actions()).containsExactly("member.changed", "password.changed", "login.succeeded", "member.added");
        browser.screenshot("14-audit");
        browser.open("#/audit?actor=" + member);
        browser.find("#audit-table tr[data-action='message.sent']");
        assertThat(actions()).containsExactly("message.sent", "password.changed", "login.succeeded");
    }

    private java.util.List<String> actions() {
        return browser.driver.findElements(By.cssSelector("#audit-table tbody tr")).stream()
                .map(row -> row.getAttribute("data-action"))
                .toList();
    }
}
