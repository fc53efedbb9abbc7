package dev.hato.sms.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff console's page at {@code /} (its scripts and styles are static files under /assets). An
 * explicit mapping rather than Spring's welcome page, so that every other method on {@code /} is a
 * 405 and an Accept without HTML a 406, each as problem JSON like everywhere else.
 */
@Controller
@Hidden
class ConsolePage {

    private final Resource page = new ClassPathResource("static/index.html");

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page);
    }
}
