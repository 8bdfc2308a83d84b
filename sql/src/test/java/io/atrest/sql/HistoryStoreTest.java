package io.atrest.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.ResourceRef;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Score;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.policy.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's behaviour, the same on H2 and on PostgreSQL. */
class HistoryStoreTest {
    private static final Account ACCOUNT = new Account("123456789012", "prod", "p@example.com", "ACTIVE",
            List.of("Prod"), Map.of("DataClassification", "restricted"));
    private static final ResourceRef BUCKET = new ResourceRef(ResourceType.AwsS3Bucket, "arn:aws:s3:::ledger", "ledger",
            "123456789012", "eu-west-1");
    private static final ResourceRef KEY = new ResourceRef(ResourceType.AwsKmsKey,
            "arn:aws:kms:eu-west-1:123456789012:key/k", "alias/k", "123456789012", "eu-west-1");

    @TempDir
    Path dir;

    private static Finding finding(ResourceRef resource, String check, Outcome outcome) {
        return new Finding(check, Severity.HIGH, outcome, outcome == Outcome.NOT_EVALUATED ? ErrorReason.ACCESS_DENIED : null,
                outcome == Outcome.NOT_EVALUATED ? "s3:GetBucketEncryption" : null, resource, "restricted",
                check + " " + outcome, Map.of("seen", outcome.name()));
    }

    private static long run(HistoryStore store, List<Finding> findings) {
        long id = store.startRun(new RunStart("SCAN", Instant.parse("2026-11-27T02:00:00Z"), "test", "p", "o-1", 1));
        store.recordAccount(id, new AccountResult(ACCOUNT, "COMPLETE", List.of("eu-west-1"), 0, null), findings, Score.of(findings));
        Score score = Score.of(findings);
        store.finishRun(id, RunStatus.COMPLETE, Instant.parse("2026-11-27T02:05:00Z"),
                new RunTotals(1, 0, 2, 0, score.score(), score.coverage(), null));
        return id;
    }

    private void onBoth(Consumer<HistoryStore> test) {
        try (HistoryStore h2 = HistoryStore.open(Databases.h2(dir))) {
            test.accept(h2);
        }
        String pg = Databases.freshPostgresSchema();
        try (HistoryStore postgres = HistoryStore.open(pg)) {
            test.accept(postgres);
        } finally {
            Databases.dropPostgresSchema(pg);
        }
    }

    @Test
    void storesARunAndReadsItsFindingsBack() {
        onBoth(store -> {
            long id = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(KEY, "kms-rotation", Outcome.PASS)));

            ScanRun stored = store.run(id).orElseThrow();
            assertThat(stored.status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(stored.score()).isEqualTo(50.0);
            assertThat(store.findings(id)).extracting(StoredFinding::checkId, StoredFinding::outcome, StoredFinding::resourceArn)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("kms-rotation", "PASS", KEY.arn()),
                            org.assertj.core.groups.Tuple.tuple("s3-versioning", "FAIL", BUCKET.arn()));
            assertThat(store.findings(id).get(1).evidence()).containsEntry("seen", "FAIL");
            assertThat(store.outcomeCounts(id)).singleElement().satisfies(c -> {
                assertThat(c.failed()).isEqualTo(1);
                assertThat(c.passed()).isEqualTo(1);
            });
        });
    }

    @Test
    void anUnchangedFindingExtendsItsIntervalAndAChangeOpensANewOne() {
        onBoth(store -> {
            long first = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));
            long second = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));
            long third = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.PASS)));

            StoredFinding inSecond = store.findings(second).get(0);
            assertThat(inSecond.firstRunId()).isEqualTo(first);
            assertThat(inSecond.outcome()).isEqualTo("FAIL");
            StoredFinding inThird = store.findings(third).get(0);
            assertThat(inThird.firstRunId()).isEqualTo(third);
            assertThat(inThird.outcome()).isEqualTo("PASS");
            // The first run still reads as it was.
            assertThat(store.findings(first)).singleElement().satisfies(f -> {
                assertThat(f.outcome()).isEqualTo("FAIL");
                assertThat(f.lastRunId()).isEqualTo(second);
            });
        });
    }

    @Test
    void aFindingThatDisappearsAndReturnsStartsANewInterval() {
        onBoth(store -> {
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));
            long gap = run(store, List.of(finding(KEY, "kms-rotation", Outcome.PASS)));
            long back = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));

            assertThat(store.findings(gap)).extracting(StoredFinding::checkId).containsExactly("kms-rotation");
            assertThat(store.findings(back)).singleElement().satisfies(f -> assertThat(f.firstRunId()).isEqualTo(back));
        });
    }

    @Test
    void notEvaluatedKeepsItsReasonAndOperation() {
        onBoth(store -> {
            long id = run(store, List.of(finding(BUCKET, "s3-default-encryption", Outcome.NOT_EVALUATED)));
            StoredFinding f = store.findings(id).get(0);
            assertThat(f.outcome()).isEqualTo("NOT_EVALUATED");
            assertThat(f.reason()).isEqualTo("ACCESS_DENIED");
            assertThat(f.failedOperation()).isEqualTo("s3:GetBucketEncryption");
            assertThat(store.run(id).orElseThrow().coverage()).isEqualTo(0.0);
        });
    }

    @Test
    void reopeningKeepsHistoryAndMigrationIsIdempotent() {
        String url = Databases.h2(dir);
        long id;
        try (HistoryStore store = HistoryStore.open(url)) {
            id = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));
        }
        try (HistoryStore store = HistoryStore.open(url)) {
            assertThat(store.findings(id)).hasSize(1);
            assertThat(store.recentRuns(10)).extracting(ScanRun::id).containsExactly(id);
        }
    }

    @Test
    void aFailingAccountWriteLeavesNothingOfThatAccount() {
        try (HistoryStore store = HistoryStore.open(Databases.h2(dir))) {
            long id = store.startRun(new RunStart("SCAN", Instant.now(), "test", "p", null, 1));
            List<Finding> findings = new ArrayList<>(List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));
            // A check id longer than the column allows makes the insert fail half-way through the account.
            findings.add(finding(KEY, "x".repeat(200), Outcome.PASS));
            assertThatThrownBy(() -> store.recordAccount(id,
                    new AccountResult(ACCOUNT, "COMPLETE", List.of(), 0, null), findings, Score.of(findings)))
                    .isInstanceOf(HistoryException.class);
            assertThat(store.accountsStored(id)).isZero();
            assertThat(store.findings(id)).isEmpty();
        }
    }

    @Test
    void badUrlsGiveOneClearLine() {
        assertThatThrownBy(() -> HistoryStore.open("jdbc:mysql://x/y"))
                .isInstanceOf(HistoryException.class).hasMessageContaining("unsupported database URL");
        assertThatThrownBy(() -> HistoryStore.open("jdbc:postgresql://127.0.0.1:1/none?password=hunter2&user=x"))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("cannot connect")
                .hasMessageNotContaining("hunter2");
    }
}
