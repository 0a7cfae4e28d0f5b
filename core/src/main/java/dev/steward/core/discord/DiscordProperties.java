package dev.steward.core.discord;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shared bot ({@code DISCORD_BOT_TOKEN}, {@code DISCORD_APPLICATION_ID}, {@code DISCORD_PUBLIC_KEY}),
 * Discord's REST base ({@code DISCORD_API_BASE_URL}; the gateway URL is read from that base) and the REST requests
 * each bot may make per second ({@code STEWARD_DISCORD_REQUESTS_PER_SECOND}): Discord's global limit is 50 unless
 * Discord raised it for the bot.
 */
@ConfigurationProperties("steward.discord")
public record DiscordProperties(String botToken, String applicationId, String publicKey, String apiBaseUrl,
                                int requestsPerSecond) {

    public DiscordProperties {
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("steward.discord.requests-per-second must be at least 1, not " + requestsPerSecond);
        }
    }

    public boolean hasBotToken() {
        return botToken != null && !botToken.isBlank();
    }

    @Override
    public String toString() {
        return "DiscordProperties[applicationId=" + applicationId + ", apiBaseUrl=" + apiBaseUrl
                + ", requestsPerSecond=" + requestsPerSecond + ", botToken="
                + (hasBotToken() ? "<set>" : "<none>") + "]";
    }
}
