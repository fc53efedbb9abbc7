package dev.hato.sms.message;

import dev.hato.sms.audit.AuditAction;
import dev.hato.sms.audit.AuditTrail;
import dev.hato.sms.auth.StaffPrincipal;
import dev.hato.sms.customer.PhoneNumbers;
import dev.hato.sms.web.CsvWriter;
import dev.hato.sms.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Messages")
class HistoryExportController {

    private static final Logger log = LoggerFactory.getLogger(HistoryExportController.class);

    private final HistoryExport export;
    private final AuditTrail audit;
    private final PhoneNumbers phoneNumbers;
    private final LimitProperties limits;
    private final Clock clock;

    HistoryExportController(
            HistoryExport export, PhoneNumbers phoneNumbers, LimitProperties limits, Clock clock, AuditTrail audit) {
        this.export = export;
        this.audit = audit;
        this.phoneNumbers = phoneNumbers;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The history's filters (the same query parameters, no paging) as one CSV file: UTF-8 with a
     * byte-order mark, CRLF, times in sms.limits.day-zone with the offset, formula cells neutralised.
     * Streamed: the header row leaves at once, then the rows as they are read.
     */
    @GetMapping("/api/sms/history/export")
    @Operation(responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv")))
    @ProblemResponses("validation-failed")
    void export(
            @RequestParam(name = "customer_id", required = false) Long customerId,
            @RequestParam(name = "phone_number", required = false) String phoneNumber,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime since,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime until,
            @RequestParam(name = "sent_by", required = false) Long sentBy,
            @AuthenticationPrincipal StaffPrincipal staff,
            HttpServletResponse response)
            throws IOException {
        // Checked before the first byte: a bad filter still answers problem JSON.
        Messages.HistoryFilter filter =
                HistoryFilters.of(phoneNumbers, customerId, phoneNumber, status, since, until, sentBy);
        audit.record(AuditAction.HISTORY_EXPORTED, null, null, null, exported(filter));
        CsvWriter.download(response, "sms-history", clock.instant(), limits.dayZone());
        long rows;
        try {
            rows = export.write(filter, response.getOutputStream());
        } catch (IOException e) {
            // The client went away mid-file: nothing to answer, and nothing changed.
            log.info("History export by user {} ended early: {}", staff.id(), e.getMessage());
            return;
        }
        log.info("History export by user {}: {} messages ({})", staff.id(), rows, filter);
    }

    /** The filters of an export, as its audit entry keeps them. */
    private static Map<String, Object> exported(Messages.HistoryFilter filter) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (filter.customerId() != null) values.put("customer_id", filter.customerId());
        if (filter.e164() != null) values.put("phone_number", filter.e164());
        if (filter.status() != null) values.put("status", filter.status().value());
        if (filter.since() != null) values.put("since", filter.since().toString());
        if (filter.until() != null) values.put("until", filter.until().toString());
        if (filter.sentBy() != null) values.put("sent_by", filter.sentBy());
        return values;
    }
}
