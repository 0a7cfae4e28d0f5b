package dev.steward.workers.discord;

import dev.steward.core.discord.DiscordClients;
import dev.steward.core.discord.DiscordProperties;
import discord4j.common.util.Snowflake;
import discord4j.discordjson.json.AllowedMentionsData;
import discord4j.discordjson.json.ChannelData;
import discord4j.discordjson.json.GuildMemberModifyRequest;
import discord4j.discordjson.json.ImmutableMessageCreateRequest;
import discord4j.discordjson.json.MessageCreateRequest;
import discord4j.discordjson.json.MessageReferenceData;
import discord4j.discordjson.json.WebhookMessageEditRequest;
import discord4j.discordjson.possible.Possible;
import discord4j.rest.RestClient;
import discord4j.rest.util.MultipartRequest;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Discord through Discord4J's REST client; the reason of each moderation action goes to the audit log. */
public class RestDiscordActions implements DiscordActions {
    /** Ping no one: not @everyone, @here, roles, users, nor the member replied to. */
    static final AllowedMentionsData NO_PINGS = AllowedMentionsData.builder()
            .parse(List.of()).roles(List.of()).users(List.of()).repliedUser(false).build();
    /** Below the activity's start-to-close timeout: Discord4J retries 5xx itself, Temporal takes over after. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(25);

    private final RestClient rest;
    private final RestClient interactions;
    private final Duration callTimeout;

    /**
     * @param rest         the bot's client, held to its global request limit
     * @param interactions for interaction answers, which that limit does not cover
     *                     ({@link DiscordClients#forInteractions})
     */
    public RestDiscordActions(RestClient rest, RestClient interactions, Duration callTimeout) {
        this.rest = rest;
        this.interactions = interactions;
        this.callTimeout = callTimeout;
    }

    /** A bot's actions: its own requests held to its limit, its interaction answers outside it. */
    static RestDiscordActions forBot(String token, DiscordProperties discord) {
        return new RestDiscordActions(DiscordClients.create(token, discord), DiscordClients.forInteractions(token, discord),
                CALL_TIMEOUT);
    }

    @Override
    public String sendMessage(OutgoingMessage message) {
        ImmutableMessageCreateRequest.Builder request = MessageCreateRequest.builder()
                .content(message.content())
                .allowedMentions(NO_PINGS)
                .nonce(message.nonce())
                .enforceNonce(true);
        if (message.replyToMessageId() != null) {
            // The reply still posts if the member deleted their message meanwhile.
            request.messageReference(MessageReferenceData.builder()
                    .messageId(Snowflake.asString(Snowflake.asLong(message.replyToMessageId())))
                    .channelId(message.channelId())
                    .failIfNotExists(false)
                    .build());
        }
        return call("send message", rest.getChannelService()
                .createMessage(Snowflake.asLong(message.channelId()), MultipartRequest.ofRequest(request.build())))
                .id().asString();
    }

    @Override
    public void deleteMessage(String guildId, String channelId, String messageId, String reason) {
        callUnlessGone("delete message", DiscordFailures.UNKNOWN_MESSAGE, rest.getChannelService()
                .deleteMessage(Snowflake.asLong(channelId), Snowflake.asLong(messageId),
                        AuditLogReason.encode(reason)));
    }

    @Override
    public void timeoutMember(String guildId, String userId, Duration duration, String reason) {
        String until = Instant.now().plus(duration).toString();
        call("timeout member", rest.getGuildService().modifyGuildMember(Snowflake.asLong(guildId),
                Snowflake.asLong(userId),
                GuildMemberModifyRequest.builder().communicationDisabledUntil(Possible.of(Optional.of(until))).build(),
                AuditLogReason.encode(reason)));
    }

    @Override
    public void kickMember(String guildId, String userId, String reason) {
        callUnlessGone("kick member", DiscordFailures.UNKNOWN_MEMBER, rest.getGuildService()
                .removeGuildMember(Snowflake.asLong(guildId), Snowflake.asLong(userId), AuditLogReason.encode(reason)));
    }

    @Override
    public void banMember(String guildId, String userId, String reason) {
        call("ban member", rest.getGuildService().createGuildBan(Snowflake.asLong(guildId), Snowflake.asLong(userId),
                Map.of(), AuditLogReason.encode(reason)));
    }

    @Override
    public void editInteractionResponse(String applicationId, String interactionToken, String content) {
        call("edit interaction response", interactions.getWebhookService().modifyWebhookMessage(
                Snowflake.asLong(applicationId), interactionToken, "@original",
                WebhookMessageEditRequest.builder().content(Possible.of(Optional.of(content)))
                        .allowedMentions(Possible.of(Optional.of(NO_PINGS))).build()));
    }

    @Override
    public Optional<String> findTextChannel(String guildId, String name) {
        List<ChannelData> channels = call("list channels", rest.getGuildService()
                .getGuildChannels(Snowflake.asLong(guildId)).collectList());
        return channels.stream()
                // 0: text channel, 5: announcement channel
                .filter(c -> c.type() == 0 || c.type() == 5)
                .filter(c -> c.name().toOptional().map(n -> n.equalsIgnoreCase(name)).orElse(false))
                .map(c -> c.id().asString())
                .findFirst();
    }

    private <T> T call(String action, Mono<T> request) {
        try {
            return request.block(callTimeout);
        } catch (RuntimeException e) {
            throw DiscordFailures.translate(action, e);
        }
    }

    /**
     * For a request whose goal is that its target is gone: a deleted message, a member out of the guild.
     * Discord's 404 with {@code unknownCode} means it already is (the member deleted the message or left, or
     * an earlier attempt succeeded but its answer was lost), so the action is done, not failed. Not for a
     * ban, which holds a member who left too, nor a timeout, which a member who left escapes by rejoining.
     */
    private void callUnlessGone(String action, int unknownCode, Mono<?> request) {
        call(action, request.onErrorResume(e -> DiscordFailures.isNotFound(e, unknownCode), gone -> Mono.empty()));
    }
}
