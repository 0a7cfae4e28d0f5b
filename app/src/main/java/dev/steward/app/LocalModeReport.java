package dev.steward.app;

import dev.steward.core.discord.DiscordProperties;
import dev.steward.core.temporal.TemporalProperties;
import dev.steward.workers.answer.AiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Says once, at start-up, which parts are embedded and which are real. */
@Component
class LocalModeReport {
    private static final Logger log = LoggerFactory.getLogger(LocalModeReport.class);
    private final TemporalProperties temporal;
    private final DiscordProperties discord;
    private final AiProperties ai;
    private final String datasourceUrl;
    private final int port;

    LocalModeReport(TemporalProperties temporal, DiscordProperties discord, AiProperties ai,
                    @Value("${spring.datasource.url}") String datasourceUrl, @Value("${server.port:8080}") int port) {
        this.temporal = temporal;
        this.discord = discord;
        this.ai = ai;
        this.datasourceUrl = datasourceUrl;
        this.port = port;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        log.info("""
                        Steward local mode is up
                          Temporal : {}
                          Database : {}
                          Discord  : {}
                          Model    : {}
                          API      : http://127.0.0.1:{}  (OpenAPI at /v3/api-docs, health at /actuator/health)""",
                temporal.addressConfigured() ? "real, " + temporal.address() : "embedded test server (in memory)",
                datasourceUrl.startsWith("jdbc:h2:") ? "embedded H2 " + datasourceUrl.split(";")[0]
                        : "real, " + datasourceUrl.split("\\?")[0],
                discord.hasBotToken() ? "real bot, gateway and REST at " + discord.apiBaseUrl()
                        : "sandbox (no DISCORD_BOT_TOKEN): use /api/sandbox",
                "Ollama at " + ai.baseUrl() + " (" + ai.chatModel() + "), " + (ollamaAnswers() ? "reachable"
                        : "NOT reachable: answers are knowledge-base excerpts"),
                port);
    }

    private boolean ollamaAnswers() {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(ai.baseUrl() + "/api/tags"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception unreachable) {
            return false;
        }
    }
}
