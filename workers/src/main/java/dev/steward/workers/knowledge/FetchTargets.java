package dev.steward.workers.knowledge;

import io.temporal.failure.ApplicationFailure;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
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

    /**
     * Loopback, private, link-local (cloud metadata), unique-local, carrier-grade NAT, benchmarking, reserved,
     * wildcard and multicast; an IPv4 address behind the NAT64 prefix counts as itself.
     */
    static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16 && isNat64(b)) {
            try {
                return isPrivate(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
            } catch (UnknownHostException impossible) {
                return true;
            }
        }
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        boolean carrierGradeNat = b.length == 4 && first == 100 && (second & 0xc0) == 64;
        boolean benchmarking = b.length == 4 && first == 198 && (second & 0xfe) == 18;
        boolean reservedOrThisNetwork = b.length == 4 && (first == 0 || first >= 240);
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocal || carrierGradeNat
                || benchmarking || reservedOrThisNetwork;
    }

    /** 64:ff9b::/96, the well-known NAT64 prefix. */
    private static boolean isNat64(byte[] b) {
        byte[] prefix = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
        return Arrays.equals(Arrays.copyOfRange(b, 0, 12), prefix);
    }
}
