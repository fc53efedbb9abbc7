package dev.hato.sms.audit;

import dev.hato.sms.web.ApiProblem;
import dev.hato.sms.web.CsvWriter;
import dev.hato.sms.web.Cursor;
import dev.hato.sms.web.Page;
import dev.hato.sms.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, read-only, for superusers (SecurityConfig): no endpoint changes or deletes an entry. */
@RestController
@Tag(name = "Audit", description = "Who did what, when, from where: read and export")
@RequestMapping("/api/audit")
class AuditController {

    static final List<String> HEADER = List.of(
            "id",
            "at",
            "action",
            "actor_id",
            "actor_username",
            "object_type",
            "object_id",
            "address",
            "request_id",
            "before",
            "after");

    private final AuditLog log;
    private final AuditTrail trail;
    private final Clock clock;
    private final ZoneId zone;

    AuditController(
            AuditLog log, AuditTrail trail, Clock clock, @Value("${sms.limits.day-zone:Asia/Tokyo}") ZoneId zone) {
        this.log = log;
        this.trail = trail;
        this.clock = clock;
        this.zone = zone;
    }

    /** Newest first; {@code object} is a type ({@code customer}) or a type and id ({@code customer:42}). */
    @GetMapping
    @ProblemResponses("validation-failed")
    Page<AuditLog.Entry> list(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String object,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime since,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime until,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        int size = Cursor.limit(limit, 50, 200);
        return Page.of(
                log.page(filter(actor, action, object, since, until), Cursor.decode(cursor), size + 1),
                size,
                AuditLog.Entry::id);
    }

    /** The filtered entries as CSV for Excel (see the history export); the export is itself audited. */
    @GetMapping("/export")
    @Operation(responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv")))
    @ProblemResponses("validation-failed")
    void export(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String object,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime since,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime until,
            HttpServletResponse response)
            throws IOException {
        AuditLog.Filter filter = filter(actor, action, object, since, until);
        trail.record(AuditAction.AUDIT_EXPORTED, null, null, null, filterValues(filter));
        CsvWriter.download(response, "audit", clock.instant(), zone);
        try (CsvWriter csv = CsvWriter.excel(response.getOutputStream(), HEADER)) {
            log.each(filter, e -> {
                try {
                    csv.row(Arrays.asList(
                            e.id(),
                            CsvWriter.time(e.at(), zone),
                            e.action(),
                            e.actorId(),
                            e.actorUsername(),
                            e.objectType(),
                            e.objectId(),
                            e.address(),
                            e.requestId(),
                            e.before() == null ? null : e.before().toString(),
                            e.after() == null ? null : e.after().toString()));
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            });
        } catch (UncheckedIOException e) {
            // The client went away mid-file: nothing to answer.
        }
    }

    static Map<String, Object> filterValues(AuditLog.Filter filter) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        if (filter.actor() != null) values.put("actor", filter.actor());
        if (filter.action() != null) values.put("action", filter.action());
        if (filter.objectType() != null) values.put("object_type", filter.objectType());
        if (filter.objectId() != null) values.put("object_id", filter.objectId());
        if (filter.since() != null) values.put("since", filter.since().toString());
        if (filter.until() != null) values.put("until", filter.until().toString());
        return values;
    }

    private static AuditLog.Filter filter(
            String actor, String action, String object, OffsetDateTime since, OffsetDateTime until) {
        if (action != null && AuditAction.parse(action).isEmpty()) {
            throw ApiProblem.invalidField(
                    "action",
                    "must be one of "
                            + Arrays.stream(AuditAction.values())
                                    .map(AuditAction::value)
                                    .toList());
        }
        String type = null;
        String id = null;
        if (object != null) {
            int colon = object.indexOf(':');
            type = colon < 0 ? object : object.substring(0, colon);
            id = colon < 0 ? null : object.substring(colon + 1);
            if (type.isEmpty() || type.length() > 20 || (id != null && (id.isEmpty() || id.length() > 64))) {
                throw ApiProblem.invalidField("object", "a type (customer) or a type and id (customer:42)");
            }
        }
        return new AuditLog.Filter(actor, action, type, id, since, until);
    }
}
