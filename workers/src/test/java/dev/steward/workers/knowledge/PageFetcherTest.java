package dev.steward.workers.knowledge;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An admin's URL never reads the operator's own network, directly or through a redirect. */
class PageFetcherTest {
    static final WireMockServer site = new WireMockServer(options().dynamicPort());

    @BeforeAll
    static void start() {
        site.start();
        site.stubFor(get("/faq").willReturn(ok("<html><title>FAQ</title></html>").withHeader("Content-Type", "text/html")));
        site.stubFor(get("/internal").willReturn(ok("secret")));
        site.stubFor(get("/moved").willReturn(temporaryRedirect("/faq")));
        site.stubFor(get("/to-metadata").willReturn(temporaryRedirect("http://169.254.169.254/latest/meta-data/")));
        site.stubFor(get("/loop").willReturn(temporaryRedirect("/loop")));
    }

    @AfterAll
    static void stop() {
        site.stop();
    }

    /** The fake site is on loopback: these fetchers treat loopback as the public internet, and nothing else. */
    static PageFetcher loopbackIsPublic() {
        return new PageFetcher(10_000, FetchTargets.allowing(InetAddress::isLoopbackAddress));
    }

    @Test
    void aPrivateAddressIsRefusedBeforeAnythingIsSent() {
        PageFetcher fetcher = new PageFetcher(10_000, FetchTargets.of(false));

        assertThatThrownBy(() -> fetcher.fetch(site.baseUrl() + "/internal")).isInstanceOfSatisfying(ApplicationFailure.class,
                failure -> {
                    assertThat(failure.isNonRetryable()).isTrue();
                    assertThat(failure.getOriginalMessage()).contains("private address", "127.0.0.1",
                            "steward.knowledge.fetch-private-addresses");
                });
        site.verify(0, getRequestedFor(urlEqualTo("/internal")));
    }

    @Test
    void theOperatorMayAllowTheirOwnNetwork() {
        assertThat(new PageFetcher(10_000, FetchTargets.of(true)).fetch(site.baseUrl() + "/faq").body()).contains("FAQ");
    }

    @Test
    void aRedirectIsFollowedAndEachHopChecked() {
        assertThat(loopbackIsPublic().fetch(site.baseUrl() + "/moved").body()).contains("FAQ");

        assertThatThrownBy(() -> loopbackIsPublic().fetch(site.baseUrl() + "/to-metadata"))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.isNonRetryable()).isTrue();
                    assertThat(failure.getOriginalMessage()).contains("169.254.169.254", "private address");
                });
        assertThatThrownBy(() -> loopbackIsPublic().fetch(site.baseUrl() + "/loop"))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure ->
                        assertThat(failure.getOriginalMessage()).contains("More than 5 redirects"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "::1", "fd00::1", "fe80::1", "224.0.0.1", "198.18.0.1", "240.0.0.1", "255.255.255.255",
            "64:ff9b::a9fe:a9fe"})
    void privateAddresses(String address) throws Exception {
        assertThat(FetchTargets.isPrivate(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "100.128.0.1", "2606:4700::1111", "64:ff9b::808:808",
            "198.20.0.1"})
    void publicAddresses(String address) throws Exception {
        assertThat(FetchTargets.isPrivate(InetAddress.getByName(address))).isFalse();
    }

    @Test
    void onlyWebPagesAreFetched() {
        assertThatThrownBy(() -> loopbackIsPublic().fetch("file:///etc/passwd"))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure ->
                        assertThat(failure.getOriginalMessage()).contains("Only http and https"));
    }
}
