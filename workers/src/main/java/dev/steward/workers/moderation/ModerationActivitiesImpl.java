package dev.steward.workers.moderation;

import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.steward.core.guild.CachedGuilds;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.core.guild.ModerationSettings;
import dev.steward.core.moderation.ModerationLogStore;
import dev.steward.workflows.message.IncomingMessage;
import dev.steward.workflows.moderation.ModerationAction;
import dev.steward.workflows.moderation.ModerationActivities;
import dev.steward.workflows.moderation.ModerationDecision;
import dev.steward.workflows.moderation.ModerationLogEntry;
import dev.steward.workflows.moderation.ModerationPlan;
import dev.steward.workflows.moderation.ModerationRequest;
import dev.steward.workflows.moderation.ModerationSource;
import dev.steward.workflows.moderation.ModerationVerdict;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

@Component
class ModerationActivitiesImpl implements ModerationActivities {
    private static final Logger log = LoggerFactory.getLogger(ModerationActivitiesImpl.class);
    private static final int MAX_CHARS = 4000;

    private final CachedGuilds cachedGuilds;
    private final GuildRepository guilds;
    private final ModerationLogStore moderationLog;
    private final ModerationLogWriter writer;
    private final ChatModel model;
    private final Clock clock;

    ModerationActivitiesImpl(CachedGuilds cachedGuilds, GuildRepository guilds, ModerationLogStore moderationLog,
                             ModerationLogWriter writer, ChatModel model, Clock clock) {
        this.cachedGuilds = cachedGuilds;
        this.guilds = guilds;
        this.moderationLog = moderationLog;
        this.writer = writer;
        this.model = model;
        this.clock = clock;
    }

    @Override
    public ModerationVerdict moderate(ModerationRequest request) {
        return ModerationVerdict.noAction("superseded by plan and judge");
    }

    /**
     * The common outcomes (moderation off, exempt, no filter hit, ask the AI) come from cached settings. A
     * filter hit acts on the member, so it is planned again from the settings as they are now: an action the
     * admins just turned off through another process is not taken.
     */
    @Override
    public ModerationPlan plan(ModerationRequest request) {
        return plan(request, cachedGuilds.byDiscordGuildId(request.message().guildId()), false);
    }

    private ModerationPlan plan(ModerationRequest request, Optional<Guild> guild, boolean fresh) {
        IncomingMessage message = request.message();
        Optional<ModerationSettings> found = guild.map(Guild::moderation);
        if (found.isEmpty() || !found.get().enabled()) {
            return ModerationPlan.skip("moderation off");
        }
        ModerationSettings settings = found.get();
        if (ModerationSettings.entries(settings.exemptChannelIds()).contains(message.channelId())
                || message.memberRoleIds().stream().anyMatch(ModerationSettings.entries(settings.exemptRoleIds())::contains)) {
            return ModerationPlan.skip("exempt channel or role");
        }
        Optional<FastFilters.Hit> hit = FastFilters.check(settings, message);
        if (hit.isPresent()) {
            if (!fresh) {
                return plan(request, guilds.findByDiscordGuildId(message.guildId()), true);
            }
            ModerationAction action = ActionChoice.strongestEnabledUpTo(settings.filterAction(), settings.enabledActions());
            return ModerationPlan.decided(decision(settings, request, action, ModerationSource.FILTER, hit.get().rule(),
                    hit.get().reason(), 1.0));
        }
        if (settings.aiEnabled() && !settings.rules().isBlank() && !message.content().isBlank()) {
            return ModerationPlan.askAi();
        }
        return ModerationPlan.skip("no filter hit");
    }

    /** Rare and behind a model call: reads the settings as they are now, since its verdict may act. */
    @Override
    public ModerationDecision judge(ModerationRequest request) {
        ModerationSettings settings = guilds.findByDiscordGuildId(request.message().guildId()).map(Guild::moderation)
                .orElse(ModerationSettings.defaults());
        String output;
        try {
            output = model.chat(ChatRequest.builder()
                    .messages(ModerationPrompt.build(settings.rules(), request.message().authorName(),
                            request.message().content(), MAX_CHARS))
                    .responseFormat(ResponseFormat.JSON).build()).aiMessage().text();
        } catch (NonRetriableException rejected) {
            throw ApplicationFailure.newNonRetryableFailureWithCause("Model refused the moderation request: "
                    + rejected.getMessage(), "ModelRequestRejected", rejected);
        }
        Optional<AiVerdict> verdict = AiVerdict.parse(output);
        if (verdict.isEmpty()) {
            log.warn("Moderation verdict for {} is not valid JSON; taking no action", request.messageKey());
            return ModerationDecision.none(ModerationSource.AI, "invalid model output");
        }
        AiVerdict v = verdict.get();
        ModerationAction action = v.violated()
                ? ActionChoice.choose(v.action(), settings.enabledActions(), v.confidence(), settings.confidenceThreshold())
                : ModerationAction.NONE;
        return decision(settings, request, action, ModerationSource.AI, v.rule(), v.reason(), v.confidence());
    }

    @Override
    public void log(ModerationLogEntry entry) {
        writer.write(entry);
    }

    private ModerationDecision decision(ModerationSettings settings, ModerationRequest request, ModerationAction chosen,
                                        ModerationSource source, String rule, String reason, double confidence) {
        ModerationAction action = chosen == ModerationAction.NONE ? chosen : ActionChoice.escalate(chosen,
                moderationLog.violationsSince(request.accountId(), request.message().guildId(), request.message().authorId(),
                        request.messageKey(), clock.instant().minus(Duration.ofDays(settings.repeatWindowDays()))),
                settings);
        return new ModerationDecision(action, ActionChoice.steps(action, settings.enabledActions()), source, rule,
                reason, confidence, settings.timeoutMinutes());
    }
}
