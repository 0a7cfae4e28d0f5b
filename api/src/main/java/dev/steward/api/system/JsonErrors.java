package dev.steward.api.system;

import org.springframework.http.converter.HttpMessageNotReadableException;

/** A short, safe description of why a JSON body could not be read, naming the field when there is one. */
final class JsonErrors {
    private JsonErrors() {
    }

    static String describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        String message = cause.getMessage() == null ? "unreadable body" : cause.getMessage();
        // Jackson puts the path last, like: ... (through reference chain: X["plan"])
        int path = message.indexOf("reference chain:");
        String field = path < 0 ? null : message.substring(path).replaceAll(".*\\[\"?([^\"\\]]*)\"?]\\)?\\s*$", "$1");
        String first = message.lines().findFirst().orElse(message);
        String summary = first.length() > 200 ? first.substring(0, 200) + "..." : first;
        return field == null ? summary : "field '" + field + "': " + summary;
    }
}
