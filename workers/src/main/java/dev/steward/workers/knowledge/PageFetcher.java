package dev.steward.workers.knowledge;

import dev.steward.workflows.Texts;
import io.temporal.failure.ApplicationFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches a knowledge page, from public addresses only unless the operator allows private ones
 * ({@link FetchTargets}). Answers that retrying cannot change (4xx, an unsupported type, a page too large, a
 * private address) fail at once; network errors and 5xx are retried by Temporal.
 */
@Component
class PageFetcher {
    private static final int MAX_REDIRECTS = 5;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int maxChars;
    private final FetchTargets targets;

    @Autowired
    PageFetcher(@Value("${steward.knowledge.max-document-chars}") int maxChars,
                @Value("${steward.knowledge.fetch-private-addresses}") boolean privateAllowed) {
        this(maxChars, FetchTargets.of(privateAllowed));
    }

    PageFetcher(int maxChars, FetchTargets targets) {
        this.maxChars = maxChars;
        this.targets = targets;
    }

    record Page(String contentType, String body) {
    }

    /** Follows redirects itself, so that every hop's address is checked before it is connected to. */
    Page fetch(String url) {
        URI target = URI.create(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            targets.require(target);
            HttpResponse<InputStream> response = send(target);
            Optional<String> location = response.headers().firstValue("Location");
            if (REDIRECTS.contains(response.statusCode()) && location.isPresent()) {
                close(response.body());
                target = target.resolve(location.get());
                continue;
            }
            return page(url, response);
        }
        throw ApplicationFailure.newNonRetryableFailure("More than " + MAX_REDIRECTS + " redirects from " + url,
                "FetchRejected");
    }

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private HttpResponse<InputStream> send(URI target) {
        try {
            return http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(20))
                    .header("Accept", "text/html, text/plain, text/markdown").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw ApplicationFailure.newFailure("Could not fetch " + target + ": " + describe(e), "FetchFailed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApplicationFailure.newFailure("Interrupted while fetching " + target, "FetchFailed");
        }
    }

    private Page page(String url, HttpResponse<InputStream> response) {
        int status = response.statusCode();
        if (status >= 400) {
            close(response.body());
            String message = "Fetching " + url + " answered HTTP " + status;
            throw status < 500 && status != 429 ? ApplicationFailure.newNonRetryableFailure(message, "FetchRejected")
                    : ApplicationFailure.newFailure(message, "FetchFailed");
        }
        String type = response.headers().firstValue("Content-Type").orElse("text/html").toLowerCase(Locale.ROOT);
        if (!(type.startsWith("text/html") || type.startsWith("text/plain") || type.startsWith("text/markdown"))) {
            close(response.body());
            throw ApplicationFailure.newNonRetryableFailure("Unsupported content type " + type + " at " + url,
                    "FetchRejected");
        }
        return new Page(type, read(response.body(), url));
    }

    private String read(InputStream body, String url) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(maxChars * 4 + 1);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (bytes.length > maxChars * 4 || text.length() > maxChars) {
                throw ApplicationFailure.newNonRetryableFailure("The page at " + url + " is larger than "
                        + maxChars + " characters", "FetchRejected");
            }
            return Texts.clean(text); // stored as the document's content: PostgreSQL refuses NUL
        } catch (IOException e) {
            throw ApplicationFailure.newFailure("Could not read " + url + ": " + describe(e), "FetchFailed");
        }
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // Nothing to do: the response is being discarded.
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }
}
