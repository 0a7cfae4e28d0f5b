package dev.steward.bridge;

import dev.steward.core.message.MessageWorkflowStarter;
import dev.steward.workflows.message.IncomingMessage;
import discord4j.core.event.domain.interaction.ChatInputInteractionEvent;
import discord4j.core.event.domain.message.MessageCreateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.Optional;

/**
 * What every gateway session does with its events: each human message in a guild, and each /ask, becomes a
 * workflow start. A start that fails (Temporal unreachable) is retried with backoff for up to an hour, so a
 * message is not lost to a short outage; one bad event never stops the stream.
 */
@Component
class GatewayEvents {
    private static final Logger log = LoggerFactory.getLogger(GatewayEvents.class);
    private final MessageWorkflowStarter starter;

    GatewayEvents(MessageWorkflowStarter starter) {
        this.starter = starter;
    }

    Mono<Void> message(MessageCreateEvent event) {
        return Mono.justOrEmpty(MessageEvents.toIncoming(event.getMessage(), event.getMember(),
                        event.getClient().getSelfId()))
                .flatMap(this::startWorkflow)
                .onErrorResume(e -> {
                    log.error("Skipping gateway message {}: {}", event.getMessage().getId().asString(), e.toString());
                    return Mono.empty();
                });
    }

    /**
     * /ask delivered over the gateway (no interactions endpoint configured): acknowledge within Discord's
     * 3 seconds with a deferred reply, then hand it to the same workflow as the endpoint does.
     */
    Mono<Void> ask(ChatInputInteractionEvent event) {
        if (!"ask".equals(event.getCommandName())) {
            return Mono.empty();
        }
        Optional<IncomingMessage> message = AskInteractions.toIncoming(event);
        Mono<Void> handled = message.isPresent() ? event.deferReply().then(startWorkflow(message.get()))
                : event.reply("Ask a question in a server, for example: /ask question: how do I reset my password?")
                .withEphemeral(true);
        return handled.onErrorResume(e -> {
            log.error("Skipping /ask interaction {}: {}", event.getInteraction().getId().asString(), e.toString());
            return Mono.empty();
        });
    }

    private Mono<Void> startWorkflow(IncomingMessage message) {
        return Mono.fromCallable(() -> starter.start(message))
                .subscribeOn(Schedulers.boundedElastic())
                .retryWhen(Retry.backoff(60, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1))
                        .doBeforeRetry(s -> log.warn("Could not start workflow for message {}, retrying: {}",
                                message.messageId(), s.failure().toString())))
                .doOnNext(started -> {
                    if (!started.created()) {
                        log.debug("Message {} seen before (replay, second replica or two bots in one guild); not started again",
                                message.messageId());
                    }
                })
                .then();
    }
}
