package com.example.sms.message;

import com.example.sms.auth.StaffPrincipal;
import com.example.sms.customer.PhoneNumbers;
import com.example.sms.web.ApiProblem;
import com.example.sms.web.Cursor;
import com.example.sms.web.Page;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.util.Set;
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
@RequestMapping("/api/sms")
class MessageController {

    private static final Set<String> STATUSES = Set.of("queued", "sending", "sent", "failed");

    private final SendService sendService;
    private final Messages messages;
    private final PhoneNumbers phoneNumbers;

    MessageController(SendService sendService, Messages messages, PhoneNumbers phoneNumbers) {
        this.sendService = sendService;
        this.messages = messages;
        this.phoneNumbers = phoneNumbers;
    }

    /** 202: the message is stored and queued; delivery to the provider happens asynchronously. */
    @PostMapping("/send")
    ResponseEntity<MessageView> send(
            @Valid @RequestBody SendRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @AuthenticationPrincipal StaffPrincipal staff) {
        SendService.Result result = sendService.send(request, staff.id(), idempotencyKey);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Idempotent-Replayed", Boolean.toString(result.replayed()))
                .body(result.message());
    }

    @GetMapping("/history")
    Page<MessageView> history(
            @RequestParam(name = "customer_id", required = false) Long customerId,
            @RequestParam(name = "phone_number", required = false) String phoneNumber,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime since,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime until,
            @RequestParam(name = "sent_by", required = false) Long sentBy,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiProblem.invalidField("status", "must be one of queued, sending, sent, failed");
        }
        String e164 = phoneNumber == null ? null : phoneNumbers.toE164("phone_number", phoneNumber);
        int size = Cursor.limit(limit, 50, 200);
        Messages.HistoryFilter filter = new Messages.HistoryFilter(customerId, e164, status, since, until, sentBy);
        return Page.of(messages.page(filter, Cursor.decode(cursor), size + 1), size, MessageView::id);
    }

    @GetMapping("/messages/{id}")
    MessageDetail message(@PathVariable long id) {
        MessageView message = messages.find(id).orElseThrow(() -> ApiProblem.notFound("Message", id));
        return new MessageDetail(message, messages.events(id));
    }
}
