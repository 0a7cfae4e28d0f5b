package dev.steward.bridge;

import discord4j.core.shard.ShardingStrategy;

import java.util.Arrays;

/**
 * Which shards of the bot this bridge process runs. Discord requires sharding past 2,500 guilds per bot;
 * several bridge replicas split the shards between them by configuration
 * ({@code steward.discord.shard-count}, {@code steward.discord.shard-indices}). With neither set, one process
 * runs every shard Discord recommends in {@code GET /gateway/bot}.
 */
final class Sharding {
    private Sharding() {
    }

    /**
     * @param count   total shards of the bot; 0 takes Discord's recommendation
     * @param indices the shards this process runs, comma-separated; blank means all
     */
    static ShardingStrategy strategy(int count, String indices) {
        int[] owned = indices == null || indices.isBlank() ? new int[0]
                : Arrays.stream(indices.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
        if (owned.length == 0) {
            return count > 0 ? ShardingStrategy.fixed(count) : ShardingStrategy.recommended();
        }
        var builder = ShardingStrategy.builder().indices(owned);
        return (count > 0 ? builder.count(count) : builder).build();
    }
}
