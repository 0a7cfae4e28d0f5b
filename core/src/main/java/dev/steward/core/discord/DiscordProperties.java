package dev.steward.core.discord;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shared bot ({@code DISCORD_BOT_TOKEN}, {@code DISCORD_APPLICATION_ID}, {@code DISCORD_PUBLIC_KEY}) and
 * Discord's REST base ({@code DISCORD_API_BASE_URL}); the gateway URL is read from that base.
 */
@ConfigurationProperties("steward.discord")
public record DiscordProperties(String botToken, String applicationId, String publicKey, String apiBaseUrl) {

    public boolean hasBotToken() {
        return botToken != null && !botToken.isBlank();
    }

    @Override
    public String toString() {
        return "DiscordProperties[applicationId=" + applicationId + ", apiBaseUrl=" + apiBaseUrl + ", botToken="
                + (hasBotToken() ? "<set>" : "<none>") + "]";
    }
}
