package dev.hato.sms.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hato.sms.receipt.ReceiptHandler;
import dev.hato.sms.support.AwsEvents;
import dev.hato.sms.support.TestUsers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/** The staff console in a real Chromium: the send flow staff use all day, and what must never happen in it. */
class ConsoleSendFlowTest extends BrowserTest {

    @Autowired
    ReceiptHandler receipts;

    @Test
    void staffRegisterACustomerWriteATemplateSendAndFollowItToSent() {
        browser.open("");
        browser.heading("ログイン");
        browser.screenshot("01-login");
        browser.login(username, TestUsers.PASSWORD);
        browser.heading("ダッシュボード");
        browser.find("[data-figure=sent]");
        browser.find("#per-minute svg");
        browser.screenshot("02-dashboard");

        browser.open("#/customers");
        browser.heading("顧客");
        WebElement phone = browser.find("#customer-phone");
        phone.sendKeys("03-1234-5678");
        browser.driver.findElement(By.id("customer-name")).sendKeys("山田 花子");
        browser.driver
                .findElement(By.cssSelector("form[aria-labelledby=register-title] button"))
                .click();
        WebElement error = browser.find("#customer-phone-error");
        assertThat(error.getText()).containsIgnoringCase("landline");
        assertThat(phone.getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("03-customers-field-error");
        phone.clear();
        phone.sendKeys("090-1234-5678");
        browser.driver
                .findElement(By.cssSelector("form[aria-labelledby=register-title] button"))
                .click();
        browser.heading("山田 花子");
        String customerId = browser.driver.getCurrentUrl().replaceAll(".*#/customers/", "");
        browser.screenshot("04-customer");

        browser.find("a[href$='/templates/new']").click();
        browser.heading("新しいテンプレート");
        browser.find("#template-name").sendKeys("reminder");
        WebElement content = browser.find("#template-content");
        // A GSM-7 text, then a UCS-2 one, then one with an emoji: the live counter before saving must
        // show what the server answers after saving.
        content.sendKeys("Hello {{customer_name}}, your code is {{code}} [ok]");
        assertCounterMatchesServerAfterSave(customerId, "GSM-7");
        browser.screenshot("05-template-gsm7");
        replaceContent("こんにちは {{customer_name}} 様、コード {{code}} です。");
        assertCounterMatchesServerAfterSave(customerId, "UCS-2");
        replaceContent("ご予約ありがとうございます 😀 {{code}}");
        assertCounterMatchesServerAfterSave(customerId, "UCS-2");
        assertThat(browser.find("#template-variables").getText()).contains("{{code}}");
        browser.screenshot("06-template-ucs2");

        openSendPage(customerId, "reminder");
        browser.heading("SMS 送信");
        browser.find("#send-var-code").sendKeys("4711");
        browser.waitFor(d -> d.findElement(By.id("send-preview")).getText().contains("4711"));
        browser.screenshot("07-send");
        browser.find("#send-button").click();
        WebElement link = browser.find("#sent-message-link");
        String messageId = link.getAttribute("href").replaceAll(".*#/messages/", "");
        browser.screenshot("08-send-accepted");

        browser.open("#/history?customer_id=" + customerId);
        browser.heading("送信履歴");
        browser.find("tr[data-id='" + messageId + "']");
        // The row follows its message until it is sent, without reloading the page.
        browser.waitFor(d -> d.findElement(By.cssSelector("tr[data-id='" + messageId + "']"))
                .getAttribute("data-status")
                .equals("sent"));
        browser.screenshot("09-history");

        browser.find("tr[data-id='" + messageId + "'] a").click();
        browser.heading("メッセージ #" + messageId);
        WebElement timeline = browser.find("#timeline");
        browser.waitFor(d ->
                d.findElements(By.cssSelector("#timeline li[data-status=sent]")).size() == 1);
        assertThat(browser.driver.findElements(By.cssSelector("#timeline li")).stream()
                        .map(li -> li.getAttribute("data-status"))
                        .toList())
                .containsSubsequence("queued", "sending", "sent");
        assertThat(browser.mainText()).contains(username).contains("ご予約ありがとうございます 😀 4711");
        assertThat(timeline.isDisplayed()).isTrue();
        browser.screenshot("10-message");
        // The carrier's receipt comes: the page shows it delivered, with the carrier's event, without reloading.
        String providerId = jdbc.sql("select provider_message_id from messages where id = ?")
                .param(Long.parseLong(messageId))
                .query(String.class)
                .single();
        assertThat(receipts.handle(AwsEvents.text("TEXT_DELIVERED", true, Long.parseLong(messageId), providerId)))
                .isEqualTo(ReceiptHandler.Disposition.DONE);
        browser.waitFor(d -> d.findElements(By.cssSelector("#timeline li[data-status=delivered]"))
                        .size()
                == 1);
        assertThat(browser.mainText()).contains("配信済み").contains("TEXT_DELIVERED");
        browser.screenshot("10b-message-delivered");

        browser.open("#/ops");
        browser.heading("運用");
        browser.find(".cards .card");
        browser.screenshot("11-ops");
        assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
    }

    private void replaceContent(String text) {
        WebElement content = browser.find("#template-content");
        // chromedriver types only the Basic Multilingual Plane, so the text is set as a paste would.
        browser.script(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", content, text);
    }

    private void assertCounterMatchesServerAfterSave(String customerId, String expectedEncoding) {
        WebElement counter = browser.find("[data-counter]");
        String encoding = counter.getAttribute("data-encoding");
        String length = counter.getAttribute("data-length");
        String segments = counter.getAttribute("data-segments");
        assertThat(encoding).isEqualTo(expectedEncoding);
        String before = browser.driver.getCurrentUrl();
        browser.find("main form button[type=submit]").click();
        browser.waitFor(
                d -> !d.getCurrentUrl().equals(before) || d.getCurrentUrl().matches(".*/templates/\\d+$"));
        browser.waitFor(d -> d.getCurrentUrl().matches(".*/templates/\\d+$"));
        String templateId = browser.driver.getCurrentUrl().replaceAll(".*/templates/", "");
        var saved = jdbcTemplate(customerId, templateId);
        assertThat(List.of(encoding, length, segments)).isEqualTo(saved);
    }

    /** What the server says about the stored template (its API, as any client would ask). */
    private List<String> jdbcTemplate(String customerId, String templateId) {
        var api = client();
        api.login(username, TestUsers.PASSWORD);
        var template = api.get("/api/customers/" + customerId + "/templates/" + templateId)
                .json();
        return List.of(
                template.get("encoding").asString(),
                template.get("length").asString(),
                template.get("segments").asString());
    }

    @Test
    void markupInATemplateIsShownAsText() {
        browser.open("");
        browser.login(username, TestUsers.PASSWORD);
        String customerId = registerCustomer("<b>bold</b>");
        String markup = "<img src=x onerror=alert(1)>";
        browser.open("#/customers/" + customerId + "/templates/new");
        browser.find("#template-name").sendKeys(markup);
        browser.find("#template-content").sendKeys(markup);
        browser.find("main form button[type=submit]").click();
        browser.waitFor(d -> d.getCurrentUrl().matches(".*/templates/\\d+$"));
        browser.heading(markup);
        browser.open("#/customers/" + customerId);
        browser.heading("<b>bold</b>");
        browser.find("main table a[href*='/templates/']");
        assertThat(browser.mainText()).contains(markup);
        assertThat(browser.driver.findElements(By.cssSelector("main img, main b")))
                .isEmpty();
        assertThat(alertOpen()).isFalse();
    }

    private boolean alertOpen() {
        try {
            browser.driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    @Test
    void aDoubleClickedSendCreatesOneMessage() {
        browser.open("");
        browser.login(username, TestUsers.PASSWORD);
        String customerId = registerCustomer("Double Click");
        createTemplate(customerId, "twice", "Only once, please");
        openSendPage(customerId, "twice");
        new Actions(browser.driver).doubleClick(browser.find("#send-button")).perform();
        browser.find("#sent-message-link");
        // A second request has every chance to arrive: the count must stay 1 for 1.5 s.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> messagesOf(customerId) == 1);
        assertThat(messagesOf(customerId)).isEqualTo(1);
    }
}
