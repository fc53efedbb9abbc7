package dev.hato.sms.message;

import dev.hato.sms.auth.StaffPrincipal;
import dev.hato.sms.auth.Users;
import dev.hato.sms.customer.PhoneNumbers;
import dev.hato.sms.web.ApiProblem;
import dev.hato.sms.web.Cursor;
import dev.hato.sms.web.Page;
import dev.hato.sms.web.ProblemResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Messages", description = "Send an SMS, the send history and one message with its status trail")
@RequestMapping("/api/sms")
class MessageController {

    private final SendService sendService;
    private final Messages messages;
    private final PhoneNumbers phoneNumbers;
    private final MessageStats stats;
    private final Users users;
    private final DailySummaries dailySummaries;
    private final LimitProperties limits;
    private final Clock clock;

    MessageController(
            SendService sendService,
            Messages messages,
            PhoneNumbers phoneNumbers,
            MessageStats stats,
            Users users,
            DailySummaries dailySummaries,
            LimitProperties limits,
            Clock clock) {
        this.users = users;
        this.dailySummaries = dailySummaries;
        this.limits = limits;
        this.clock = clock;
        this.sendService = sendService;
        this.messages = messages;
        this.phoneNumbers = phoneNumbers;
        this.stats = stats;
    }

    /** 202: the message is stored and queued; delivery to the provider happens asynchronously. */
    @PostMapping("/send")
    @ProblemResponses({
        "validation-failed",
        "malformed-request",
        "token-unknown",
        "token-expired",
        "token-customer-mismatch",
        "token-used",
        "template-not-found",
        "phone-number-mismatch",
        "customer-opted-out",
        "missing-variable",
        "body-too-long",
        "idempotency-key-reused",
        "send-rate-limited",
        "destination-rate-limited",
        "daily-segment-limit"
    })
    ResponseEntity<MessageView> send(
            @Valid @RequestBody SendRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @AuthenticationPrincipal StaffPrincipal staff) {
        SendService.Result result = sendService.send(request, staff.id(), idempotencyKey);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Idempotent-Replayed", Boolean.toString(result.replayed()))
                .body(result.message());
    }

    @GetMapping("/history")
    @ProblemResponses("validation-failed")
    Page<MessageView> history(
            @RequestParam(name = "customer_id", required = false) Long customerId,
            @RequestParam(name = "phone_number", required = false) String phoneNumber,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime since,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime until,
            @RequestParam(name = "sent_by", required = false) Long sentBy,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        Messages.HistoryFilter filter =
                HistoryFilters.of(phoneNumbers, customerId, phoneNumber, status, since, until, sentBy);
        int size = Cursor.limit(limit, 50, 200);
        return Page.of(messages.page(filter, Cursor.decode(cursor), size + 1), size, MessageView::id);
    }

    /**
     * For the console's dashboard: today's messages by status (the day starts in sms.limits.day-zone),
     * the queue, and SMS per minute over the last hour by the minute they were accepted. At most a few
     * seconds old.
     */
    @GetMapping("/stats")
    MessageStats.Stats stats() {
        return stats.current();
    }

    /**
     * Per day in sms.limits.day-zone, {@code from} to {@code to} (both included; default the last 7 days
     * up to today, at most 92): accepted, sent, delivered, undelivered, unknown and failed, the delivered
     * share of those with a result, and the spend the provider reported.
     */
    @GetMapping("/summary/daily")
    @ProblemResponses("validation-failed")
    List<DailySummaries.Day> daily(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate last = to != null ? to : LocalDate.ofInstant(clock.instant(), limits.dayZone());
        LocalDate first = from != null ? from : last.minusDays(6);
        if (first.isAfter(last)) {
            throw ApiProblem.invalidField("from", "must not be after to");
        }
        if (first.plusDays(91).isBefore(last)) {
            throw ApiProblem.invalidField("from", "at most 92 days at once");
        }
        return dailySummaries.between(first, last);
    }

    @GetMapping("/messages/{id}")
    @ProblemResponses({"validation-failed", "not-found"})
    MessageDetail message(@PathVariable long id) {
        MessageView message = messages.find(id).orElseThrow(() -> ApiProblem.notFound("Message", id));
        return new MessageDetail(message, users.username(message.sentBy()).orElse(null), messages.events(id));
    }
}
