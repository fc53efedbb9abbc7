package com.example.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.sms.support.ApiClient;
import com.example.sms.support.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

class OpenApiTest extends HttpTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void specListsEveryApiEndpointOfTheCode() {
        JsonNode spec = client().get("/v3/api-docs").json();
        JsonNode paths = spec.path("paths");

        int checked = 0;
        for (var info : mappings.getHandlerMethods().keySet()) {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    assertThat(paths.path(path).has(method.name().toLowerCase()))
                            .as(method + " " + path + " in /v3/api-docs")
                            .isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(17);
        assertThat(spec.path("openapi").asString()).startsWith("3.");
    }

    @Test
    void swaggerUiIsServed() {
        ApiClient.Response response = client().get("/swagger-ui/index.html");

        assertThat(response.status()).isEqualTo(200);
    }
}
