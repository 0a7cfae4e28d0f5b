package dev.steward.app;

import tools.jackson.databind.JsonNode;

import java.time.Duration;

/** Polls a knowledge document until its ingestion has finished. */
final class KnowledgeWait {
    private KnowledgeWait() {
    }

    static JsonNode untilDone(Http http, String key, long documentId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode doc = http.ok("GET", "/api/knowledge/documents/" + documentId, key, null);
            if (!"PENDING".equals(doc.get("status").asString()) || System.nanoTime() > deadline) {
                return doc;
            }
            EndToEndBase.sleep();
        }
    }

    static JsonNode untilReady(Http http, String key, long documentId) {
        JsonNode doc = untilDone(http, key, documentId);
        if (!"READY".equals(doc.get("status").asString())) {
            throw new AssertionError("Document " + documentId + " not ready: " + doc);
        }
        return doc;
    }
}
