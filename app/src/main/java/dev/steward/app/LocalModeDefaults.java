package dev.steward.app;

import dev.steward.core.account.ApiKeys;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Embedded defaults of local mode, added with the lowest precedence so any configured value wins: an H2
 * database file under the data folder (PostgreSQL mode, same migrations), an operator key generated once
 * into that folder and printed when it is created, and an encryption key for secrets at rest.
 */
public class LocalModeDefaults implements EnvironmentPostProcessor {
    static final String OPERATOR_KEY_FILE = "operator-api-key";
    static final String ENCRYPTION_KEY_FILE = "encryption-key";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Path data = Path.of(env.getProperty("steward.local.data-dir", "./data")).toAbsolutePath().normalize();
        Map<String, Object> defaults = new HashMap<>();
        if (!env.containsProperty("spring.datasource.url")) {
            defaults.put("spring.datasource.url", "jdbc:h2:file:" + data.resolve("steward")
                    + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH");
            defaults.put("spring.datasource.username", "sa");
            defaults.put("spring.datasource.password", "");
        }
        if (isBlank(env.getProperty("OPERATOR_API_KEY")) && isBlank(env.getProperty("steward.operator-api-key"))) {
            defaults.put("steward.operator-api-key", operatorKey(data.resolve(OPERATOR_KEY_FILE)));
        }
        if (isBlank(env.getProperty("APP_ENCRYPTION_KEY")) && isBlank(env.getProperty("steward.encryption-key"))) {
            defaults.put("steward.encryption-key", secretFile(data.resolve(ENCRYPTION_KEY_FILE)));
        }
        // Without Ollama, answer with the fallback at once rather than after the model's retry budget.
        defaults.put("steward.ai.fail-fast-when-unreachable", "true");
        env.getPropertySources().addLast(new MapPropertySource("stewardLocalModeDefaults", defaults));
    }

    /** The operator key: printed once, on creation, to the console only; the file keeps it for later runs. */
    private static String operatorKey(Path file) {
        return readOrCreate(file, key -> System.out.println("""

                ==================================================================================
                 Steward local mode: generated the operator API key (saved in %s)
                   %s
                 Use it as 'Authorization: Bearer <key>' to create accounts. It is not shown again.
                ==================================================================================
                """.formatted(file, key)));
    }

    /** The key that seals custom bot tokens in local mode: generated once, kept beside the database. */
    private static String secretFile(Path file) {
        return readOrCreate(file, key -> { });
    }

    /** A random secret kept in a file of the data folder: read when present, else generated and saved. */
    private static String readOrCreate(Path file, Consumer<String> onCreate) {
        try {
            if (Files.exists(file)) {
                restrict(file); // files from before this check was made are tightened too
                String kept = Files.readString(file).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            String key = ApiKeys.generate();
            Files.createDirectories(file.getParent());
            // Written whole to a file only its owner can read, then moved in place: never half a key.
            Path written = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            restrict(written);
            Files.writeString(written, key + "\n");
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            onCreate.accept(key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep a generated key in " + file, e);
        }
    }

    /** The keys are secrets: readable by their owner only. */
    private static void restrict(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
