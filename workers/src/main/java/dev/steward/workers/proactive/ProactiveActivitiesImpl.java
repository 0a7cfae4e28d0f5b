package dev.steward.workers.proactive;

import dev.steward.core.account.AccountRepository;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.core.proactive.ProactivePostStore;
import dev.steward.core.quota.PlanCatalog;
import dev.steward.core.quota.PlanFeature;
import dev.steward.workers.discord.DiscordActions;
import dev.steward.workers.discord.DiscordRouter;
import dev.steward.workers.discord.MentionGuard;
import dev.steward.workers.discord.MessageSplitter;
import dev.steward.workers.discord.PostedParts;
import dev.steward.workflows.proactive.PostDraft;
import dev.steward.workflows.proactive.PostPlan;
import dev.steward.workflows.proactive.PostRecord;
import dev.steward.workflows.proactive.ProactiveActivities;
import io.temporal.failure.ApplicationFailure;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

@Component
class ProactiveActivitiesImpl implements ProactiveActivities {
    private final GuildRepository guilds;
    private final AccountRepository accounts;
    private final PlanCatalog plans;
    private final ProactivePostStore posts;
    private final PostWriter writer;
    private final DiscordRouter discord;

    ProactiveActivitiesImpl(GuildRepository guilds, AccountRepository accounts, PlanCatalog plans,
                            ProactivePostStore posts, PostWriter writer, DiscordRouter discord) {
        this.guilds = guilds;
        this.accounts = accounts;
        this.plans = plans;
        this.posts = posts;
        this.writer = writer;
        this.discord = discord;
    }

    @Override
    public PostPlan plan(String guildId) {
        Optional<Guild> found = guilds.findByDiscordGuildId(guildId);
        if (found.isEmpty()) {
            return PostPlan.skip("guild not connected");
        }
        Guild guild = found.get();
        if (!guild.proactive().enabled()) {
            return PostPlan.skip("proactive posts disabled");
        }
        var plan = accounts.findById(guild.accountId()).orElseThrow().plan();
        if (!plans.allows(plan, PlanFeature.DISCORD)) {
            return PostPlan.skip("the " + plan + " plan does not include Discord");
        }
        if (guild.proactive().topicList().isEmpty()) {
            return PostPlan.skip("no topics configured");
        }
        return new PostPlan(false, "", guild.accountId(), guild.proactive().channelName());
    }

    @Override
    public PostDraft write(String guildId, String runKey) {
        Guild guild = guilds.findByDiscordGuildId(guildId).orElseThrow();
        List<String> topics = guild.proactive().topicList();
        // The run picks its topic from its own key, so a retry writes about the same topic.
        String topic = topics.get(Math.floorMod(runKey.hashCode(), topics.size()));
        return writer.write(guild.name(), topic, posts.recentContents(guildId, 5));
    }

    @Override
    public String send(String guildId, String channelName, String content, String runKey) {
        String name = channelName.startsWith("#") ? channelName.substring(1) : channelName;
        DiscordActions actions = discord.forGuild(guildId);
        String channelId = actions.findTextChannel(guildId, name).orElseThrow(() -> ApplicationFailure
                .newNonRetryableFailure("No text channel named #" + name + " in this server", "ChannelNotFound"));
        List<String> parts = MessageSplitter.split(MentionGuard.defuse(content), MessageSplitter.DISCORD_LIMIT);
        List<String> ids = PostedParts.post(actions, guildId, channelId, parts, null, runKey);
        return ids.isEmpty() ? null : ids.get(0);
    }

    @Override
    public void record(PostRecord post) {
        posts.record(post);
    }
}
