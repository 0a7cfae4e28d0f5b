package dev.steward.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Shipped test fixtures: the Acme Cloud handbook, its question set and off-topic messages ({@code knowledge/}). */
public final class Fixtures {
    public static final String HANDBOOK = "knowledge/acme-handbook.md";
    public static final String QUESTIONS = "knowledge/questions.tsv";
    public static final String OFF_TOPIC = "knowledge/off-topic.txt";

    private Fixtures() {
    }

    public static String text(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
