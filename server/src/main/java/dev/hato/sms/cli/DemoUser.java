package dev.hato.sms.cli;

import dev.hato.sms.auth.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * First run on the embedded database: with no user at all, nobody could log in, so the admin
 * fixture is loaded with a well-known password. Never on an external database, and only while the
 * service listens on loopback (the embedded default).
 */
@Component
@ConditionalOnProperty(
        name = {"sms.embedded-db.active", "sms.demo.enabled"},
        havingValue = "true",
        matchIfMissing = false)
class DemoUser implements ApplicationRunner {

    static final String FIXTURE = """
            [{"model":"accounts.User","pk":1,"fields":{"username":"admin","email":"admin@example.com","is_staff":true,"is_superuser":true}},\
            {"model":"accounts.Profile","fields":{"user":1,"employee_id":"EMP001","full_name":"管理者ユーザー"}}]""";
    static final String PASSWORD = "password123";

    private static final Logger log = LoggerFactory.getLogger(DemoUser.class);

    private final Users users;
    private final UserFixtures fixtures;
    private final PasswordEncoder passwordEncoder;

    private final Environment environment;

    DemoUser(Users users, UserFixtures fixtures, PasswordEncoder passwordEncoder, Environment environment) {
        this.environment = environment;
        this.users = users;
        this.fixtures = fixtures;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        String address = environment.getProperty("server.address");
        if (!isLoopback(address)) {
            log.warn(
                    "No user exists, and the demo user is not created because the service listens on {}, not"
                            + " only on loopback. Create one: java -jar sms-server.jar createuser NAME --superuser",
                    address);
            return;
        }
        fixtures.load("demo fixture", JsonMapper.builder().build().readTree(FIXTURE));
        users.setPassword("admin", passwordEncoder.encode(PASSWORD));
        log.warn("""

                ************************************************************************
                *  DEMO CREDENTIALS ACTIVE: user "admin", password "{}".       *
                *  The service listens on {} only, so only this machine can log in.  *
                *  Change the password (java -jar sms-server.jar changepassword admin) *
                *  before setting server.address to expose it.                        *
                ************************************************************************""", PASSWORD, address);
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
