package dev.steward.api.knowledge;

import dev.steward.api.auth.Caller;
import dev.steward.core.audit.AuditLog;
import dev.steward.core.knowledge.DocumentKind;
import dev.steward.core.knowledge.KnowledgeDocument;
import dev.steward.core.knowledge.KnowledgeDocumentRepository;
import dev.steward.core.knowledge.KnowledgeStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.util.List;

/**
 * The account's knowledge base. Writes store the document and start its ingestion workflow (202): its status
 * goes from PENDING to READY, or FAILED with the reason.
 */
@RestController
class KnowledgeController {
    static final String URL = "https?://\\S+";
    private final KnowledgeDocumentRepository documents;
    private final KnowledgeStore store;
    private final KnowledgeInput input;
    private final IngestionStarter ingestion;
    private final AuditLog audit;
    private final Clock clock;

    KnowledgeController(KnowledgeDocumentRepository documents, KnowledgeStore store, KnowledgeInput input,
                        IngestionStarter ingestion, AuditLog audit, Clock clock) {
        this.documents = documents;
        this.store = store;
        this.input = input;
        this.ingestion = ingestion;
        this.audit = audit;
        this.clock = clock;
    }

    record DocumentBody(@NotBlank @Size(max = 300) String title, String content, String contentType,
                        @Size(max = 2000) @Pattern(regexp = URL, message = "must be an http(s) URL") String sourceUrl) {
    }

    record QaBody(@NotBlank @Size(max = 1000) String question, @NotBlank @Size(max = 20000) String answer) {
    }

    record FetchBody(@NotBlank @Size(max = 2000) @Pattern(regexp = URL, message = "must be an http(s) URL") String url,
                     @Size(max = 300) String title) {
    }

    @PostMapping("/api/knowledge/documents")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DocumentView add(Caller caller, @Valid @RequestBody DocumentBody body) {
        long account = caller.adminAccount();
        DocumentKind kind = input.kindOf(body.contentType());
        return ingest(caller, account, KnowledgeDocument.pending(account, body.title(), body.sourceUrl(), kind,
                input.content(body.content()), clock.instant()));
    }

    @PostMapping("/api/knowledge/qa")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DocumentView addQuestion(Caller caller, @Valid @RequestBody QaBody body) {
        long account = caller.adminAccount();
        return ingest(caller, account, KnowledgeDocument.pending(account, body.question(), null, DocumentKind.QA,
                "Q: " + body.question().strip() + "\nA: " + body.answer().strip(), clock.instant()));
    }

    @PostMapping("/api/knowledge/fetch")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DocumentView fetch(Caller caller, @Valid @RequestBody FetchBody body) {
        long account = caller.adminAccount();
        return ingest(caller, account, KnowledgeDocument.pending(account, body.title() == null ? "" : body.title(),
                body.url(), DocumentKind.URL, "", clock.instant()));
    }

    @GetMapping("/api/knowledge/documents")
    List<DocumentView> list(Caller caller) {
        return documents.findByAccountIdOrderById(caller.account()).stream().map(DocumentView::of).toList();
    }

    @GetMapping("/api/knowledge/documents/{id}")
    DocumentView get(Caller caller, @PathVariable long id) {
        return DocumentView.of(owned(caller.account(), id));
    }

    @PutMapping("/api/knowledge/documents/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DocumentView replace(Caller caller, @PathVariable long id, @Valid @RequestBody DocumentBody body) {
        long account = caller.adminAccount();
        KnowledgeDocument current = owned(account, id);
        DocumentKind kind = input.kindOf(body.contentType());
        return ingest(caller, account, current.replacedBy(body.title(), body.sourceUrl(), kind,
                input.content(body.content()), clock.instant()));
    }

    @DeleteMapping("/api/knowledge/documents/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(Caller caller, @PathVariable long id) {
        long account = caller.adminAccount();
        documents.delete(owned(account, id));
        store.bumpRevision(account);
        audit.record(account, caller.actor(), "knowledge.deleted", Long.toString(id), "");
    }

    private DocumentView ingest(Caller caller, long account, KnowledgeDocument document) {
        KnowledgeDocument saved = documents.save(document);
        audit.record(account, caller.actor(), "knowledge.ingesting", Long.toString(saved.id()),
                saved.title() + " r" + saved.revision());
        ingestion.start(saved);
        return DocumentView.of(saved);
    }

    private KnowledgeDocument owned(long account, long id) {
        return documents.findByIdAndAccountId(id, account)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No document " + id));
    }
}
