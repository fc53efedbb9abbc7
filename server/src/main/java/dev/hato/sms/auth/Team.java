package dev.hato.sms.auth;

import dev.hato.sms.audit.AuditAction;
import dev.hato.sms.audit.AuditTrail;
import dev.hato.sms.web.ApiProblem;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team, as superusers manage it: add a member, change what they may do, reset a password, end
 * their sessions. A password someone else chose must be changed at the member's next login. Ending
 * sessions takes effect at their next request on every instance (Users#revokeSessions).
 * There is always one active superuser left: a change that would remove the last is refused.
 */
@Service
class Team {

    private static final Logger log = LoggerFactory.getLogger(Team.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    // No 0/O, 1/l/I: a generated password is read aloud or typed from a screen.
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789";

    private final TeamMembers members;
    private final Users users;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;

    Team(TeamMembers members, Users users, PasswordEncoder passwordEncoder, AuditTrail audit) {
        this.audit = audit;
        this.members = members;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    List<TeamRequests.Member> list() {
        return members.list();
    }

    @Transactional
    TeamRequests.Added add(TeamRequests.NewMember request, long actorId) {
        String username = Usernames.normalise(request.username().strip());
        if (!username.matches("[\\w.@+-]{1,150}")) {
            throw ApiProblem.invalidField("username", "1-150 letters, digits and @.+-_ only");
        }
        String email = request.email() == null ? "" : request.email().strip();
        if (request.fullName() != null && !request.fullName().isBlank() && blank(request.employeeId())) {
            throw ApiProblem.invalidField("employee_id", "is needed to store a full name (a profile has both)");
        }
        String generated = request.password() == null ? generatedPassword() : null;
        String password = generated != null ? generated : request.password();
        if (generated == null) {
            checkPolicy(password, username, email, request.fullName());
        }
        if (users.exists(username)) {
            throw AuthProblems.USERNAME_TAKEN.exception("A user named " + username + " exists already");
        }
        boolean superuser = Boolean.TRUE.equals(request.isSuperuser());
        long id;
        try {
            id = members.insert(username, email, passwordEncoder.encode(password), superuser);
            if (!blank(request.employeeId())) {
                members.setProfile(id, request.employeeId().strip(), nullToEmpty(request.fullName()));
            }
        } catch (DuplicateKeyException e) {
            throw duplicate(e);
        }
        log.info("User {} added member {} (id {}{})", actorId, username, id, superuser ? ", superuser" : "");
        audit.record(
                AuditAction.MEMBER_ADDED,
                "user",
                id,
                null,
                values(members.find(id).orElseThrow()));
        return new TeamRequests.Added(id, username, true, generated);
    }

    @Transactional
    TeamRequests.Member change(long id, TeamRequests.MemberChange change, long actorId) {
        // Locked first, all in one order: two superusers demoting each other at once cannot both pass.
        List<Long> superusers = members.lockActiveSuperusers();
        TeamRequests.Member before = members.find(id).orElseThrow(() -> ApiProblem.notFound("User", id));
        boolean active = change.isActive() != null ? change.isActive() : before.isActive();
        boolean superuser = change.isSuperuser() != null ? change.isSuperuser() : before.isSuperuser();
        boolean loses = superusers.contains(id) && !(active && superuser);
        if (loses && superusers.size() == 1) {
            throw AuthProblems.LAST_SUPERUSER.exception(
                    "This is the last active superuser: make another member superuser first");
        }
        try {
            members.setFlags(
                    id,
                    active,
                    superuser,
                    change.email() == null ? before.email() : change.email().strip());
            if (change.employeeId() != null || change.fullName() != null) {
                String employeeId =
                        change.employeeId() != null ? change.employeeId().strip() : before.employeeId();
                if (blank(employeeId)) {
                    throw ApiProblem.invalidField("employee_id", "is needed to store a full name (a profile has both)");
                }
                members.setProfile(
                        id, employeeId, change.fullName() != null ? change.fullName() : nullToEmpty(before.fullName()));
            }
        } catch (DuplicateKeyException e) {
            throw duplicate(e);
        }
        if (!active && before.isActive()) {
            users.revokeSessions(before.username(), null, null);
        }
        log.info(
                "User {} changed member {}: active {} -> {}, superuser {} -> {}",
                actorId,
                id,
                before.isActive(),
                active,
                before.isSuperuser(),
                superuser);
        TeamRequests.Member after = members.find(id).orElseThrow();
        Map<String, Object> was = values(before);
        Map<String, Object> now = values(after);
        // Only what changed (a PATCH that changes nothing is still recorded, with nothing in either).
        was.entrySet().removeIf(e -> Objects.equals(e.getValue(), now.get(e.getKey())));
        now.keySet().removeIf(key -> !was.containsKey(key));
        audit.record(AuditAction.MEMBER_CHANGED, "user", id, was, now);
        return after;
    }

    @Transactional
    TeamRequests.Reset resetPassword(long id, @Nullable String given, long actorId) {
        TeamRequests.Member member = members.find(id).orElseThrow(() -> ApiProblem.notFound("User", id));
        String generated = given == null ? generatedPassword() : null;
        String password = generated != null ? generated : given;
        if (generated == null) {
            checkPolicy(password, member.username(), member.email(), member.fullName());
        }
        members.resetPassword(id, passwordEncoder.encode(password));
        users.revokeSessions(member.username(), null, null);
        log.info("User {} reset the password of member {}", actorId, id);
        audit.record(
                AuditAction.PASSWORD_RESET,
                "user",
                id,
                Map.of("must_change_password", member.mustChangePassword()),
                Map.of("must_change_password", true, "generated", generated != null));
        return new TeamRequests.Reset(true, generated);
    }

    @Transactional
    TeamRequests.SessionsEnded endSessions(long id, long actorId) {
        TeamRequests.Member member = members.find(id).orElseThrow(() -> ApiProblem.notFound("User", id));
        int ended = users.revokeSessions(member.username(), null, null);
        log.info("User {} ended {} session(s) of member {}", actorId, ended, id);
        audit.record(AuditAction.MEMBER_SESSIONS_ENDED, "user", id, null, Map.of("ended", ended));
        return new TeamRequests.SessionsEnded(ended);
    }

    private static void checkPolicy(String password, String username, String email, @Nullable String fullName) {
        List<String> inputs = new ArrayList<>(List.of(username, email));
        if (fullName != null) {
            inputs.add(fullName);
        }
        PasswordPolicy.refusal(password, inputs).ifPresent(reason -> {
            throw ApiProblem.invalidField("password", reason);
        });
    }

    /** 20 characters of 33 (about 100 bits) in groups of five: a password nobody guesses, only types once. */
    static String generatedPassword() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                out.append('-');
            }
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** What the audit trail keeps of a member: never a password or its hash. */
    private static Map<String, Object> values(TeamRequests.Member m) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("username", m.username());
        values.put("email", m.email());
        values.put("full_name", m.fullName());
        values.put("employee_id", m.employeeId());
        values.put("is_superuser", m.isSuperuser());
        values.put("is_active", m.isActive());
        return values;
    }

    private static ApiProblem duplicate(DuplicateKeyException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        return message.contains("employee_id")
                ? AuthProblems.EMPLOYEE_ID_TAKEN.exception("Another user has this employee id")
                : AuthProblems.USERNAME_TAKEN.exception("Another user has this username");
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
