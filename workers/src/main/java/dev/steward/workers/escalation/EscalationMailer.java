package dev.steward.workers.escalation;

import dev.steward.core.account.AccountRepository;
import dev.steward.core.conversation.ConversationProperties;
import dev.steward.core.conversation.ConversationQueries;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.workers.mail.AccountMail;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.escalation.EscalationRequest;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/** The escalation email: where, who, the last turns, and the link to the conversation in the API. */
@Component
class EscalationMailer {
    static final int TRANSCRIPT_TURNS = 10;
    private final AccountRepository accounts;
    private final GuildRepository guilds;
    private final ConversationQueries queries;
    private final AccountMail mail;
    private final ConversationProperties properties;

    EscalationMailer(AccountRepository accounts, GuildRepository guilds, ConversationQueries queries, AccountMail mail,
                     ConversationProperties properties) {
        this.accounts = accounts;
        this.guilds = guilds;
        this.queries = queries;
        this.mail = mail;
        this.properties = properties;
    }

    void send(EscalationRequest request, long conversationId) {
        ConversationKey key = request.conversation();
        String guildName = guilds.findByDiscordGuildId(key.guildId()).map(Guild::name).orElse(key.guildId());
        String transcript = queries.transcript(conversationId, TRANSCRIPT_TURNS).stream()
                .map(t -> "[" + t.at() + "] " + t.role() + " " + t.authorName() + ": " + t.content())
                .collect(Collectors.joining("\n"));
        String subject = "Steward: " + request.memberName() + " asks for a human in " + guildName;
        String body = """
                %s (Discord user %s) asked to talk to a person.

                Server:  %s (%s)
                Channel: %s
                Conversation: %s/api/conversations/%d

                Latest turns:
                %s
                """.formatted(request.memberName(), key.userId(), guildName, key.guildId(), key.channelId(),
                properties.publicUrl().replaceAll("/+$", ""), conversationId, transcript);
        mail.send(accounts.findById(request.accountId()).orElseThrow(), subject, body);
    }
}
