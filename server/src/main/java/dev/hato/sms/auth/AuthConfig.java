package dev.hato.sms.auth;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

@Configuration(proxyBeanMethods = false)
class AuthConfig {

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(
                "bcrypt",
                Map.of(
                        "bcrypt",
                        new BCryptPasswordEncoder(),
                        DjangoPbkdf2PasswordEncoder.ALGORITHM,
                        new DjangoPbkdf2PasswordEncoder()));
        // Django stores its hashes without Spring's "{id}" prefix.
        encoder.setDefaultPasswordEncoderForMatches(new DjangoPbkdf2PasswordEncoder());
        return encoder;
    }
}
