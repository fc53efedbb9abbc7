package dev.hato.sms.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document as an introduction to the API: what it is, how to authenticate (session cookie
 * plus the CSRF header on unsafe requests), and every error an operation can answer with, as problem
 * JSON with its {@code type}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final String PROBLEM_SCHEMA = "Problem";
    private static final String SESSION = "session";
    private static final String CSRF = "csrf";
    /** Reached without a session. */
    private static final Set<String> PUBLIC_PATHS = Set.of("/api/auth/login", "/api/auth/csrf");

    private final ProblemCatalog catalog;

    OpenApiConfig(ProblemCatalog catalog) {
        this.catalog = catalog;
    }

    @Bean
    OpenAPI hatoOpenApi(
            ObjectProvider<BuildProperties> build,
            @Value("${server.servlet.session.cookie.name:sessionid}") String sessionCookie,
            @Value("${sms.security.csrf-header-name:X-CSRFToken}") String csrfHeader,
            @Value("${sms.security.csrf-cookie-name:csrftoken}") String csrfCookie) {
        String version =
                build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion();
        return new OpenAPI()
                .info(new Info().title("Hato SMS API").version(version).description("""
                                Office staff register customers (phone numbers), issue one-time send tokens, keep \
                                message templates, send SMS and read the send history.

                                **Authentication**: `POST /api/auth/login` answers with a session cookie (`%s`) \
                                and a `%s` cookie. Every unsafe request (POST, PUT, PATCH, DELETE) sends that \
                                cookie's value in the `%s` header. In this page, log in with "Try it out" on the \
                                login operation first; the header is then sent for you.

                                **Errors** are RFC 9457 problem JSON (`application/problem+json`) whose `type` \
                                (`urn:sms:problem:...`) says what went wrong; validation errors add `errors`, a map \
                                from field to messages.""".formatted(
                                sessionCookie, csrfCookie, csrfHeader)))
                .components(new Components()
                        .addSecuritySchemes(
                                SESSION,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.COOKIE)
                                        .name(sessionCookie)
                                        .description("The session from POST /api/auth/login"))
                        .addSecuritySchemes(
                                CSRF,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name(csrfHeader)
                                        .description("The value of the " + csrfCookie + " cookie, on unsafe requests"))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema()));
    }

    /** The endpoint's own problem types, from {@link ProblemResponses}. */
    @Bean
    OperationCustomizer problemResponsesOfEachEndpoint() {
        return (operation, handler) -> {
            ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
            if (declared != null) {
                addProblems(operation, List.of(declared.value()));
            }
            return operation;
        };
    }

    /** What every endpoint shares: authentication, CSRF on unsafe methods, the 500. */
    @Bean
    OpenApiCustomizer commonProblemsAndSecurity() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                boolean unsafe = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
                boolean needsSession = !PUBLIC_PATHS.contains(path);
                List<String> common = new ArrayList<>();
                SecurityRequirement security = new SecurityRequirement();
                if (needsSession) {
                    common.add("not-authenticated");
                    common.add("session-expired");
                    common.add("session-revoked");
                    common.add("forbidden");
                    security.addList(SESSION);
                }
                if (unsafe && needsSession) {
                    common.addAll(List.of("csrf-token-missing", "csrf-token-invalid", "csrf-origin", "csrf-referer"));
                    security.addList(CSRF);
                }
                common.add("internal-error");
                addProblems(operation, common);
                operation.setSecurity(security.isEmpty() ? List.of() : List.of(security));
            });
        });
    }

    private void addProblems(Operation operation, List<String> slugs) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        Map<String, List<String>> byStatus = new LinkedHashMap<>();
        for (String slug : slugs) {
            byStatus.computeIfAbsent(Integer.toString(catalog.get(slug).status().value()), s -> new ArrayList<>())
                    .add(slug);
        }
        byStatus.forEach((status, statusSlugs) -> {
            ApiResponse response = operation.getResponses().get(status);
            if (response == null
                    || response.getContent() == null
                    || response.getContent().get("application/problem+json") == null) {
                response = new ApiResponse()
                        .content(new Content()
                                .addMediaType(
                                        "application/problem+json",
                                        new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA))));
                operation.getResponses().addApiResponse(status, response);
            }
            MediaType media = response.getContent().get("application/problem+json");
            for (String slug : statusSlugs) {
                media.addExamples(slug, example(slug));
            }
            response.setDescription(String.join(
                    "; ",
                    media.getExamples().keySet().stream()
                            .map(s -> "`" + s + "`: " + catalog.get(s).when())
                            .toList()));
        });
    }

    private Example example(String slug) {
        ProblemType entry = catalog.get(slug);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", ApiProblem.type(slug).toString());
        value.put("title", entry.title());
        value.put("status", entry.status().value());
        value.put("detail", entry.when());
        return new Example().summary(slug).value(value);
    }

    private Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                ._enum(catalog.entries().keySet().stream()
                                        .sorted()
                                        .map(s -> ApiProblem.type(s).toString())
                                        .toList()))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty(
                        "errors",
                        new ObjectSchema()
                                .description("validation-failed only: messages per field")
                                .additionalProperties(new ArraySchema().items(new StringSchema())));
    }
}
