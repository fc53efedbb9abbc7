package dev.hato.sms.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** The team endpoints' bodies and answers (superusers only). */
final class TeamRequests {

    private TeamRequests() {}

    /** A new member: without a password one is generated and answered once. */
    record NewMember(
            @Schema(example = "sato") @NotBlank @Size(max = 150)
            String username,

            @Size(max = 1024) @Nullable String password,

            @Schema(example = "佐藤 花子") @Size(max = 255) @Nullable
            String fullName,

            @Schema(example = "E-1024") @Size(max = 50) @Nullable
            String employeeId,

            @Email @Size(max = 254) @Nullable String email,
            @Nullable Boolean isSuperuser) {}

    /** What a superuser may change about a member; absent fields stay as they are. */
    record MemberChange(
            @Schema(example = "false") @Nullable Boolean isActive,
            @Nullable Boolean isSuperuser,
            @Size(max = 255) @Nullable String fullName,
            @Size(min = 1, max = 50) @Nullable String employeeId,
            @Email @Size(max = 254) @Nullable String email) {}

    /** A reset: the given password, or a generated one. Either way the member must change it. */
    record PasswordReset(
            @Schema(example = "violet tugboat ledger thimble") @Size(max = 1024) @Nullable
            String password) {}

    /** 201 of an add: {@code generatedPassword} only when the service chose it (shown this once). */
    record Added(
            long id,
            String username,
            boolean mustChangePassword,
            @Nullable String generatedPassword) {}

    /** 200 of a reset. */
    record Reset(boolean mustChangePassword, @Nullable String generatedPassword) {}

    /** 200 of ending a member's sessions. */
    record SessionsEnded(int ended) {}

    /** A member as the team page lists them. */
    record Member(
            long id,
            String username,
            String email,
            @Nullable String fullName,
            @Nullable String employeeId,
            boolean isStaff,
            boolean isSuperuser,
            boolean isActive,
            boolean mustChangePassword,
            @Nullable OffsetDateTime lastLogin,
            OffsetDateTime dateJoined,
            int recentFailedLogins,
            int sessionsOpen) {}
}
