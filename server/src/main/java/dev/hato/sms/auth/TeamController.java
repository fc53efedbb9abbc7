package dev.hato.sms.auth;

import dev.hato.sms.web.ProblemResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The team: superusers only (SecurityConfig), every staff member and Django-imported user alike. */
@RestController
@Tag(name = "Team", description = "Staff members: add, deactivate, reset a password, grant superuser, end sessions")
@RequestMapping("/api/users")
class TeamController {

    private final Team team;

    TeamController(Team team) {
        this.team = team;
    }

    @GetMapping
    List<TeamRequests.Member> list() {
        return team.list();
    }

    /** 201; the member must change the password at first login. Without one, it is generated and answered once. */
    @PostMapping
    @ProblemResponses({"validation-failed", "malformed-request", "username-taken", "employee-id-taken"})
    ResponseEntity<TeamRequests.Added> add(
            @Valid @RequestBody TeamRequests.NewMember body, @AuthenticationPrincipal StaffPrincipal actor) {
        return ResponseEntity.status(HttpStatus.CREATED).body(team.add(body, actor.id()));
    }

    /** Deactivating ends the member's sessions at once; refused when it would leave no active superuser. */
    @PatchMapping("/{id}")
    @ProblemResponses({"validation-failed", "malformed-request", "not-found", "last-superuser", "employee-id-taken"})
    TeamRequests.Member change(
            @PathVariable long id,
            @Valid @RequestBody TeamRequests.MemberChange body,
            @AuthenticationPrincipal StaffPrincipal actor) {
        return team.change(id, body, actor.id());
    }

    /** Ends the member's sessions and makes them choose a new password at their next login. */
    @PostMapping("/{id}/password")
    @ProblemResponses({"validation-failed", "malformed-request", "not-found"})
    TeamRequests.Reset resetPassword(
            @PathVariable long id,
            @Valid @RequestBody(required = false) TeamRequests.PasswordReset body,
            @AuthenticationPrincipal StaffPrincipal actor) {
        return team.resetPassword(id, body == null ? null : body.password(), actor.id());
    }

    @DeleteMapping("/{id}/sessions")
    @ProblemResponses({"validation-failed", "not-found"})
    TeamRequests.SessionsEnded endSessions(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal actor) {
        return team.endSessions(id, actor.id());
    }
}
