package dev.steward.testing.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Discord user as the fake gateway shows it: the bot itself, message authors and mentioned users.
 *
 * @param id         the user's snowflake
 * @param username   the unique username
 * @param globalName the display name, or {@code null} (bots usually have none)
 * @param bot        whether the account is a bot; Steward ignores messages from bots
 */
public record FakeUser(long id, String username, String globalName, boolean bot) {

    /** A human member; the display name is the username, as for most accounts since the 2023 username change. */
    public static FakeUser human(long id, String username) {
        return new FakeUser(id, username, username, false);
    }

    /** A bot account (no display name). */
    public static FakeUser bot(long id, String username) {
        return new FakeUser(id, username, null, true);
    }

    /** The mention markup Discord clients put in the message content, for example {@code <@123>}. */
    public String mention() {
        return "<@" + id + ">";
    }

    /** The user object as Discord sends it inside READY, MESSAGE_CREATE and member objects. */
    public ObjectNode toJson() {
        ObjectNode user = GatewayPayloads.JSON.createObjectNode();
        user.put("id", Long.toString(id));
        user.put("username", username);
        user.put("global_name", globalName);
        // Migrated accounts have discriminator "0"; bots keep a four-digit one.
        user.put("discriminator", bot ? "0001" : "0");
        user.putNull("avatar");
        user.put("bot", bot);
        user.put("public_flags", 0);
        return user;
    }
}
