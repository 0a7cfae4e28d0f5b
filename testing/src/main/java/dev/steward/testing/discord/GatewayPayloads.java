package dev.steward.testing.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds gateway payloads shaped like Discord's (API v10). Field sets are what discord-json 1.7 requires:
 * a missing non-optional field makes Discord4J drop the whole dispatch with only a WARN log.
 */
public final class GatewayPayloads {
    public static final int OP_DISPATCH = 0;
    public static final int OP_HEARTBEAT = 1;
    public static final int OP_IDENTIFY = 2;
    public static final int OP_RESUME = 6;
    public static final int OP_RECONNECT = 7;
    public static final int OP_INVALID_SESSION = 9;
    public static final int OP_HELLO = 10;
    public static final int OP_HEARTBEAT_ACK = 11;

    static final ObjectMapper JSON = new ObjectMapper();
    private static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;
    private static final AtomicLong LAST_SNOWFLAKE = new AtomicLong();
    // Discord's own timestamp format, for example 2024-05-01T12:00:00.123000+00:00.
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    private GatewayPayloads() {
    }

    /** A unique snowflake for the current time, increasing within this JVM (ids order like Discord's). */
    public static long snowflake() {
        long now = (System.currentTimeMillis() - DISCORD_EPOCH_MILLIS) << 22;
        return LAST_SNOWFLAKE.updateAndGet(last -> Math.max(last + 1, now));
    }

    /** The creation time encoded in a snowflake. */
    public static Instant snowflakeTime(long snowflake) {
        return Instant.ofEpochMilli((snowflake >>> 22) + DISCORD_EPOCH_MILLIS);
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /**
     * The envelope of every gateway payload. Discord4J's deserializer reads {@code op}, {@code s} and {@code t}
     * without null checks, so all four fields are always written, null when unused.
     */
    public static String payload(int op, String dataJson, Integer sequence, String eventType) {
        return "{\"op\":" + op + ",\"d\":" + (dataJson == null ? "null" : dataJson)
                + ",\"s\":" + sequence + ",\"t\":" + (eventType == null ? "null" : write(JSON.getNodeFactory().textNode(eventType))) + "}";
    }

    public static String dispatch(String eventType, String dataJson, int sequence) {
        return payload(OP_DISPATCH, dataJson, sequence, eventType);
    }

    static String hello(long heartbeatIntervalMillis) {
        return payload(OP_HELLO, "{\"heartbeat_interval\":" + heartbeatIntervalMillis + "}", null, null);
    }

    static String heartbeatAck() {
        return payload(OP_HEARTBEAT_ACK, null, null, null);
    }

    static String invalidSession(boolean resumable) {
        return payload(OP_INVALID_SESSION, Boolean.toString(resumable), null, null);
    }

    /** READY data: the bot user, every guild as unavailable (GUILD_CREATE follows), and where to resume. */
    public static String ready(FakeUser bot, long applicationId, List<FakeGuild> guilds, String sessionId,
                               String resumeGatewayUrl) {
        ObjectNode d = JSON.createObjectNode();
        d.put("v", 10);
        ObjectNode user = bot.toJson();
        user.put("verified", true);
        user.put("mfa_enabled", false);
        user.put("flags", 0);
        user.putNull("email");
        d.set("user", user);
        d.putArray("private_channels");
        ArrayNode unavailable = d.putArray("guilds");
        guilds.forEach(g -> unavailable.addObject().put("id", Long.toString(g.id())).put("unavailable", true));
        d.put("session_id", sessionId);
        d.put("session_type", "normal");
        d.put("resume_gateway_url", resumeGatewayUrl);
        d.putArray("shard").add(0).add(1);
        d.putArray("_trace").add("[\"fake-discord-gateway\"]");
        // Flags 1 << 19 (GATEWAY_MESSAGE_CONTENT_LIMITED): a verified bot without the privileged intent granted.
        d.putObject("application").put("id", Long.toString(applicationId)).put("flags", 1 << 19);
        return write(d);
    }

    /** GUILD_CREATE data: a small guild with an {@code @everyone} role, its text channels and the bot as member. */
    public static String guildCreate(FakeGuild guild, FakeUser bot, Instant joinedAt) {
        ObjectNode d = JSON.createObjectNode();
        String id = Long.toString(guild.id());
        d.put("id", id).put("name", guild.name()).put("owner_id", Long.toString(guild.ownerId()));
        for (String absent : List.of("icon", "splash", "discovery_splash", "afk_channel_id", "application_id",
                "system_channel_id", "rules_channel_id", "vanity_url_code", "description", "banner",
                "public_updates_channel_id", "safety_alerts_channel_id")) {
            d.putNull(absent);
        }
        d.putArray("features");
        d.put("system_channel_flags", 0).put("afk_timeout", 300).put("default_message_notifications", 1)
                .put("explicit_content_filter", 0).put("mfa_level", 0).put("premium_tier", 0)
                .put("premium_subscription_count", 0).put("preferred_locale", "en-US")
                .put("verification_level", 1).put("nsfw_level", 0).put("nsfw", false)
                .put("max_members", 500_000).put("premium_progress_bar_enabled", false);
        d.put("joined_at", timestamp(joinedAt)).put("large", false).put("unavailable", false)
                .put("member_count", 2);
        d.putArray("roles").add(everyoneRole(guild.id()));
        d.putArray("emojis");
        d.putArray("stickers");
        d.putArray("voice_states");
        d.putArray("members").add(member(bot, joinedAt));
        ArrayNode channels = d.putArray("channels");
        for (int i = 0; i < guild.textChannelIds().size(); i++) {
            channels.add(textChannel(guild.textChannelIds().get(i), "channel-" + (i + 1), i));
        }
        d.putArray("threads");
        d.putArray("presences");
        d.putArray("stage_instances");
        d.putArray("guild_scheduled_events");
        return write(d);
    }

    /** A guild member object; {@code user} is null for the member embedded in a MESSAGE_CREATE. */
    public static ObjectNode member(FakeUser user, Instant joinedAt) {
        ObjectNode member = JSON.createObjectNode();
        if (user != null) {
            member.set("user", user.toJson());
        }
        member.putArray("roles");
        member.put("joined_at", timestamp(joinedAt));
        member.putNull("nick").putNull("avatar").putNull("premium_since").putNull("communication_disabled_until");
        member.put("deaf", false).put("mute", false).put("flags", 0).put("pending", false);
        return member;
    }

    /** A MESSAGE_CREATE builder; send it with {@link FakeDiscordGateway#dispatchMessageCreate(MessageCreateBuilder)}. */
    public static MessageCreateBuilder messageCreate() {
        return new MessageCreateBuilder();
    }

    private static ObjectNode everyoneRole(long guildId) {
        ObjectNode role = JSON.createObjectNode();
        role.put("id", Long.toString(guildId)).put("name", "@everyone").put("color", 0);
        role.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        // Permissions travel as a string (they exceed 2^53); Discord4J reads them into a long.
        role.put("hoist", false).put("position", 0).put("permissions", "1071698660929").put("managed", false)
                .put("mentionable", false).put("flags", 0).putNull("icon").putNull("unicode_emoji");
        return role;
    }

    private static ObjectNode textChannel(long id, String name, int position) {
        ObjectNode channel = JSON.createObjectNode();
        channel.put("id", Long.toString(id)).put("type", 0).put("name", name).put("position", position)
                .put("nsfw", false).put("rate_limit_per_user", 0).put("flags", 0);
        channel.putArray("permission_overwrites");
        channel.putNull("topic").putNull("last_message_id").putNull("parent_id");
        return channel;
    }

    static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
