package dev.steward.app;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Real HTTP calls to the running application's API, for end-to-end tests. */
final class Http {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    Http(int port) {
        this.port = port;
    }

    record Response(int status, JsonNode body, String raw) {
    }

    /** @param headers more request headers, as name, value, name, value… */
    Response call(String method, String path, String key, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            return new Response(response.statusCode(), raw == null || raw.isBlank() ? null : JSON.readTree(raw), raw);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    /** A 2xx answer's body; anything else fails the test with the answer in the message. */
    JsonNode ok(String method, String path, String key, String json, String... headers) {
        Response response = call(method, path, key, json, headers);
        if (response.status() / 100 != 2) {
            throw new AssertionError(method + " " + path + " -> " + response.status() + " " + response.raw());
        }
        return response.body();
    }

    static String json(String text) {
        return JSON.writeValueAsString(text);
    }
}
