package dev.steward.workflows.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Workflow code must stay deterministic and free of I/O, so it replays the same way on every worker. */
class WorkflowModuleRulesTest {
    static final JavaClasses WORKFLOWS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.steward.workflows");

    @Test
    void noSpringAndNoIo() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.io..", "java.net..", "java.nio..", "java.sql..",
                        "javax.sql..", "java.util.concurrent..")
                .check(WORKFLOWS);
    }

    @Test
    void noClocksRandomnessOrThreadsOutsideTheSdk() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.Random.class)
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .check(WORKFLOWS);
    }
}
