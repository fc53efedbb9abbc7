package dev.hato.sms.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.SmsTextCases;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The strings the console's live counter is checked against too (ConsoleQualityTest runs the same
 * file through the page's JavaScript): client and server count alike, and the server is the authority.
 */
class SmsTextSharedCasesTest {

    @Test
    void serverCountsEverySharedCaseAsWritten() throws IOException {
        List<SmsTextCases.Case> cases = SmsTextCases.all();
        assertThat(cases).hasSizeGreaterThan(10);
        for (SmsTextCases.Case c : cases) {
            SmsText counted = SmsText.of(c.text());
            assertThat(new Object[] {counted.encoding().label(), counted.length(), counted.segments()})
                    .as(c.name())
                    .containsExactly(c.encoding(), c.length(), c.segments());
        }
    }
}
