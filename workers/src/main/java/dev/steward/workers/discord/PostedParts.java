package dev.steward.workers.discord;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Posts the parts of a long message that earlier attempts of the running activity have not posted yet. Each
 * posted part's id is recorded as the activity's heartbeat, which Temporal hands to the next attempt (a failed
 * attempt reports its last one too). Nonces alone would not do: Discord honours them for a few minutes, and a
 * send is retried for up to half an hour, so a part posted before a long outage would be posted again after it.
 */
public final class PostedParts {
    private PostedParts() {
    }

    /**
     * Posts the parts in order, each with its own nonce from {@code nonceSeed}; the first references
     * {@code replyToMessageId} (none when null).
     *
     * @return the ids of all the parts, in order
     */
    public static List<String> post(DiscordActions actions, String guildId, String channelId, List<String> parts,
                                    String replyToMessageId, String nonceSeed) {
        ActivityExecutionContext activity = Activity.getExecutionContext();
        List<String> ids = new ArrayList<>(earlier(activity));
        for (int i = ids.size(); i < parts.size(); i++) {
            ids.add(actions.sendMessage(new OutgoingMessage(guildId, channelId, parts.get(i),
                    i == 0 ? replyToMessageId : null, Nonces.of(nonceSeed, i))));
            // Not after the last part (so a one-part post, the common case, costs no heartbeat): the activity then
            // completes, and a completion lost with its worker is retried well within the nonce's minutes.
            if (i < parts.size() - 1) {
                activity.heartbeat(List.copyOf(ids));
            }
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static List<String> earlier(ActivityExecutionContext activity) {
        return activity.getHeartbeatDetails(List.class).map(ids -> (List<String>) ids).orElse(List.of());
    }
}
