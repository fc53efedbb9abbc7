package dev.hato.sms.token;

import java.time.OffsetDateTime;

/** The only time the token is ever shown: the service keeps just its hash. */
record IssuedToken(String token, long customerId, OffsetDateTime expiresAt) {}
