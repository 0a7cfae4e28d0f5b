package dev.steward.core.knowledge;

/** Where a knowledge document's text came from, which decides how it is read. */
public enum DocumentKind {
    TEXT, MARKDOWN, HTML, QA,
    /** A page still to be fetched; once fetched the document becomes HTML or MARKDOWN. */
    URL
}
