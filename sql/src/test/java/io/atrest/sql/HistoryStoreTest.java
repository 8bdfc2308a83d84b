package io.atrest.sql;

import io.atrest.scanner.org.AccountScanStatus;
import io.atrest.sql.errors.ErrorGroup;
import io.atrest.sql.errors.StoredError;
import io.atrest.sql.cluster.AccountWork;
import io.atrest.sql.cluster.CollectedPart;
import io.atrest.sql.cluster.ClusterRuns;
import io.atrest.sql.ingest.AccountResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.ResourceRef;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Score;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.policy.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's behaviour, the same on H2 and on PostgreSQL. */
class HistoryStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-01T02:00:00Z");
    private static final Account ACCOUNT = new Account("123456789012", "prod", "p@example.com", "ACTIVE",
            List.of("Prod"), Map.of("DataClassification", "restricted"));
    private static final ResourceRef BUCKET = new ResourceRef(ResourceType.AwsS3Bucket, "arn:aws:s3:::ledger", "ledger",
            "123456789012", "eu-west-1");
    private static final ResourceRef KEY = new ResourceRef(ResourceType.AwsKmsKey,
            "arn:aws:kms:eu-west-1:123456789012:key/k", "alias/k", "123456789012", "eu-west-1");

    @TempDir
    Path dir;
    private int night;

    private static Finding finding(ResourceRef resource, String check, Outcome outcome) {
        return new Finding(check, Severity.HIGH, outcome, outcome == Outcome.NOT_EVALUATED ? ErrorReason.ACCESS_DENIED : null,
                outcome == Outcome.NOT_EVALUATED ? "s3:GetBucketEncryption" : null, resource, "restricted",
                check + " " + outcome, Map.of("seen", outcome.name()));
    }

    /** One nightly run storing {@code findings} for the account; nights are a day apart. */
    private long run(HistoryStore store, List<Finding> findings) {
        return run(store, findings, Set.of());
    }

    private long run(HistoryStore store, List<Finding> findings, Set<String> gaps) {
        Instant started = T0.plus(Duration.ofDays(night++));
        long id = store.runLog().startRun(new RunStart("SCAN", started, "test", "p", "o-1", 1));
        Score score = Score.of(findings);
        store.ingest().recordAccount(id, new AccountResult(ACCOUNT, AccountScanStatus.COMPLETE, List.of("eu-west-1"), 0, null, gaps), findings, score);
        store.runLog().finishRun(id, RunStatus.COMPLETE, started.plusSeconds(300),
                new RunTotals(1, 0, 2, 0, score.score(), score.coverage(), null));
        return id;
    }

    private void onBoth(Consumer<HistoryStore> test) throws Exception {
        onBothUrls(dir, url -> {
            try (HistoryStore store = HistoryStore.open(url)) {
                test.accept(store);
            }
        });
    }

    /** A test that needs the database's URL (to reopen it, or to reach its tables directly). */
    private interface UrlTest {
        void run(String url) throws Exception;
    }

    /** Runs {@code test} on an H2 file in {@code h2Folder}, then on a fresh PostgreSQL schema, each from night 0. */
    private void onBothUrls(Path h2Folder, UrlTest test) throws Exception {
        String pg = Databases.freshPostgresSchema();
        try {
            for (String url : List.of(Databases.h2(h2Folder), pg)) {
                night = 0;
                test.run(url);
            }
        } finally {
            Databases.dropPostgresSchema(pg);
        }
    }

    /** #16.2: a fix counts with the severity and classification the finding failed with, in every read. */
    @Test
    void failingChecksComeInRiskOrderSeverityFirstThenCount() throws Exception {
        onBoth(store -> {
            Finding low = new Finding("s3-versioning", Severity.LOW, Outcome.FAIL, null, null, BUCKET, "internal", "off", Map.of());
            Finding critical = new Finding("s3-not-public", Severity.CRITICAL, Outcome.FAIL, null, null, BUCKET, "internal", "public", Map.of());
            Finding medium = new Finding("s3-key-tier", Severity.MEDIUM, Outcome.FAIL, null, null, BUCKET, "internal", "none", Map.of());
            long run = run(store, List.of(low, critical, medium));
            // Alphabetical or by count alone, the LOW check would come before the CRITICAL one.
            assertThat(store.queries().topFailingChecks(run, 10)).extracting(CheckFailures::checkId)
                    .containsExactly("s3-not-public", "s3-key-tier", "s3-versioning");
            assertThat(store.queries().topFailingChecks(run, 1)).extracting(CheckFailures::checkId).containsExactly("s3-not-public");
        });
    }

    @Test
    void aFixKeepsTheSeverityItFailedWith() throws Exception {
        onBoth(store -> {
            Finding failing = new Finding("s3-key-tier", Severity.MEDIUM, Outcome.FAIL, null, null, BUCKET, "internal",
                    "key tier NONE is below PROVIDER_OWNED", Map.of());
            Finding critical = new Finding("s3-not-public", Severity.CRITICAL, Outcome.FAIL, null, null, BUCKET, "internal", "public", Map.of());
            Finding low = new Finding("s3-versioning", Severity.LOW, Outcome.FAIL, null, null, BUCKET, "internal", "off", Map.of());
            long first = run(store, List.of(failing, critical, low));
            assertThat(store.queries().topFailingChecks(first, 10)).extracting(CheckFailures::checkId, CheckFailures::severity)
                    .contains(org.assertj.core.groups.Tuple.tuple("s3-key-tier", "MEDIUM"), org.assertj.core.groups.Tuple.tuple("s3-not-public", "CRITICAL"));
            // Fixed, and reported (as an older build did) with the check's catalog severity on its PASS.
            run(store, List.of(new Finding("s3-key-tier", Severity.HIGH, Outcome.PASS, null, null, BUCKET, "internal", "ok", Map.of()),
                    critical, low));
            assertThat(store.queries().resolvedSince(T0)).singleElement().satisfies(r -> {
                assertThat(r.checkId()).isEqualTo("s3-key-tier");
                assertThat(r.severity()).isEqualTo("MEDIUM");
            });
            assertThat(store.queries().remediationTimes(T0)).singleElement().satisfies(r -> assertThat(r.severity()).isEqualTo("MEDIUM"));
        });
    }

    /** A clustered run's parts: the walk stored once, each account's part kept once, all gone when the run ends. */
    @Test
    void aClusteredRunKeepsItsPartsUntilItCloses() throws Exception {
        onBoth(store -> {
            ClusterRuns runs = store.clusterRuns();
            Instant now = Instant.parse("2026-12-04T02:00:00Z");
            byte[] walk = {1, 2, 3};
            long id = runs.start(new RunStart(ClusterRuns.TRIGGER, now, "test", "p", "o-1", 2), "o-1",
                    List.of("111111111111", "222222222222"), now, walk);
            assertThat(runs.organizationPart(id)).hasValueSatisfying(p -> assertThat(p).containsExactly(1, 2, 3));
            assertThat(runs.claim(id, "111111111111", "node-a", now)).isEqualTo(ClusterRuns.Claim.CLAIMED);
            CollectedPart part = new CollectedPart("111111111111", "PARTIAL", List.of("eu-west-1", "us-east-1"), 2, "2 call(s) failed",
                    new byte[] {9, 8});
            assertThat(runs.collected(id, "node-b", part, now)).as("not this node's work").isFalse();
            assertThat(runs.collected(id, "node-a", part, now)).isTrue();
            assertThat(runs.claim(id, "111111111111", "node-b", now)).as("collected already").isEqualTo(ClusterRuns.Claim.ALREADY_STORED);
            assertThat(runs.claim(id, "222222222222", "node-b", now)).isEqualTo(ClusterRuns.Claim.CLAIMED);
            assertThat(runs.closeIfDone(id, Weights.defaults(), now, (r, o, c, s, p) -> { })).as("work left").isEmpty();
            assertThat(runs.collected(id, "node-b", new CollectedPart("222222222222", "FAILED", List.of(), 1, "AssumeRole denied",
                    new byte[] {7}), now)).isTrue();
            List<CollectedPart> seen = new java.util.ArrayList<>();
            List<String> collectedSeen = new java.util.ArrayList<>();
            assertThat(runs.closeIfDone(id, Weights.defaults(), now, (run, organization, collected, stored, read) -> {
                assertThat(organization).containsExactly(1, 2, 3);
                assertThat(stored).isEmpty();
                collectedSeen.addAll(collected);
                collected.forEach(a -> seen.add(read.apply(a)));
            })).hasValue(RunStatus.FAILED); // nothing was stored by this evaluation
            assertThat(collectedSeen).containsExactly("111111111111", "222222222222");
            assertThat(seen.get(0).regions()).containsExactly("eu-west-1", "us-east-1");
            assertThat(seen.get(0).status()).isEqualTo("PARTIAL");
            assertThat(seen.get(1).message()).isEqualTo("AssumeRole denied");
            assertThat(runs.work(id)).extracting(AccountWork::status).containsExactly("DONE", "FAILED");
            assertThat(runs.organizationPart(id)).as("parts deleted with the run's close").isEmpty();

            long abandoned = runs.start(new RunStart(ClusterRuns.TRIGGER, now, "test", "p", "o-1", 1), "o-1",
                    List.of("111111111111"), now, walk);
            assertThat(runs.abandon(abandoned, "nodes gone", now)).isTrue();
            assertThat(runs.organizationPart(abandoned)).isEmpty();
        });
    }

    @Test
    void storesARunAndReadsItsFindingsBack() throws Exception {
        onBoth(store -> {
            long id = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(KEY, "kms-rotation", Outcome.PASS)));

            ScanRun stored = store.runLog().run(id).orElseThrow();
            assertThat(stored.status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(stored.score()).isEqualTo(50.0);
            assertThat(store.queries().findings(id)).extracting(StoredFinding::checkId, StoredFinding::outcome, StoredFinding::resourceArn)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("kms-rotation", "PASS", KEY.arn()),
                            org.assertj.core.groups.Tuple.tuple("s3-versioning", "FAIL", BUCKET.arn()));
            StoredFinding failing = store.queries().findings(id).get(1);
            assertThat(failing.evidence()).containsEntry("seen", "FAIL");
            assertThat(failing.failingSince()).isEqualTo(T0);
            assertThat(store.queries().outcomeCounts(id)).singleElement().satisfies(c -> {
                assertThat(c.failed()).isEqualTo(1);
                assertThat(c.passed()).isEqualTo(1);
            });
        });
    }

    @Test
    void anUnchangedFindingWritesNothingAndAChangeOpensANewInterval() throws Exception {
        onBoth(store -> {
            long first = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));
            long states = store.queries().findingStates();
            long second = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));
            assertThat(store.queries().findingStates()).as("an unchanged finding adds no row").isEqualTo(states);
            long third = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.PASS)));

            StoredFinding inSecond = store.queries().findings(second).get(0);
            assertThat(inSecond.firstRunId()).isEqualTo(first);
            assertThat(inSecond.outcome()).isEqualTo("FAIL");
            StoredFinding inThird = store.queries().findings(third).get(0);
            assertThat(inThird.firstRunId()).isEqualTo(third);
            assertThat(inThird.lastRunId()).isNull();
            assertThat(store.queries().findings(first)).singleElement().satisfies(f -> {
                assertThat(f.outcome()).isEqualTo("FAIL");
                assertThat(f.lastRunId()).isEqualTo(second);
            });
        });
    }

    @Test
    void resourceAttributesAreIntervalsToo() throws Exception {
        onBoth(store -> {
            Map<String, Map<String, String>> before = Map.of(BUCKET.arn(), Map.of("keyTier", "KMS_AWS_MANAGED"));
            Map<String, Map<String, String>> after = Map.of(BUCKET.arn(), Map.of("keyTier", "KMS_CUSTOMER_MANAGED"));
            List<Finding> findings = List.of(finding(BUCKET, "s3-key-tier", Outcome.FAIL));
            long r1 = runWith(store, findings, before);
            runWith(store, findings, before);
            long r3 = runWith(store, findings, after);
            List<AttributeInterval> history = store.queries().attributeHistory(BUCKET.arn());
            assertThat(history).hasSize(2);
            assertThat(history.get(0).attributes()).containsEntry("keyTier", "KMS_AWS_MANAGED");
            assertThat(history.get(0).firstRunId()).isEqualTo(r1);
            assertThat(history.get(0).lastRunId()).isEqualTo(r3 - 1);
            assertThat(history.get(1).attributes()).containsEntry("keyTier", "KMS_CUSTOMER_MANAGED");
            assertThat(history.get(1).lastRunId()).isNull();
        });
    }

    private long runWith(HistoryStore store, List<Finding> findings, Map<String, Map<String, String>> attributes) {
        Instant started = T0.plus(Duration.ofDays(night++));
        long id = store.runLog().startRun(new RunStart("SCAN", started, "test", "p", "o-1", 1));
        store.ingest().recordAccount(id, new AccountResult(ACCOUNT, AccountScanStatus.COMPLETE, List.of("eu-west-1"), 0, null, Set.of(), attributes),
                findings, Score.of(findings));
        store.runLog().finishRun(id, RunStatus.COMPLETE, started.plusSeconds(60), new RunTotals(1, 0, 1, 0, null, null, null));
        return id;
    }

    @Test
    void aFindingThatDisappearsAndReturnsStartsANewInterval() throws Exception {
        onBoth(store -> {
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));
            long gap = run(store, List.of(finding(KEY, "kms-rotation", Outcome.PASS)));
            long back = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));

            assertThat(store.queries().findings(gap)).extracting(StoredFinding::checkId).containsExactly("kms-rotation");
            assertThat(store.queries().findings(back)).singleElement().satisfies(f -> assertThat(f.firstRunId()).isEqualTo(back));
        });
    }

    @Test
    void aResourceInAListingGapIsNeitherDeletedNorFixed() throws Exception {
        onBoth(store -> {
            long first = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));
            long blind = run(store, List.of(), Set.of("AwsS3Bucket@*"));
            assertThat(store.queries().findings(blind)).singleElement().satisfies(f -> {
                assertThat(f.outcome()).isEqualTo("FAIL");
                assertThat(f.firstRunId()).isEqualTo(first);
            });
            assertThat(store.queries().diff(first, blind)).isEmpty();
            assertThat(store.queries().remediationTimes(T0)).isEmpty();
        });
    }

    @Test
    void diffTellsNewResolvedAndRegressedApart() throws Exception {
        onBoth(store -> {
            long r1 = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(KEY, "kms-rotation", Outcome.PASS)));
            long r2 = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.PASS), finding(KEY, "kms-rotation", Outcome.FAIL)));
            long r3 = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(KEY, "kms-rotation", Outcome.FAIL)));

            assertThat(store.queries().diff(r1, r2)).extracting(FindingChange::kind, FindingChange::checkId).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(FindingChange.Kind.RESOLVED, "s3-versioning"),
                    org.assertj.core.groups.Tuple.tuple(FindingChange.Kind.NEW, "kms-rotation"));
            assertThat(store.queries().diff(r2, r3)).extracting(FindingChange::kind, FindingChange::checkId).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(FindingChange.Kind.REGRESSED, "s3-versioning"));
            assertThat(store.queries().diff(r1, r3)).extracting(FindingChange::kind).containsExactly(FindingChange.Kind.NEW);
            assertThatThrownBy(() -> store.queries().diff(r3, r1)).isInstanceOf(IllegalArgumentException.class);
        });
    }

    @Test
    void anAcceptedFailureKeepsFailingNoFixIsCountedAndTheDiffSaysAccepted() throws Exception {
        onBoth(store -> {
            long r1 = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));
            long r2 = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.SUPPRESSED)));
            assertThat(store.queries().diff(r1, r2)).extracting(FindingChange::kind).containsExactly(FindingChange.Kind.ACCEPTED);
            assertThat(store.queries().remediationTimes(T0)).as("an exemption is no fix").isEmpty();
            assertThat(store.queries().failingFindings(r2)).as("accepted risks are not open failures").isEmpty();
            assertThat(store.queries().acceptedFindings(r2)).singleElement()
                    .satisfies(f -> assertThat(f.failingSince()).as("the failure goes on").isEqualTo(T0));
            assertThat(store.queries().acceptedFindings(r2, ACCOUNT.id())).extracting(StoredFinding::resourceArn)
                    .as("the account's own accepted risks").containsExactly(BUCKET.arn());
            assertThat(store.queries().acceptedFindings(r2, "210987654321")).as("another account's").isEmpty();
            assertThat(store.queries().failingFindings(r2, ACCOUNT.id())).isEmpty();
            long r3 = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL))); // the exemption expired
            assertThat(store.queries().diff(r2, r3)).extracting(FindingChange::kind).containsExactly(FindingChange.Kind.REGRESSED);
            assertThat(store.queries().findings(r3).get(0).failingSince()).isEqualTo(T0);
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.PASS)));
            assertThat(store.queries().remediationTimes(T0)).singleElement().satisfies(t -> assertThat(t.remediated()).isEqualTo(1));
        });
    }

    @Test
    void failingSinceSurvivesEvidenceChangesAndNotEvaluatedAndFeedsTimeToRemediate() throws Exception {
        onBoth(store -> {
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));
            Finding changedEvidence = new Finding("s3-versioning", Severity.HIGH, Outcome.FAIL, null, null, BUCKET, "restricted",
                    "still failing", Map.of("seen", "SUSPENDED"));
            run(store, List.of(changedEvidence));
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.NOT_EVALUATED)));
            long stillFailing = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));
            assertThat(store.queries().findings(stillFailing).get(0).failingSince()).isEqualTo(T0);
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.PASS)));

            assertThat(store.queries().remediationTimes(T0)).singleElement().satisfies(t -> {
                assertThat(t.severity()).isEqualTo("HIGH");
                assertThat(t.remediated()).isEqualTo(1);
                assertThat(t.meanDays()).isCloseTo(4.0, within(1e-6));
            });
            assertThat(store.queries().resolvedSince(T0)).singleElement().satisfies(r -> assertThat(r.resourceArn()).isEqualTo(BUCKET.arn()));
        });
    }

    @Test
    void aFailureFixedAfterANightThatCouldNotTellIsRemediatedFromWhenItBeganFailing() throws Exception {
        onBoth(store -> {
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.NOT_EVALUATED)));
            assertThat(store.queries().remediationTimes(T0)).as("not knowing is not a fix").isEmpty();
            long fixed = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.PASS)));

            assertThat(store.queries().remediationTimes(T0)).singleElement().satisfies(t -> assertThat(t.meanDays()).isCloseTo(2.0, within(1e-6)));
            assertThat(store.queries().resolvedSince(T0)).singleElement().satisfies(r -> assertThat(r.resolvedRunId()).isEqualTo(fixed));
        });
    }

    @Test
    void failingFindingsOfATypeReadFromOpenStatesForTheNewestRunAgreeWithTheIntervals() throws Exception {
        onBoth(store -> {
            ResourceRef other = new ResourceRef(ResourceType.AwsKmsKey, "arn:aws:kms:eu-west-1:123456789012:key/o", "alias/o",
                    "123456789012", "eu-west-1");
            List<String> checks = List.of("kms-pending-deletion-in-use", "kms-disabled-in-use");
            run(store, List.of(finding(KEY, "kms-pending-deletion-in-use", Outcome.FAIL), finding(other, "kms-disabled-in-use", Outcome.PASS),
                    finding(BUCKET, "kms-pending-deletion-in-use", Outcome.FAIL)));
            long r2 = run(store, List.of(finding(KEY, "kms-pending-deletion-in-use", Outcome.FAIL), finding(other, "kms-disabled-in-use", Outcome.FAIL),
                    finding(KEY, "kms-rotation", Outcome.FAIL)));
            List<StoredFinding> newest = store.queries().failingFindings(r2, "AwsKmsKey", checks);

            assertThat(newest).extracting(StoredFinding::resourceArn, StoredFinding::checkId, StoredFinding::firstRunId).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(KEY.arn(), "kms-pending-deletion-in-use", r2 - 1),
                    org.assertj.core.groups.Tuple.tuple(other.arn(), "kms-disabled-in-use", r2));
            run(store, List.of(finding(KEY, "kms-pending-deletion-in-use", Outcome.PASS), finding(other, "kms-disabled-in-use", Outcome.PASS)));
            assertThat(store.queries().failingFindings(r2, "AwsKmsKey", checks)).as("read from the intervals once a newer run exists")
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("lastRunId") // the states have closed since
                    .containsExactlyElementsOf(newest);
        });
    }

    @Test
    void failingFindingsOfTheNewestRunReadFromOpenStatesAgreeWithTheIntervals() throws Exception {
        onBoth(store -> {
            ResourceRef logs = new ResourceRef(ResourceType.AwsS3Bucket, "arn:aws:s3:::logs", "logs", "123456789012", "eu-west-1");
            run(store, List.of(finding(KEY, "kms-rotation", Outcome.FAIL), finding(BUCKET, "s3-versioning", Outcome.FAIL),
                    finding(logs, "s3-versioning", Outcome.PASS)));
            long r2 = run(store, List.of(finding(KEY, "kms-rotation", Outcome.FAIL), finding(BUCKET, "s3-versioning", Outcome.PASS),
                    finding(logs, "s3-versioning", Outcome.FAIL), finding(logs, "s3-default-encryption", Outcome.NOT_EVALUATED)));
            List<StoredFinding> newest = store.queries().failingFindings(r2);

            assertThat(newest).extracting(StoredFinding::resourceArn, StoredFinding::checkId, StoredFinding::firstRunId).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(KEY.arn(), "kms-rotation", r2 - 1),
                    org.assertj.core.groups.Tuple.tuple(logs.arn(), "s3-versioning", r2));
            run(store, List.of(finding(KEY, "kms-rotation", Outcome.PASS), finding(logs, "s3-versioning", Outcome.PASS)));
            assertThat(store.queries().failingFindings(r2)).as("read from the intervals once a newer run exists")
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("lastRunId") // the states have closed since
                    .containsExactlyElementsOf(newest);
        });
    }

    @Test
    void eachRunCountsTheFailingStreaksItBeganAndWhyFindingsWentUnevaluated() throws Exception {
        onBoth(store -> {
            ResourceRef logs = new ResourceRef(ResourceType.AwsS3Bucket, "arn:aws:s3:::logs", "logs", "123456789012", "eu-west-1");
            long r1 = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(KEY, "kms-rotation", Outcome.NOT_EVALUATED),
                    finding(logs, "s3-versioning", Outcome.FAIL)));
            // still failing, unknown (the streak goes on), and the key now evaluated and failing: one new streak
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.NOT_EVALUATED), finding(KEY, "kms-rotation", Outcome.FAIL),
                    finding(logs, "s3-versioning", Outcome.FAIL)));
            // the bucket fails again within its streak; logs is deleted while failing (fixed by deletion)
            long r3 = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(KEY, "kms-rotation", Outcome.PASS)));
            // the key regresses: a new streak
            long r4 = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(KEY, "kms-rotation", Outcome.FAIL)));

            assertThat(store.queries().newFailuresByDay(T0)).extracting(DailyCount::onDay, DailyCount::events).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(java.time.LocalDate.parse("2026-01-01"), 2L),
                    org.assertj.core.groups.Tuple.tuple(java.time.LocalDate.parse("2026-01-02"), 1L),
                    org.assertj.core.groups.Tuple.tuple(java.time.LocalDate.parse("2026-01-04"), 1L));
            assertThat(store.queries().newFailuresByDay(T0.plusSeconds(1))).extracting(DailyCount::events).containsExactly(1L, 1L);
            assertThat(store.queries().notEvaluatedReasons(r1)).singleElement().satisfies(g -> {
                assertThat(g.checkId()).isEqualTo("kms-rotation");
                assertThat(g.reason()).isEqualTo("ACCESS_DENIED");
                assertThat(g.failedOperation()).isEqualTo("s3:GetBucketEncryption");
                assertThat(g.findings()).isEqualTo(1);
            });
            assertThat(store.queries().notEvaluatedReasons(r3)).isEmpty();
            assertThat(store.queries().resolvedSince(T0)).extracting(ResolvedFinding::resourceArn, ResolvedFinding::severity,
                    ResolvedFinding::classification).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(logs.arn(), "HIGH", "restricted"),
                    org.assertj.core.groups.Tuple.tuple(KEY.arn(), "HIGH", "restricted"));
            assertThat(store.queries().findings(r4)).extracting(StoredFinding::checkId, StoredFinding::failingSince).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("kms-rotation", T0.plus(Duration.ofDays(3))),
                    org.assertj.core.groups.Tuple.tuple("s3-versioning", T0));
        });
    }

    /**
     * A database written before V5 gets the same open states, per-run counts and trend totals
     * from V5's and V6's backfills as ingest and run closing write: the history is written, taken
     * back to V4 (the newer tables dropped, their rows removed from Flyway's history), and
     * migrated again.
     */
    @Test
    void theBackfillsRebuildWhatIngestAndClosingWrite() throws Exception {
        onBothUrls(dir, url -> {
        ResourceRef logs = new ResourceRef(ResourceType.AwsS3Bucket, "arn:aws:s3:::logs", "logs", "123456789012", "eu-west-1");
        try (HistoryStore store = HistoryStore.open(url)) {
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(KEY, "kms-rotation", Outcome.NOT_EVALUATED),
                    finding(logs, "s3-versioning", Outcome.FAIL), finding(logs, "s3-encryption", Outcome.PASS)));
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.NOT_EVALUATED), finding(KEY, "kms-rotation", Outcome.FAIL),
                    finding(logs, "s3-versioning", Outcome.FAIL), finding(logs, "s3-encryption", Outcome.PASS)));
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(KEY, "kms-rotation", Outcome.PASS)));
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(KEY, "kms-rotation", Outcome.FAIL)));
        }
        Map<String, Set<String>> written = v5Rows(url);
        assertThat(written.get("open")).hasSize(2);
        assertThat(written.get("totals")).hasSize(4); // one severity and classification, four runs
        assertThat(written.get("ouTotals")).hasSize(4);
        assertThat(written.get("checkTotals")).hasSize(10); // three checks in the first two runs, two after
        assertThat(written.get("remediated")).hasSize(1); // run 3: the key fixed, logs deleted while failing
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
            st.execute("DROP TABLE resource_open_states");
            st.execute("DROP TABLE run_not_evaluated");
            st.execute("DROP TABLE run_new_failures");
            st.execute("DROP TABLE run_total");
            st.execute("DROP TABLE run_ou_total");
            st.execute("DROP TABLE run_check_total");
            st.execute("DROP TABLE run_remediated");
            st.execute("ALTER TABLE resource DROP COLUMN quick_digest");
            st.execute("CREATE INDEX finding_failing_since ON finding (failing_since)");
            st.execute("DROP TABLE collection_error");
            st.execute("DROP TABLE run_part");
            st.execute("ALTER TABLE run_aggregate DROP COLUMN suppressed");
            st.execute("ALTER TABLE run_rollup DROP COLUMN suppressed");
            st.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('5', '6', '7', '8', '9', '10', '11')");
        }
        try (HistoryStore store = HistoryStore.open(url)) {
            assertThat(v5Rows(url)).isEqualTo(written);
            long fixed = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.PASS), finding(KEY, "kms-rotation", Outcome.FAIL)));
            assertThat(store.queries().remediationTimes(T0)).singleElement().satisfies(t -> assertThat(t.remediated()).isEqualTo(3));
            assertThat(store.queries().findings(fixed)).extracting(StoredFinding::checkId, StoredFinding::failingSince).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("kms-rotation", T0.plus(Duration.ofDays(3))),
                    org.assertj.core.groups.Tuple.tuple("s3-versioning", null));
        }
        });
    }

    /**
     * A history from before V8 has no quick digests: its first night compares each resource by
     * its state digest, writes no state that did not change, and fills the quick digests in; a
     * change after that is still seen.
     */
    @Test
    void aHistoryWithoutQuickDigestsGainsThemWithoutSpuriousStates() throws Exception {
        onBothUrls(dir, url -> {
        List<Finding> same = List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(KEY, "kms-rotation", Outcome.PASS));
        long states;
        try (HistoryStore store = HistoryStore.open(url)) {
            run(store, same);
            states = store.queries().findingStates();
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
            st.execute("UPDATE resource SET quick_digest = NULL");
        }
        try (HistoryStore store = HistoryStore.open(url)) {
            run(store, same);
            assertThat(store.queries().findingStates()).as("nothing changed, nothing written").isEqualTo(states);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM resource WHERE quick_digest IS NULL")) {
            rs.next();
            assertThat(rs.getLong(1)).as("quick digests filled in").isZero();
        }
        try (HistoryStore store = HistoryStore.open(url)) {
            run(store, same);
            assertThat(store.queries().findingStates()).isEqualTo(states);
            long fixed = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.PASS), finding(KEY, "kms-rotation", Outcome.PASS)));
            assertThat(store.queries().findingStates()).isEqualTo(states + 1);
            assertThat(store.queries().findings(fixed)).extracting(StoredFinding::checkId, StoredFinding::outcome)
                    .contains(org.assertj.core.groups.Tuple.tuple("s3-versioning", "PASS"));
        }
        });
    }

    /**
     * Open states written without the findings' quick digests (by V5, or by an older atrest):
     * when their resource changes, its unchanged findings are told apart by state hash, so only the
     * changed one gets a new state, and the rewritten row carries quick digests from then on.
     */
    @Test
    void openStatesWithoutQuickDigestsAreComparedByStateHashAndGainThem() throws Exception {
        onBothUrls(dir.resolve("legacy"), url -> {
        long states;
        try (HistoryStore store = HistoryStore.open(url)) {
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(BUCKET, "s3-encryption", Outcome.PASS)));
            states = store.queries().findingStates();
        }
        Map<Long, List<OpenState>> stored = openStates(url);
        assertThat(stored.values()).flatExtracting(s -> s).allSatisfy(o -> assertThat(o.quick()).isNotEqualTo(OpenState.NO_QUICK));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
             java.sql.PreparedStatement st = c.prepareStatement("UPDATE resource_open_states SET states = ? WHERE resource_id = ?")) {
            for (Map.Entry<Long, List<OpenState>> e : stored.entrySet()) {
                st.setString(1, OpenState.encode(e.getValue().stream().map(o -> o.withQuick(OpenState.NO_QUICK)).toList()));
                st.setLong(2, e.getKey());
                st.executeUpdate();
            }
        }
        assertThat(openStates(url).values()).flatExtracting(s -> s).allSatisfy(o -> assertThat(o.quick()).isEqualTo(OpenState.NO_QUICK));
        try (HistoryStore store = HistoryStore.open(url)) {
            long fixed = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.PASS), finding(BUCKET, "s3-encryption", Outcome.PASS)));
            assertThat(store.queries().findingStates()).as("only the changed finding gets a new state").isEqualTo(states + 1);
            assertThat(store.queries().findings(fixed)).extracting(StoredFinding::checkId, StoredFinding::firstRunId).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("s3-encryption", 1L), org.assertj.core.groups.Tuple.tuple("s3-versioning", fixed));
        }
        assertThat(openStates(url).values()).flatExtracting(s -> s).allSatisfy(o -> assertThat(o.quick()).isNotEqualTo(OpenState.NO_QUICK));
        });
    }

    private static Map<Long, List<OpenState>> openStates(String url) throws java.sql.SQLException {
        Map<Long, List<OpenState>> states = new java.util.TreeMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT resource_id, states FROM resource_open_states")) {
            while (rs.next()) {
                states.put(rs.getLong(1), OpenState.decode(rs.getLong(1), rs.getString(2)));
            }
        }
        return states;
    }

    /**
     * A session that wrote enough to leave the H2 file sparse after another session like it
     * compacts the file when it closes: the file then holds live data only, and the history
     * reads back as it was written.
     */
    @Test
    void aSessionThatGrewTheFileCompactsItOnClose() throws Exception {
        String url = Databases.h2(dir.resolve("compact"));
        night = 0;
        List<StoredFinding> written;
        try (HistoryStore store = HistoryStore.open(url)) {
            long last = 0;
            for (int n = 0; n < 12; n++) {
                List<Finding> findings = new ArrayList<>();
                for (int b = 0; b < 150; b++) {
                    // Every night a third of the buckets change outcome: the file fills with superseded pages.
                    Outcome outcome = (b + n) % 3 == 0 ? Outcome.FAIL : Outcome.PASS;
                    findings.add(bucket("bucket-" + b, Severity.HIGH, "restricted", outcome));
                }
                last = run(store, findings);
            }
            written = store.queries().findings(last);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
            assertThat(rs.next()).isTrue();
            assertThat(Integer.parseInt(rs.getString(1).trim())).as("percent of the file's chunks that is live").isGreaterThanOrEqualTo(95);
        }
        try (HistoryStore store = HistoryStore.open(url)) {
            assertThat(store.queries().findings(store.runLog().recentStoredRuns(1).get(0).id())).isEqualTo(written);
        }
    }

    /** Per-run counts keep a check's severities and classification levels apart, within one account. */
    @Test
    void eachRunCountsOutcomesPerCheckSeverityAndClassification() throws Exception {
        String url = Databases.h2(dir.resolve("counts"));
        night = 0;
        try (HistoryStore store = HistoryStore.open(url)) {
            run(store, List.of(
                    bucket("a", Severity.HIGH, "restricted", Outcome.FAIL), bucket("b", Severity.HIGH, "restricted", Outcome.PASS),
                    bucket("c", Severity.HIGH, "public", Outcome.FAIL), bucket("d", Severity.LOW, "restricted", Outcome.NOT_APPLICABLE),
                    bucket("e", Severity.HIGH, null, Outcome.NOT_EVALUATED), bucket("f", Severity.HIGH, "restricted", Outcome.SUPPRESSED)));
        }
        assertThat(lines(url, "SELECT check_id, severity, classification, passed, failed, not_applicable, not_evaluated, suppressed "
                + "FROM run_aggregate"))
                .containsExactlyInAnyOrder(
                        "s3-versioning HIGH restricted 1 1 0 0 1 ", "s3-versioning HIGH public 0 1 0 0 0 ",
                        "s3-versioning LOW restricted 0 0 1 0 0 ", "s3-versioning HIGH  0 0 0 1 0 ");
        try (HistoryStore store = HistoryStore.open(url)) {
            long run = store.runLog().recentStoredRuns(1).get(0).id();
            assertThat(store.queries().outcomeCounts(run)).filteredOn(c -> c.severity().equals("HIGH")).singleElement()
                    .satisfies(c -> assertThat(c.suppressed()).isEqualTo(1));
            assertThat(store.queries().acceptedFindings(run)).extracting(StoredFinding::resourceArn).containsExactly("arn:aws:s3:::f");
        }
    }

    private static Finding bucket(String name, Severity severity, String classification, Outcome outcome) {
        ResourceRef ref = new ResourceRef(ResourceType.AwsS3Bucket, "arn:aws:s3:::" + name, name, "123456789012", "eu-west-1");
        return new Finding("s3-versioning", severity, outcome, outcome == Outcome.NOT_EVALUATED ? ErrorReason.ACCESS_DENIED : null,
                null, ref, classification, "s3-versioning " + outcome, Map.of());
    }

    private static Set<String> lines(String url, String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
            return lines(st, sql);
        }
    }

    /** V5's three tables as comparable text: open states decoded (their order is not part of the format). */
    private static Map<String, Set<String>> v5Rows(String url) throws java.sql.SQLException {
        Map<String, Set<String>> rows = new java.util.TreeMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
            Set<String> open = new java.util.TreeSet<>();
            try (java.sql.ResultSet rs = st.executeQuery("SELECT resource_id, states FROM resource_open_states")) {
                while (rs.next()) {
                    // V5 writes no quick digests (ingest compares such states by state hash), so they are left out here.
                    OpenState.decode(rs.getLong(1), rs.getString(2)).forEach(o -> open.add(o.withQuick(OpenState.NO_QUICK).toString()));
                }
            }
            rows.put("open", open);
            rows.put("notEvaluated", lines(st, "SELECT run_id, account_id, check_id, reason, failed_operation, findings FROM run_not_evaluated"));
            rows.put("newFailures", lines(st, "SELECT run_id, account_id, findings FROM run_new_failures"));
            rows.put("totals", lines(st, "SELECT * FROM run_total"));
            rows.put("ouTotals", lines(st, "SELECT * FROM run_ou_total"));
            rows.put("checkTotals", lines(st, "SELECT * FROM run_check_total"));
            rows.put("remediated", lines(st, "SELECT * FROM run_remediated"));
        }
        return rows;
    }

    private static Set<String> lines(java.sql.Statement st, String sql) throws java.sql.SQLException {
        Set<String> lines = new java.util.TreeSet<>();
        try (java.sql.ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    line.append(rs.getString(i)).append(' ');
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    @Test
    void trendsPerScopeTopChecksAndKeysAtRisk() throws Exception {
        onBoth(store -> {
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(KEY, "kms-pending-deletion-in-use", Outcome.FAIL)));
            long r2 = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.PASS), finding(KEY, "kms-pending-deletion-in-use", Outcome.FAIL)));

            List<TrendPoint> org = store.queries().trend(TrendScope.organization(), T0, Weights.defaults());
            assertThat(org).extracting(TrendPoint::score).containsExactly(0.0, 50.0);
            assertThat(store.queries().trend(TrendScope.account("123456789012"), T0, Weights.defaults())).hasSize(2);
            assertThat(store.queries().trend(TrendScope.account("999999999999"), T0, Weights.defaults())).isEmpty();
            assertThat(store.queries().trend(TrendScope.ou("Root"), T0, Weights.defaults())).hasSize(2);
            assertThat(store.queries().trend(TrendScope.ou("Root/Prod"), T0, Weights.defaults())).hasSize(2);
            assertThat(store.queries().trend(TrendScope.ou("Root/Pro"), T0, Weights.defaults())).isEmpty();
            assertThat(store.queries().trend(TrendScope.classification("restricted"), T0, Weights.defaults())).isEqualTo(org);
            assertThat(store.queries().trend(TrendScope.classification("public"), T0, Weights.defaults())).isEmpty();
            assertThat(store.queries().trend(new TrendScope("123456789012", "Root/Prod", "restricted"), T0, Weights.defaults())).isEqualTo(org);
            assertThat(store.queries().trend(new TrendScope("123456789012", null, "public"), T0, Weights.defaults())).isEmpty();
            assertThat(store.queries().topFailingChecks(r2, 5)).extracting(CheckFailures::checkId).containsExactly("kms-pending-deletion-in-use");
            assertThat(store.queries().keysAtRisk(T0)).extracting(KeysAtRisk::pendingDeletionInUse).containsExactly(1L, 1L);
            // A score that is no round number survives the per-run totals: the trend agrees with the run's own score.
            ResourceRef logs = new ResourceRef(ResourceType.AwsS3Bucket, "arn:aws:s3:::logs", "logs", "123456789012", "eu-west-1");
            long r3 = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.PASS), finding(KEY, "kms-pending-deletion-in-use", Outcome.FAIL),
                    finding(logs, "s3-versioning", Outcome.FAIL)));
            for (TrendScope scope : List.of(TrendScope.organization(), TrendScope.account("123456789012"), TrendScope.ou("Root/Prod"),
                    TrendScope.classification("restricted"))) {
                TrendPoint last = store.queries().trend(scope, T0, Weights.defaults()).get(2);
                assertThat(last.runId()).isEqualTo(r3);
                assertThat(last.score()).as(scope.toString()).isCloseTo(store.runLog().run(r3).orElseThrow().score(), within(1e-9))
                        .isCloseTo(100.0 / 3, within(1e-9));
                assertThat(last.coverage()).isCloseTo(1.0, within(1e-9));
            }
        });
    }

    @Test
    void aRunWhoseProcessDiedIsAbandonedByTheNextOpenAndLeftOutOfTrends() {
        String url = Databases.h2(dir);
        long dead;
        try (HistoryStore store = HistoryStore.open(url)) {
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));
            dead = store.runLog().startRun(new RunStart("SCAN", T0.plus(Duration.ofDays(5)), "test", "p", null, 1));
            store.ingest().recordAccount(dead, new AccountResult(ACCOUNT, AccountScanStatus.COMPLETE, List.of(), 0, null),
                    List.of(finding(BUCKET, "s3-versioning", Outcome.PASS)), Score.of(List.of()));
            // no finishRun: the process "dies"
        }
        try (HistoryStore store = HistoryStore.open(url)) {
            assertThat(store.runLog().run(dead).orElseThrow().status()).isEqualTo(RunStatus.ABANDONED);
            assertThat(store.queries().trend(TrendScope.organization(), T0, Weights.defaults())).hasSize(1);
            assertThat(store.runLog().recentStoredRuns(5)).extracting(ScanRun::id).doesNotContain(dead);
        }
    }

    @Test
    void twoScansAtOnceAreRefused() throws Exception {
        onBoth(store -> {
            long running = store.runLog().startRun(new RunStart("SCAN", T0, "test", "p", null, 1));
            try (HistoryStore other = HistoryStore.open(urlOf(store))) {
                assertThatThrownBy(() -> other.runLog().startRun(new RunStart("SCAN", T0, "test", "p", null, 1)))
                        .isInstanceOf(HistoryException.class)
                        .hasMessageContaining("another atrest scan is writing")
                        .hasMessageContaining("run " + running);
                assertThat(other.runLog().run(running).orElseThrow().status()).as("a live run is not abandoned").isEqualTo(RunStatus.RUNNING);
            }
            store.runLog().finishRun(running, RunStatus.COMPLETE, T0, new RunTotals(0, 0, 0, 0, null, null, null));
        });
    }

    @Test
    void aRunsFailedCallsAreListedGroupedLargestFirstAndPrunedWithTheRun() throws Exception {
        onBoth(store -> {
            long r1 = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.NOT_EVALUATED)));
            io.atrest.scanner.inventory.CollectionError denied = new io.atrest.scanner.inventory.CollectionError("123456789012",
                    "eu-west-1", "s3", "GetBucketVersioning", ErrorReason.ACCESS_DENIED, "AccessDenied", "Access Denied",
                    "arn:aws:s3:::a", "service control policy");
            store.runErrors().record(r1, List.of(denied,
                    new io.atrest.scanner.inventory.CollectionError("123456789012", "eu-west-1", "s3", "GetBucketVersioning",
                            ErrorReason.ACCESS_DENIED, "AccessDenied", "Access Denied", "arn:aws:s3:::b"),
                    new io.atrest.scanner.inventory.CollectionError(null, null, "organizations", "ListPolicies",
                            ErrorReason.THROTTLED, "TooManyRequestsException", "x".repeat(5000), null)));

            assertThat(store.runErrors().groups(r1)).containsExactly(
                    new ErrorGroup("123456789012", "eu-west-1", "s3", "GetBucketVersioning", "AccessDenied", 2),
                    new ErrorGroup(null, null, "organizations", "ListPolicies", "TooManyRequestsException", 1));
            List<StoredError> all = store.runErrors().of(r1);
            assertThat(all).extracting(StoredError::operation).containsExactly("ListPolicies", "GetBucketVersioning", "GetBucketVersioning");
            assertThat(all.get(0).message()).hasSize(4000);
            assertThat(all.get(1)).isEqualTo(new StoredError("123456789012", "eu-west-1", "s3", "GetBucketVersioning", "ACCESS_DENIED",
                    "AccessDenied", "Access Denied", "arn:aws:s3:::a", "service control policy"));

            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.PASS)));
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.PASS)));
            assertThat(store.retention().prune(T0.plus(Duration.ofDays(1)))).isEqualTo(1);
            assertThat(store.runErrors().of(r1)).isEmpty();
        });
    }

    @Test
    void theLastStoredOrganizationHasItsAccountsAsThatRunSawThem() throws Exception {
        onBoth(store -> {
            assertThat(store.queries().lastStoredOrganization()).isEmpty();
            long r1 = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.PASS)));
            var known = store.queries().lastStoredOrganization().orElseThrow();
            assertThat(known.run().id()).isEqualTo(r1);
            assertThat(known.run().organizationId()).isEqualTo("o-1");
            assertThat(known.accounts()).singleElement().satisfies(a -> {
                assertThat(a.id()).isEqualTo(ACCOUNT.id());
                assertThat(a.name()).isEqualTo(ACCOUNT.name());
                assertThat(a.ouPath()).isEqualTo(ACCOUNT.ouPath());
                assertThat(a.tags()).isEqualTo(ACCOUNT.tags());
            });
        });
    }

    @Test
    void pruningKeepsIntervalsThatSpanTheCut() throws Exception {
        onBoth(store -> {
            long r1 = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(KEY, "kms-rotation", Outcome.FAIL)));
            run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(KEY, "kms-rotation", Outcome.PASS)));
            long r3 = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(KEY, "kms-rotation", Outcome.PASS)));

            assertThat(store.retention().prune(T0.plus(Duration.ofDays(2)))).isEqualTo(2);
            assertThat(store.runLog().run(r1)).isEmpty();
            assertThat(store.queries().findings(r3)).extracting(StoredFinding::checkId, StoredFinding::firstRunId).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("kms-rotation", r3),
                    org.assertj.core.groups.Tuple.tuple("s3-versioning", r3));
            assertThat(store.queries().findings(r3).get(1).failingSince()).as("the date survives the cut").isEqualTo(T0);
            long r4 = run(store, List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL), finding(KEY, "kms-rotation", Outcome.PASS)));
            assertThat(store.queries().findings(r4)).allSatisfy(f -> assertThat(f.firstRunId()).isEqualTo(r3));
        });
    }

    @Test
    void aFailingAccountWriteLeavesNothingOfThatAccount() {
        try (HistoryStore store = HistoryStore.open(Databases.h2(dir))) {
            long id = store.runLog().startRun(new RunStart("SCAN", Instant.now(), "test", "p", null, 1));
            List<Finding> findings = new ArrayList<>(List.of(finding(BUCKET, "s3-versioning", Outcome.FAIL)));
            // A check id longer than the column allows makes the insert fail half-way through the account.
            findings.add(finding(KEY, "x".repeat(200), Outcome.PASS));
            assertThatThrownBy(() -> store.ingest().recordAccount(id,
                    new AccountResult(ACCOUNT, AccountScanStatus.COMPLETE, List.of(), 0, null), findings, Score.of(findings)))
                    .isInstanceOf(HistoryException.class);
            assertThat(store.queries().accountsStored(id)).isZero();
            assertThat(store.queries().findings(id)).isEmpty();
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

    private String urlOf(HistoryStore store) {
        return store.url();
    }
}
