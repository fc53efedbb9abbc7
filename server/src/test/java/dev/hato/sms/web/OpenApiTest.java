package dev.hato.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.LoggedInTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

class OpenApiTest extends LoggedInTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void specListsEveryApiEndpointOfTheCode() {
        JsonNode spec = client.get("/v3/api-docs").json();
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
    void specIntroducesTheApiItsSecurityAndEveryErrorAsProblemJson() {
        JsonNode spec = client.get("/v3/api-docs").json();

        assertThat(spec.path("info").path("title").asString()).isEqualTo("Hato SMS API");
        assertThat(spec.path("info").path("version").asString()).isNotBlank().isNotEqualTo("v0");
        assertThat(spec.path("components")
                        .path("securitySchemes")
                        .path("session")
                        .path("in")
                        .asString())
                .isEqualTo("cookie");
        assertThat(spec.path("components")
                        .path("securitySchemes")
                        .path("csrf")
                        .path("name")
                        .asString())
                .isEqualTo("X-CSRFToken");
        spec.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    JsonNode operation = op.getValue();
                    String where = op.getKey() + " " + path.getKey();
                    operation
                            .path("tags")
                            .forEach(tag -> assertThat(tag.asString()).as(where).doesNotEndWith("-controller"));
                    if (path.getKey().startsWith("/api/")) {
                        assertThat(operation
                                        .path("responses")
                                        .path("500")
                                        .path("content")
                                        .has("application/problem+json"))
                                .as(where + " documents its 500 as problem JSON")
                                .isTrue();
                    }
                    if (operation.has("requestBody")) {
                        // JSON bodies by reference; an upload (multipart) describes its parts in place.
                        JsonNode content = operation.path("requestBody").path("content");
                        JsonNode schema = content.has("application/json")
                                ? content.path("application/json").path("schema")
                                : content.path("multipart/form-data").path("schema");
                        if (schema.has("$ref")) {
                            String ref = schema.path("$ref").asString();
                            schema = spec.path("components")
                                    .path("schemas")
                                    .path(ref.substring(ref.lastIndexOf('/') + 1));
                        }
                        assertThat(schema.toString())
                                .as(where + " has an example")
                                .contains("\"example\"");
                    }
                }));
        JsonNode send = spec.path("paths").path("/api/sms/send").path("post");
        JsonNode conflicts = send.path("responses")
                .path("409")
                .path("content")
                .path("application/problem+json")
                .path("examples");
        assertThat(conflicts.has("token-used")).isTrue();
        assertThat(conflicts.has("customer-opted-out")).isTrue();
        assertThat(send.path("security").toString()).contains("session").contains("csrf");
        assertThat(spec.path("paths")
                        .path("/api/auth/login")
                        .path("post")
                        .path("security")
                        .isEmpty())
                .isTrue();
    }

    @Test
    void swaggerUiIsServed() {
        ApiClient.Response response = client.get("/swagger-ui/index.html");

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void theApiDocsAndSwaggerUiAreForStaffOnly() {
        assertThat(client().get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(client().get("/swagger-ui.html").status()).isEqualTo(401);
        assertThat(client.get("/v3/api-docs").status()).isEqualTo(200);
    }
}
