package dev.hato.sms.ops;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operations", description = "Current figures for operators (staff only)")
class OpsController {

    private final OpsSummary summary;

    OpsController(OpsSummary summary) {
        this.summary = summary;
    }

    /** Staff only (see SecurityConfig): the figures of docs/operations.md, current values. */
    @GetMapping("/api/ops/summary")
    Map<String, Object> summary() {
        return summary.summary();
    }
}
