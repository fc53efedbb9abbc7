package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class AllowedHostsTest {

    final AllowedHosts configured =
            AllowedHosts.of(List.of("sms.example.com", " console.example.com:8443 ", "[::1]"), null);

    @Example
    void aNameAloneAllowsEveryPortANameWithAPortOnlyThatOne() {
        assertThat(configured.allows("sms.example.com")).isTrue();
        assertThat(configured.allows("SMS.Example.COM:443")).isTrue();
        assertThat(configured.allows("console.example.com:8443")).isTrue();
        assertThat(configured.allows("console.example.com:9443")).isFalse();
        assertThat(configured.allows("console.example.com")).isFalse();
        assertThat(configured.allows("[::1]:8080")).isTrue();
        assertThat(configured.allows("[::2]:8080")).isFalse();
    }

    @Example
    void lookalikesAreRefused() {
        assertThat(configured.allows("sms.example.com.evil.test")).isFalse();
        assertThat(configured.allows("evil-sms.example.com")).isFalse();
        assertThat(configured.allows("sms.example.com@evil.test")).isFalse();
        assertThat(configured.allows("")).isFalse();
        assertThat(configured.allows(null)).isFalse();
    }

    @Property
    void noHostOutsideTheListIsAllowed(@ForAll @StringLength(max = 60) String host) {
        String name = host.trim().toLowerCase(java.util.Locale.ROOT);
        boolean listed = name.equals("sms.example.com")
                || name.startsWith("sms.example.com:")
                || name.equals("console.example.com:8443")
                || name.equals("[::1]")
                || name.startsWith("[::1]:");
        if (!listed) {
            assertThat(configured.allows(host)).as(host).isFalse();
        }
    }
}
