package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** New passwords: 12 characters or more, at most what a login accepts, and not easy to guess. */
class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"password1234", "123456789012", "qwertyuiop12", "iloveyou1234", "Password2026!", "aaaaaaaaaaaa"})
    void commonOrPatternedPasswordsOfTwelveCharactersAreRefused(String password) {
        assertThat(PasswordPolicy.refusal(password, List.of()))
                .hasValueSatisfying(why -> assertThat(why).contains("too easy to guess"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "            ", "short", "elevenchars"})
    void passwordsShorterThanTwelveCharactersAreRefused(String password) {
        assertThat(PasswordPolicy.refusal(password, List.of()))
                .hasValueSatisfying(why -> assertThat(why).contains("at least 12 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tsubame kasa hanabi 7", "correct horse battery staple", "ほたるいかの天ぷらと青い傘", "Vq8#pL2m!xR4zT"})
    void longUnrelatedWordsOrRandomCharactersAreAccepted(String password) {
        assertThat(PasswordPolicy.refusal(password, List.of("clerk1", "clerk1@example.com")))
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theUsersOwnNameIsNoPassword() {
        assertThat(PasswordPolicy.refusal("yamada.hanako", List.of("yamada.hanako", "hanako@example.com")))
                .isPresent();
    }

    @org.junit.jupiter.api.Test
    void aPasswordLongerThanALoginAcceptsIsRefused() {
        assertThat(PasswordPolicy.refusal("tsubame kasa ".repeat(79), List.of()))
                .hasValueSatisfying(why -> assertThat(why).contains("at most 1024"));
    }
}
