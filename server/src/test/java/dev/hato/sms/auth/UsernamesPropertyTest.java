package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class UsernamesPropertyTest {

    @Property
    void everyUsernameHasAThrottleKeyOf64HexCharacters(@ForAll @StringLength(max = 150) String username) {
        assertThat(Usernames.throttleKey(username)).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Property
    void normalisingTwiceChangesNothingAndKeepsTheKey(@ForAll @StringLength(max = 150) String username) {
        String once = Usernames.normalise(username);

        assertThat(Usernames.normalise(once)).isEqualTo(once);
        assertThat(Usernames.throttleKey(once)).isEqualTo(Usernames.throttleKey(username));
    }

    @Example
    void casesAndCompatibilityFormsShareAKey() {
        assertThat(Usernames.throttleKey("Clerk")).isEqualTo(Usernames.throttleKey("clerk"));
        assertThat(Usernames.throttleKey("ﬁle")).isEqualTo(Usernames.throttleKey("file"));
        assertThat(Usernames.throttleKey("ｃｌｅｒｋ")).isEqualTo(Usernames.throttleKey("clerk"));
        assertThat(Usernames.throttleKey("İ".repeat(150))).hasSize(64);
    }
}
