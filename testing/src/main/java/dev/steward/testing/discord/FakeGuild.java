package dev.steward.testing.discord;

import java.util.Arrays;
import java.util.List;

/**
 * A guild the fake gateway announces: listed as unavailable in READY, then sent in full as GUILD_CREATE.
 *
 * @param id             the guild's snowflake; its {@code @everyone} role has the same id, as on Discord
 * @param name           the guild name
 * @param ownerId        the owner's user id
 * @param textChannelIds ids of the text channels in the guild (named {@code channel-1}, {@code channel-2}, ...)
 */
public record FakeGuild(long id, String name, long ownerId, List<Long> textChannelIds) {

    public FakeGuild {
        textChannelIds = List.copyOf(textChannelIds);
    }

    /** A guild owned by a user that is neither the bot nor a message author in most tests. */
    public static FakeGuild of(long id, String name, long... textChannelIds) {
        return new FakeGuild(id, name, 900_000_000_000_000_001L, Arrays.stream(textChannelIds).boxed().toList());
    }
}
