package dev.steward.app;

import dev.steward.testing.discord.InteractionSigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A signed /ask interaction sent to the running app, as Discord sends it; for the benchmarks. */
record SignedAsk(HttpClient http, int port, InteractionSigner signer, String applicationId) {

    /** @return nanoseconds until the deferred answer */
    long send(long interaction, long guild, long channel, long member, String question) throws Exception {
        return send(prepare(interaction, guild, channel, member, question));
    }

    /** The signed request, ready to send: signing is the sender's work, not the app's. */
    HttpRequest prepare(long interaction, long guild, long channel, long member, String question) {
        String body = """
                {"type":2,"id":"%d","application_id":"%s","token":"bench-%d","guild_id":"%d","channel_id":"%d",
                 "member":{"user":{"id":"%d","username":"bench"},"roles":[]},
                 "data":{"id":"1","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"%s"}]}}
                """.formatted(interaction, applicationId, interaction, guild, channel, member, question);
        String timestamp = InteractionSigner.now();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/discord/interactions"))
                .header("Content-Type", "application/json").header("X-Signature-Timestamp", timestamp)
                .header("X-Signature-Ed25519", signer.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return request;
    }

    /** @return nanoseconds until the deferred answer */
    long send(HttpRequest request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - start;
        if (!response.body().equals("{\"type\":5}")) {
            throw new IllegalStateException("Not deferred: " + response.body());
        }
        return elapsed;
    }
}
