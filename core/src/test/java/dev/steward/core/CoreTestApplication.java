package dev.steward.core;

import dev.steward.testing.db.TestDatabase;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The core module's beans on the real PostgreSQL, for persistence tests. */
@SpringBootApplication
@Import(CoreConfiguration.class)
public class CoreTestApplication {

    /** Test classes extend this to get the database wired in. */
    public abstract static class OnPostgres {
        @DynamicPropertySource
        static void database(DynamicPropertyRegistry registry) {
            TestDatabase.register(registry::add);
        }
    }
}
