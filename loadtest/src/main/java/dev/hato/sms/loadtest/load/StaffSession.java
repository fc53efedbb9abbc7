package dev.hato.sms.loadtest.load;

import dev.hato.sms.loadtest.config.LoadSettings;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/** A logged-in staff session outside Gatling: for the server sampler and the open model's session pool. */
public final class StaffSession {

    private final HttpClient http;
    private final CookieManager cookies;
    private final String base;

    private StaffSession(HttpClient http, CookieManager cookies, String base) {
        this.http = http;
        this.cookies = cookies;
        this.base = base;
    }

    public static StaffSession login(LoadSettings settings) {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String body = "{\"username\":\"" + settings.username() + "\",\"password\":\"" + settings.password() + "\"}";
        HttpResponse<String> response = send(
                http,
                HttpRequest.newBuilder(URI.create(settings.host() + "/api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "login as " + settings.username() + " failed: " + response.statusCode() + " " + response.body());
        }
        return new StaffSession(http, cookies, settings.host());
    }

    public String get(String path) {
        return find(path).orElseThrow(() -> new IllegalStateException("GET " + path + ": 404"));
    }

    /** The body, or empty when the service has no such path (404); other failures throw. */
    public Optional<String> find(String path) {
        HttpResponse<String> response =
                send(http, HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode());
        }
        return Optional.of(response.body());
    }

    /** A GET whose body is read as it arrives (a download), whatever its status. */
    public HttpResponse<java.io.InputStream> open(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** A multipart upload of one file part (field {@code file}), with the session's CSRF token; the body as text. */
    public HttpResponse<String> upload(String path, byte[] content) throws IOException, InterruptedException {
        String boundary = "----hato" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"list.csv\"\r\n"
                                + "Content-Type: text/csv\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("X-CSRFToken", cookie("csrftoken"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    Map<String, Object> asFeederRecord() {
        return Map.of("sessionid", cookie("sessionid"), "csrf", cookie("csrftoken"));
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " cookie after login"));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
