package dev.steward.workers.proactive;

import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.core.proactive.ProactiveSchedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, makes the running proactive schedules match the stored settings: the embedded Temporal server
 * forgets everything on restart, and a real cluster can drift.
 */
@Component
public class ProactiveReconciler {
    private static final Logger log = LoggerFactory.getLogger(ProactiveReconciler.class);
    private final GuildRepository guilds;
    private final ProactiveSchedules schedules;

    ProactiveReconciler(GuildRepository guilds, ProactiveSchedules schedules) {
        this.guilds = guilds;
        this.schedules = schedules;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void reconcile() {
        int failures = 0;
        for (Guild guild : guilds.findAll()) {
            try {
                schedules.apply(guild);
            } catch (RuntimeException e) {
                failures++;
                log.warn("Could not reconcile proactive posts of guild {}: {}", guild.discordGuildId(), e.toString());
            }
        }
        log.info("Proactive schedules reconciled{}", failures == 0 ? "" : " (" + failures + " failed; next start retries)");
    }
}
