package dev.steward.workflows.discord;

import java.util.List;

/** The Discord ids of the posted messages, one per 2,000-character part. */
public record SentReply(List<String> messageIds) {
    public SentReply {
        messageIds = List.copyOf(messageIds);
    }
}
