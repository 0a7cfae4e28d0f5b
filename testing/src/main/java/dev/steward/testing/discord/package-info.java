/**
 * A fake Discord for end-to-end tests of code built on Discord4J: {@link dev.steward.testing.discord.FakeDiscordGateway}
 * speaks the gateway protocol, WireMock answers REST ({@link dev.steward.testing.discord.FakeDiscordRest}).
 *
 * <pre>{@code
 * WireMockServer wireMock = new WireMockServer(options().dynamicPort());
 * wireMock.start();
 * FakeDiscordGateway gateway = FakeDiscordGateway.start(FakeGuild.of(GUILD_ID, "Support", CHANNEL_ID));
 * gateway.stubRestLogin(wireMock);
 * GatewayDiscordClient client = FakeDiscordRest.clientBuilder(gateway.botToken(), wireMock.baseUrl()).build()
 *         .gateway().setEnabledIntents(intents).login().block(Duration.ofSeconds(10));
 * gateway.awaitReady(Duration.ofSeconds(10));
 * gateway.dispatchMessageCreate(GatewayPayloads.messageCreate().in(GUILD_ID, CHANNEL_ID)
 *         .author(FakeUser.human(42, "alice")).content(gateway.botUser().mention() + " hi").mentions(gateway.botUser()));
 * }</pre>
 */
package dev.steward.testing.discord;
