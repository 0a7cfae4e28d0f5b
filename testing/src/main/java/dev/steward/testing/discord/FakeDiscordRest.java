package dev.steward.testing.discord;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import discord4j.core.DiscordClient;
import discord4j.core.DiscordClientBuilder;
import discord4j.rest.RestClientBuilder;
import discord4j.rest.request.RouterOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The REST side of a fake Discord: WireMock stubs for login and a Discord4J client pointed at WireMock. */
public final class FakeDiscordRest {

    private FakeDiscordRest() {
    }

    /**
     * A token Discord4J accepts. Its first part must be base64 of the bot's user id: Discord4J parses it into
     * {@code getSelfId()}, which it compares with message authors, so it has to match the READY user.
     */
    public static String tokenFor(long botId) {
        String id = Base64.getEncoder().withoutPadding()
                .encodeToString(Long.toString(botId).getBytes(StandardCharsets.UTF_8));
        return id + ".fake.token";
    }

    /**
     * A Discord4J client builder whose REST calls go to {@code restBaseUrl} (for example WireMock's
     * {@code baseUrl()}). Discord4J has no base URL setter: the URL is the last argument of {@link RouterOptions}.
     */
    public static RestClientBuilder<DiscordClient, RouterOptions> clientBuilder(String token, String restBaseUrl) {
        return DiscordClientBuilder.create(token).setExtraOptions(o -> new RouterOptions(o.getAuthorizationScheme(),
                o.getToken(), o.getReactorResources(), o.getExchangeStrategies(), o.getResponseTransformers(),
                o.getGlobalRateLimiter(), o.getRequestQueueFactory(), restBaseUrl));
    }

    public static void stubLogin(WireMockServer wireMock, FakeDiscordGateway gateway) {
        loginStubs(gateway).forEach(wireMock::stubFor);
    }

    public static void stubLogin(WireMock wireMock, FakeDiscordGateway gateway) {
        loginStubs(gateway).forEach(wireMock::register);
    }

    /**
     * What {@code gateway().login()} calls: {@code GET /gateway} for the URL to connect to, and
     * {@code GET /gateway/bot} (twice) for the recommended shard count; its URL is not used. Also
     * {@code GET /users/@me} ({@code RestClient#getSelf}), which login itself does not need.
     */
    public static List<MappingBuilder> loginStubs(FakeDiscordGateway gateway) {
        ObjectNode gatewayBot = GatewayPayloads.JSON.createObjectNode();
        gatewayBot.put("url", gateway.url()).put("shards", 1);
        gatewayBot.putObject("session_start_limit").put("total", 1000).put("remaining", 999)
                .put("reset_after", 14_400_000).put("max_concurrency", 1);
        return List.of(
                get(urlPathEqualTo("/gateway")).willReturn(okJson("{\"url\":\"" + gateway.url() + "\"}")),
                get(urlPathEqualTo("/gateway/bot")).willReturn(okJson(GatewayPayloads.write(gatewayBot))),
                get(urlPathEqualTo("/users/@me")).willReturn(okJson(GatewayPayloads.write(gateway.botUser().toJson()))));
    }
}
