package dev.steward.workers.moderation;

import dev.steward.core.guild.ModerationSettings;
import dev.steward.workflows.message.IncomingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The free, instant checks that need no AI: blocked words and patterns, invites, foreign links, mass mentions. */
final class FastFilters {
    private static final Logger log = LoggerFactory.getLogger(FastFilters.class);
    private static final Pattern INVITE = Pattern.compile(
            "(?i)(discord\\.gg|discord(app)?\\.com/invite)/[a-z0-9-]+");
    private static final Pattern LINK = Pattern.compile("(?i)https?://[^\\s<>()\"']+");
    /**
     * How long one blocked pattern may run on one message. Admins write the patterns, and one that backtracks
     * heavily would otherwise hold a worker thread shared by every tenant: on 4,000 characters {@code (a+)+$}
     * takes seconds, {@code ((a+)+)+\d} practically forever. A sane pattern needs well under a millisecond.
     */
    static final Duration PATTERN_BUDGET = Duration.ofMillis(50);
    /** All of a message's patterns together: a hundred slow ones would otherwise take five seconds per message. */
    static final Duration MESSAGE_PATTERN_BUDGET = Duration.ofMillis(200);

    /** Distinct expressions kept compiled; admins may edit their lists at will, so the oldest unused ones go. */
    static final int COMPILED_KEPT = 4_096;
    /** Compiled once per distinct expression instead of once per message; empty for one that does not compile. */
    private static final Map<String, Optional<Pattern>> COMPILED = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<Pattern>> eldest) {
                    return size() > COMPILED_KEPT;
                }
            });

    private FastFilters() {
    }

    private static Optional<Pattern> compiled(String regex, int flags) {
        return COMPILED.computeIfAbsent(flags + ":" + regex, key -> {
            try {
                return Optional.of(Pattern.compile(regex, flags));
            } catch (PatternSyntaxException invalid) {
                return Optional.empty();
            }
        });
    }

    record Hit(String rule, String reason) {
    }

    static Optional<Hit> check(ModerationSettings settings, IncomingMessage message) {
        String text = message.content();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : ModerationSettings.lines(settings.blockedWords())) {
            if (compiled("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])", 0)
                    .orElseThrow().matcher(lower).find()) {
                return Optional.of(new Hit("blocked word", "contains the blocked word \"" + word + "\""));
            }
        }
        List<String> patterns = ModerationSettings.lines(settings.blockedPatterns());
        long deadline = System.nanoTime() + MESSAGE_PATTERN_BUDGET.toNanos();
        for (int i = 0; i < patterns.size(); i++) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                log.warn("Guild {}: blocked patterns ran longer than {} ms on a message; the last {} were not checked",
                        message.guildId(), MESSAGE_PATTERN_BUDGET.toMillis(), patterns.size() - i);
                break;
            }
            long patternDeadline = Math.min(now + PATTERN_BUDGET.toNanos(), deadline);
            if (matches(patterns.get(i), text, message.guildId(), patternDeadline)) {
                return Optional.of(new Hit("blocked pattern", "matches the blocked pattern " + patterns.get(i)));
            }
        }
        if (settings.blockInvites() && INVITE.matcher(text).find()) {
            return Optional.of(new Hit("invite links", "contains a Discord invite link"));
        }
        if (settings.blockLinks()) {
            Matcher links = LINK.matcher(text);
            while (links.find()) {
                String host = hostOf(links.group());
                if (!allowed(host, settings)) {
                    return Optional.of(new Hit("links", "links to " + host + ", which is not on the allow-list"));
                }
            }
        }
        if (settings.maxMentions() > 0 && message.mentionCount() >= settings.maxMentions()) {
            return Optional.of(new Hit("mass mentions", "mentions " + message.mentionCount() + " members or roles"));
        }
        return Optional.empty();
    }

    /**
     * Patterns were checked when saved; one that still fails to compile (stored some other way) is skipped
     * rather than fatal, and one that runs out of its budget counts as no match. Both are logged
     * so that the admins' filter does not go quiet unnoticed; the message stays out of the log.
     */
    private static boolean matches(String pattern, String text, String guildId, long deadlineNanos) {
        Optional<Pattern> compiled = compiled(pattern, Pattern.CASE_INSENSITIVE);
        if (compiled.isEmpty()) {
            log.warn("Guild {}: blocked pattern {} is not a valid regular expression; skipped", guildId, pattern);
            return false;
        }
        try {
            return compiled.get().matcher(new TimeBoxedText(text, deadlineNanos)).find();
        } catch (TimeBoxedText.TimedOut slow) {
            log.warn("Guild {}: blocked pattern {} ran longer than its time on a message; counted as no match",
                    guildId, pattern);
            return false;
        }
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException malformed) {
            return url;
        }
    }

    private static boolean allowed(String host, ModerationSettings settings) {
        return ModerationSettings.lines(settings.allowedDomains()).stream()
                .map(d -> d.toLowerCase(Locale.ROOT))
                .anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }
}
