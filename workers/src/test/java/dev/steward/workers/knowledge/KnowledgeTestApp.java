package dev.steward.workers.knowledge;

import dev.steward.core.CoreConfiguration;
import dev.steward.core.account.Account;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.Plan;
import dev.steward.core.knowledge.DocumentKind;
import dev.steward.core.knowledge.KnowledgeDocument;
import dev.steward.core.knowledge.KnowledgeDocumentRepository;
import dev.steward.testing.Fixtures;
import dev.steward.workflows.knowledge.IngestRequest;
import dev.steward.workflows.knowledge.KnowledgeActivities;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

import java.time.Instant;

/** Core persistence plus the knowledge beans: ingestion and retrieval without Temporal or the model. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CoreConfiguration.class, KnowledgeActivitiesImpl.class, PageFetcher.class, EmbeddingConfiguration.class,
        KnowledgeIndex.class, Retriever.class})
@PropertySource("classpath:steward-workers.properties")
public class KnowledgeTestApp {

    /** Creates an account and ingests the shipped handbook into its knowledge base. */
    public static long accountWithHandbook(AccountRepository accounts, KnowledgeDocumentRepository documents,
                                           KnowledgeActivities knowledge) {
        long account = accounts.save(Account.create("Acme", Plan.PRO, "", Instant.now())).id();
        KnowledgeDocument handbook = documents.save(KnowledgeDocument.pending(account, "Acme Cloud Handbook", null,
                DocumentKind.MARKDOWN, Fixtures.text(Fixtures.HANDBOOK), Instant.now()));
        knowledge.ingest(new IngestRequest(handbook.id(), handbook.revision(), false));
        return account;
    }
}
