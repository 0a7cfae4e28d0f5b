package dev.steward.testing.discord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * MESSAGE_CREATE data as Discord sends it for a guild text message. Defaults: a fresh snowflake id,
 * timestamp from that id, a human author, no mentions. Obtain one from {@link GatewayPayloads#messageCreate()}.
 */
public final class MessageCreateBuilder {
    private long id = GatewayPayloads.snowflake();
    private long guildId;
    private long channelId;
    private FakeUser author = FakeUser.human(900_000_000_000_000_002L, "member");
    private String content = "";
    private final List<FakeUser> mentions = new ArrayList<>();
    private final List<Long> mentionRoles = new ArrayList<>();
    private boolean mentionEveryone;
    private MessageCreateBuilder referenced;

    MessageCreateBuilder() {
    }

    public MessageCreateBuilder id(long id) {
        this.id = id;
        return this;
    }

    /** Where the message was posted; a message without a guild id is a DM. */
    public MessageCreateBuilder in(long guildId, long channelId) {
        this.guildId = guildId;
        this.channelId = channelId;
        return this;
    }

    public MessageCreateBuilder author(FakeUser author) {
        this.author = author;
        return this;
    }

    public MessageCreateBuilder content(String content) {
        this.content = content;
        return this;
    }

    /**
     * Adds users to {@code mentions}. Discord fills that array from the {@code <@id>} markup in the content;
     * Discord4J's {@code getUserMentionIds()} reads the array, not the content, so tests set both.
     */
    public MessageCreateBuilder mentions(FakeUser... users) {
        mentions.addAll(List.of(users));
        return this;
    }

    public MessageCreateBuilder mentionRole(long roleId) {
        mentionRoles.add(roleId);
        return this;
    }

    public MessageCreateBuilder mentionEveryone(boolean mentionEveryone) {
        this.mentionEveryone = mentionEveryone;
        return this;
    }

    /**
     * Makes this a reply (type 19, as Discord sends replies) to {@code original}: {@code message_reference}
     * points at it and {@code referenced_message} embeds it. The message is posted where the original was.
     */
    public MessageCreateBuilder replyTo(MessageCreateBuilder original) {
        this.referenced = original;
        return in(original.guildId, original.channelId);
    }

    public long id() {
        return id;
    }

    public long guildId() {
        return guildId;
    }

    public long channelId() {
        return channelId;
    }

    public String toJson() {
        return GatewayPayloads.write(toNode());
    }

    ObjectNode toNode() {
        Instant sent = GatewayPayloads.snowflakeTime(id);
        ObjectNode m = GatewayPayloads.JSON.createObjectNode();
        m.put("id", Long.toString(id)).put("channel_id", Long.toString(channelId));
        if (guildId != 0) {
            m.put("guild_id", Long.toString(guildId));
            // Guild messages carry the author's member object without its user (that is "author").
            m.set("member", GatewayPayloads.member(null, sent.minusSeconds(86_400)));
        }
        m.set("author", author.toJson());
        m.put("content", content).put("timestamp", GatewayPayloads.timestamp(sent)).putNull("edited_timestamp")
                .put("tts", false).put("mention_everyone", mentionEveryone).put("pinned", false)
                .put("type", referenced == null ? 0 : 19).put("flags", 0);
        ArrayNode mentioned = m.putArray("mentions");
        for (FakeUser user : mentions) {
            ObjectNode node = user.toJson();
            if (guildId != 0) {
                node.set("member", GatewayPayloads.member(null, sent.minusSeconds(86_400)));
            }
            mentioned.add(node);
        }
        ArrayNode roles = m.putArray("mention_roles");
        mentionRoles.forEach(role -> roles.add(Long.toString(role)));
        m.putArray("attachments");
        m.putArray("embeds");
        m.putArray("components");
        if (referenced != null) {
            ObjectNode ref = m.putObject("message_reference");
            ref.put("type", 0).put("message_id", Long.toString(referenced.id))
                    .put("channel_id", Long.toString(referenced.channelId));
            if (referenced.guildId != 0) {
                ref.put("guild_id", Long.toString(referenced.guildId));
            }
            ObjectNode original = referenced.toNode();
            // Discord leaves guild_id and member out of the embedded referenced message.
            original.remove(List.of("guild_id", "member"));
            m.set("referenced_message", original);
        }
        return m;
    }
}
