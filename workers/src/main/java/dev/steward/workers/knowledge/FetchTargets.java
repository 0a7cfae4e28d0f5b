package dev.steward.workers.knowledge;

import io.temporal.failure.ApplicationFailure;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Where a knowledge page may be fetched from. An admin types the URL, and the worker fetches it from inside the
 * operator's network and stores the page where the bot can quote it: without this check a URL such as the cloud
 * metadata address or an internal service would be read out through the bot. Each redirect is checked again.
 */
final class FetchTargets {
    private final Predicate<InetAddress> allowed;

    private FetchTargets(Predicate<InetAddress> allowed) {
        this.allowed = allowed;
    }

    /** @param privateAllowed the operator's choice, for knowledge served on their own network */
    static FetchTargets of(boolean privateAllowed) {
        return new FetchTargets(privateAllowed ? address -> true : address -> !isPrivate(address));
    }

    /** For tests, whose pages are all served on loopback. */
    static FetchTargets allowing(Predicate<InetAddress> allowed) {
        return new FetchTargets(allowed);
    }

    void require(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
            throw ApplicationFailure.newNonRetryableFailure("Only http and https pages can be fetched: " + target,
                    "FetchRejected");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(target.getHost());
        } catch (UnknownHostException e) {
            throw ApplicationFailure.newFailure("Could not resolve " + target.getHost(), "FetchFailed");
        }
        for (InetAddress address : addresses) {
            if (!allowed.test(address)) {
                throw ApplicationFailure.newNonRetryableFailure(target.getHost() + " is a private address ("
                        + address.getHostAddress() + "); set steward.knowledge.fetch-private-addresses=true to "
                        + "fetch from your own network", "FetchRejected");
            }
        }
    }

    /** Loopback, private, link-local (cloud metadata), unique-local, carrier-grade NAT, wildcard and multicast. */
    static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        boolean carrierGradeNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean thisNetwork = b.length == 4 && b[0] == 0;
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocal || carrierGradeNat
                || thisNetwork;
    }
}
