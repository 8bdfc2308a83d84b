package io.atrest.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Data flows one way: collect, inventory, evaluate, store, report. Lower layers never import higher ones. */
class LayeringTest {
    private static final JavaClasses ATREST = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.atrest");

    @Test
    void scannerKnowsNothingOfStorageReportsOrTheCli() {
        noClasses().that().resideInAPackage("io.atrest.scanner..")
                .should().dependOnClassesThat().resideInAnyPackage("io.atrest.sql..", "io.atrest.report..", "io.atrest.cli..")
                .check(ATREST);
    }

    @Test
    void scannerNeverTouchesADatabase() {
        noClasses().that().resideInAPackage("io.atrest.scanner..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.jdbi..", "org.flywaydb..")
                .check(ATREST);
    }

    @Test
    void sqlKnowsNothingOfReportsOrTheCli() {
        noClasses().that().resideInAPackage("io.atrest.sql..")
                .should().dependOnClassesThat().resideInAnyPackage("io.atrest.report..", "io.atrest.cli..")
                .check(ATREST);
    }

    @Test
    void theStoreKnowsNothingOfAws() {
        noClasses().that().resideInAnyPackage("io.atrest.sql..", "io.atrest.report..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
                .check(ATREST);
    }

    @Test
    void reportsDoNotKnowTheCli() {
        noClasses().that().resideInAPackage("io.atrest.report..")
                .should().dependOnClassesThat().resideInAPackage("io.atrest.cli..")
                .check(ATREST);
    }

    @Test
    void checksNeverCallAws() {
        noClasses().that().resideInAnyPackage("io.atrest.scanner.check..", "io.atrest.scanner.keys..", "io.atrest.scanner.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
                .check(ATREST);
    }
}
