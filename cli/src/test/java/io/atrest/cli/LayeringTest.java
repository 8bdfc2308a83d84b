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
        // A kind of store's checks sit in its folder beside its collector: they too judge the inventory only.
        noClasses().that().areAssignableTo(io.atrest.scanner.check.Check.class)
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
                .check(ATREST);
    }

    @Test
    void thePipelineKnowsNothingOfTheCommandLineTheSchedulerOrReports() {
        noClasses().that().resideInAPackage("io.atrest.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.atrest.cli..", "org.quartz..", "io.atrest.report..")
                .check(ATREST);
    }

    @Test
    void onlyTheScheduleCommandReachesTheScheduler() {
        noClasses().that().resideOutsideOfPackages("io.atrest.cli", "io.atrest.cli.schedule..")
                .should().dependOnClassesThat().resideInAPackage("io.atrest.cli.schedule..")
                .check(ATREST);
        noClasses().that().resideInAPackage("io.atrest.cli.schedule..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.atrest.cli")
                .check(ATREST);
    }

    @Test
    void theHistoryStoresRoomsKeepToTheirJobs() {
        noClasses().that().resideInAPackage("io.atrest.sql.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("io.atrest.sql.query..", "io.atrest.sql.retention..",
                        "io.atrest.sql.cluster..")
                .check(ATREST);
        noClasses().that().resideInAPackage("io.atrest.sql.query..")
                .should().dependOnClassesThat().resideInAnyPackage("io.atrest.sql.ingest..", "io.atrest.sql.retention..",
                        "io.atrest.sql.cluster..")
                .check(ATREST);
        // The rooms never reach back for the store that hands them out.
        noClasses().that().resideInAnyPackage("io.atrest.sql.run..", "io.atrest.sql.ingest..", "io.atrest.sql.query..",
                        "io.atrest.sql.retention..", "io.atrest.sql.cluster..", "io.atrest.sql.errors..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.atrest.sql.HistoryStore")
                .check(ATREST);
    }

    @Test
    void whereSlicesWaitIsTheSinksBusinessAlone() {
        noClasses().that().resideInAnyPackage("io.atrest.scanner.inventory..", "io.atrest.scanner.check..")
                .should().dependOnClassesThat().resideInAPackage("io.atrest.scanner.sink..")
                .check(ATREST);
    }
}
