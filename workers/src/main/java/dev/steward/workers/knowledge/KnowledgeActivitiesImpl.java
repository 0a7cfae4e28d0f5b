package dev.steward.workers.knowledge;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.steward.core.knowledge.ChunkDraft;
import dev.steward.core.knowledge.DocumentKind;
import dev.steward.core.knowledge.KnowledgeDocument;
import dev.steward.core.knowledge.KnowledgeDocumentRepository;
import dev.steward.core.knowledge.KnowledgeStore;
import dev.steward.workflows.Texts;
import dev.steward.workflows.knowledge.IngestRequest;
import dev.steward.workflows.knowledge.KnowledgeActivities;
import io.temporal.failure.ApplicationFailure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Component
class KnowledgeActivitiesImpl implements KnowledgeActivities {
    /** The length of {@code knowledge_document.title}; a page's {@code <title>} or URL can be longer. */
    static final int TITLE_CHARS = 300;
    private final KnowledgeDocumentRepository documents;
    private final KnowledgeStore store;
    private final PageFetcher fetcher;
    private final EmbeddingModel embeddings;
    private final Chunker chunker;
    private final Clock clock;

    KnowledgeActivitiesImpl(KnowledgeDocumentRepository documents, KnowledgeStore store, PageFetcher fetcher,
                            @Lazy EmbeddingModel embeddings, Clock clock,
                            @Value("${steward.knowledge.chunk-chars}") int chunkChars,
                            @Value("${steward.knowledge.overlap-chars}") int overlapChars) {
        this.documents = documents;
        this.store = store;
        this.fetcher = fetcher;
        this.embeddings = embeddings;
        this.clock = clock;
        this.chunker = new Chunker(chunkChars, overlapChars);
    }

    @Override
    public void fetchPage(IngestRequest request) {
        Optional<KnowledgeDocument> document = current(request);
        if (document.isEmpty()) {
            return;
        }
        PageFetcher.Page page = fetcher.fetch(document.get().sourceUrl());
        String title = document.get().title();
        if (title.isBlank() && page.contentType().startsWith("text/html")) {
            String pageTitle = TextExtraction.htmlTitle(page.body());
            title = pageTitle == null ? document.get().sourceUrl() : pageTitle;
        }
        boolean html = page.contentType().startsWith("text/html");
        store.storeFetchedContent(request.documentId(), request.revision(),
                Texts.clip(title.isBlank() ? document.get().sourceUrl() : title, TITLE_CHARS),
                html ? DocumentKind.HTML : DocumentKind.MARKDOWN, page.body());
    }

    @Override
    public int ingest(IngestRequest request) {
        Optional<KnowledgeDocument> found = current(request);
        if (found.isEmpty()) {
            return -1;
        }
        KnowledgeDocument document = found.get();
        List<Chunker.Chunk> chunks = document.kind() == DocumentKind.QA
                ? List.of(new Chunker.Chunk("", document.content().strip()))
                : chunker.chunk(TextExtraction.toText(document.kind(), document.content()));
        if (chunks.isEmpty()) {
            throw ApplicationFailure.newNonRetryableFailure("The document has no text to index", "EmptyDocument");
        }
        List<TextSegment> segments = chunks.stream()
                .map(c -> TextSegment.from(document.title() + (c.heading().isBlank() ? "" : " — " + c.heading())
                        + "\n" + c.content()))
                .toList();
        var vectors = embeddings.embedAll(segments).content();
        List<ChunkDraft> drafts = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            drafts.add(new ChunkDraft(i, chunks.get(i).heading(), chunks.get(i).content(), vectors.get(i).vector()));
        }
        return store.replaceChunks(document.id(), request.revision(), drafts, clock.instant()) ? drafts.size() : -1;
    }

    @Override
    public void fail(IngestRequest request, String reason) {
        store.fail(request.documentId(), request.revision(), reason, clock.instant());
    }

    /** The document at this revision; empty when it was deleted or replaced meanwhile. */
    private Optional<KnowledgeDocument> current(IngestRequest request) {
        return documents.findById(request.documentId()).filter(d -> d.revision() == request.revision());
    }
}
