package dev.steward.testing.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The real PostgreSQL for tests ({@code TEST_DATABASE_URL}, default the local {@code test} database as
 * {@code postgres}). Each test JVM gets a schema of its own, so runs never see each other's rows, and the
 * schema is dropped when the JVM exits.
 */
public final class TestDatabase {
    public static final String BASE_URL = envOr("TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = envOr("TEST_DATABASE_USER", "postgres");
    public static final String PASSWORD = envOr("TEST_DATABASE_PASSWORD", "");
    private static final String SCHEMA = "steward_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static boolean created;

    private TestDatabase() {
    }

    /** JDBC URL whose connections work in this JVM's own schema (created on first use). */
    public static synchronized String url() {
        if (!created) {
            execute("CREATE SCHEMA " + SCHEMA);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE")));
            created = true;
        }
        return BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    /** Registers the datasource with a Spring {@code DynamicPropertyRegistry} ({@code TestDatabase.register(registry::add)}). */
    public static void register(BiConsumer<String, Supplier<Object>> registry) {
        registry.accept("spring.datasource.url", TestDatabase::url);
        registry.accept("spring.datasource.username", () -> USER);
        registry.accept("spring.datasource.password", () -> PASSWORD);
    }

    public static String schema() {
        return SCHEMA;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(BASE_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database at " + BASE_URL + " is not usable: " + e.getMessage(), e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
