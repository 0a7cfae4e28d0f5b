package dev.steward.workers.discord;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Posts the parts of a long message that earlier attempts of the running activity have not posted yet. Each
 * posted part's id is recorded as the activity's heartbeat, which Temporal hands to the next attempt (a failed
 * attempt reports its last one too). Nonces alone would not do: Discord honours them for a few minutes, and a
 * send is retried for up to half an hour, so a part posted before a long outage would be posted again after it.
 */
public final class PostedParts {
    private PostedParts() {
    }

    /** @return the ids of all the parts, in order */
    public static List<String> post(int count, IntFunction<String> postPart) {
        ActivityExecutionContext activity = Activity.getExecutionContext();
        List<String> ids = new ArrayList<>(earlier(activity));
        for (int i = ids.size(); i < count; i++) {
            ids.add(postPart.apply(i));
            // Not after the last part (so a one-part post, the common case, costs no heartbeat): the activity then
            // completes, and a completion lost with its worker is retried well within the nonce's minutes.
            if (i < count - 1) {
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
