package io.atrest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.fake.StubAws;
import io.atrest.scanner.fake.StubAws.Request;
import io.atrest.scanner.fake.StubAws.Response;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.RunStatus;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan under injected faults, on the wire: a loopback stub answers as ScanOverTheWireTest's
 * organization does, except where a rule injects a fault in the protocol's real error shape.
 * Throttles and server errors that clear on retry change nothing; what stays denied is
 * NOT_EVALUATED and the run PARTIAL; no finding ever turns into PASS.
 */
@ExtendWith(ManagementCredentials.class)
class FaultInjectionTest {
    private static final String MEMBER = "222222222222";

    @TempDir
    Path dir;
    private StubAws stub;

    @AfterEach
    void clear() {
        if (stub != null) {
            stub.close();
        }
    }

    /** A fault: requests it matches get {@code fault} for their first {@code times} attempts (forever when negative). */
    record Rule(String name, Predicate<Request> matches, Function<Request, Response> fault, int times) {}

    /** Answers like the wire test's organization, with faults by rule; counts the faults it injected. */
    static final class FaultyAws implements Function<Request, Response> {
        final List<Rule> rules;
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();

        FaultyAws(List<Rule> rules) {
            this.rules = rules;
        }

        @Override
        public Response apply(Request r) {
            for (Rule rule : rules) {
                if (rule.matches().test(r)) {
                    String key = rule.name() + "|" + r.method() + r.path() + "?" + r.query() + "|" + r.target() + "|" + r.body() + "|" + r.accessKey();
                    int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    if (rule.times() < 0 || attempt <= rule.times()) {
                        injected.computeIfAbsent(rule.name(), k -> new AtomicInteger()).incrementAndGet();
                        return rule.fault().apply(r);
                    }
                }
            }
            return ScanOverTheWireTest.answer(r);
        }
    }

    static boolean kms(Request r) {
        return r.target() != null && r.target().startsWith("TrentService.");
    }

    static boolean dynamo(Request r) {
        return r.target() != null && r.target().startsWith("DynamoDB_20120810.");
    }

    static boolean query(Request r, String action) {
        return r.body().contains("Action=" + action);
    }

    static boolean s3Get(Request r, String subresource) {
        return r.target() == null && "GET".equals(r.method()) && r.query() != null && r.query().startsWith(subresource)
                && !r.path().startsWith("/v20180820");
    }

    static boolean member(Request r) {
        return "ASIAMEMBER".equals(r.accessKey());
    }

    // The real error shapes of each protocol.
    static Response jsonThrottle(Request r) {
        return new Response(400, "application/x-amz-json-1.1", "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
    }

    static Response jsonServerError(Request r) {
        return new Response(500, "application/x-amz-json-1.0",
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"Internal server error\"}");
    }

    static Response queryThrottle(Request r) {
        return new Response(400, "text/xml", "<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><Error><Type>Sender</Type>"
                + "<Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>stub</RequestId></ErrorResponse>");
    }

    static Response ec2Throttle(Request r) {
        return new Response(503, "text/xml", "<Response><Errors><Error><Code>RequestLimitExceeded</Code>"
                + "<Message>Request limit exceeded.</Message></Error></Errors><RequestID>stub</RequestID></Response>");
    }

    static Response s3SlowDown(Request r) {
        return Response.s3Error(503, "SlowDown");
    }

    static Response kmsDeniedByScp(Request r) {
        return new Response(400, "application/x-amz-json-1.1", "{\"__type\":\"AccessDeniedException\",\"message\":\"User: "
                + "arn:aws:sts::222222222222:assumed-role/AtrestScanner/atrest is not authorized to perform: kms:GetKeyPolicy on resource: "
                + "arn:aws:kms:us-east-1:222222222222:key/cmk with an explicit deny in a service control policy\"}");
    }

    static Response s3Denied(Request r) {
        return Response.s3Error(403, "AccessDenied");
    }

    private ScanRun scan(String db, FaultyAws aws, String... more) throws Exception {
        Exit exit = scanRaw(db, aws, more);
        try (HistoryStore store = HistoryStore.open(db)) {
            ScanRun run = store.runLog().recentRuns(1).get(0);
            // A PARTIAL run exits 4 and says so; any other end of these scans exits 0.
            assertThat(exit.code()).as(exit.err()).isEqualTo(run.status() == RunStatus.PARTIAL ? ExitCode.PARTIAL : ExitCode.OK);
            if (run.status() == RunStatus.PARTIAL) {
                assertThat(exit.err()).contains("run " + run.id() + " is PARTIAL: " + run.collectionErrors() + " call(s) failed");
            }
            return run;
        }
    }

    private static Map<String, StoredFinding> findings(String db, long run) {
        try (HistoryStore store = HistoryStore.open(db)) {
            return store.queries().findings(run).stream().collect(Collectors.toMap(f -> f.resourceArn() + " " + f.checkId(), f -> f));
        }
    }

    @Test
    void throttlesAndServerErrorsThatClearOnRetryChangeNothing() throws Exception {
        String clean = "jdbc:h2:file:" + dir.resolve("clean");
        String faulty = "jdbc:h2:file:" + dir.resolve("faulty");
        ScanRun reference = scan(clean, new FaultyAws(List.of()));
        FaultyAws aws = new FaultyAws(List.of(
                new Rule("kms throttling (JSON)", r -> kms(r) && !r.target().endsWith("ListResourceTags"), FaultInjectionTest::jsonThrottle, 2),
                new Rule("rds throttling (query)", r -> query(r, "DescribeDBInstances"), FaultInjectionTest::queryThrottle, 2),
                new Rule("ec2 throttling (query)", r -> query(r, "DescribeVolumes"), FaultInjectionTest::ec2Throttle, 2),
                new Rule("s3 SlowDown (REST)", r -> s3Get(r, "encryption"), FaultInjectionTest::s3SlowDown, 2),
                new Rule("dynamodb 500 (JSON)", r -> dynamo(r) && r.target().endsWith("ListTables"), FaultInjectionTest::jsonServerError, 1)));
        ScanRun retried = scan(faulty, aws);

        assertThat(aws.injected.keySet()).as("every kind of fault was injected")
                .containsExactlyInAnyOrder("kms throttling (JSON)", "rds throttling (query)", "ec2 throttling (query)",
                        "s3 SlowDown (REST)", "dynamodb 500 (JSON)");
        assertThat(retried.status()).isEqualTo(reference.status());
        assertThat(retried.collectionErrors()).isEqualTo(reference.collectionErrors());
        Map<String, StoredFinding> expected = findings(clean, reference.id());
        Map<String, StoredFinding> actual = findings(faulty, retried.id());
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, f) -> {
            assertThat(actual.get(key).outcome()).as(key).isEqualTo(f.outcome());
            assertThat(actual.get(key).evidence()).as(key).isEqualTo(f.evidence());
        });
    }

    /** Each protocol's real throttling answer, chosen by the service the request was signed for. */
    static Response throttleAsTheServiceDoes(Request r) {
        String service = r.signingService();
        return switch (service) {
            case "organizations" -> new Response(400, "application/x-amz-json-1.1",
                    "{\"__type\":\"TooManyRequestsException\",\"Message\":\"AWS Organizations can't complete your request because "
                            + "another request is already in progress. Try again later.\",\"Type\":\"AWS.Organizations.TooManyRequests\"}");
            case "dynamodb" -> new Response(400, "application/x-amz-json-1.0",
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"Rate of requests exceeds the allowed throughput.\"}");
            case "ec2" -> ec2Throttle(r);
            case "sts", "rds", "monitoring", "redshift", "elasticache", "sns", "iam" -> queryThrottle(r);
            case "s3" -> s3SlowDown(r);
            // EFS, OpenSearch, AWS Backup, S3 Glacier and MSK speak REST-JSON: 429 with the code in the body.
            case "elasticfilesystem", "es", "backup", "glacier", "kafka" -> new Response(429, "application/json",
                    "{\"ErrorCode\":\"ThrottlingException\",\"__type\":\"ThrottlingException\",\"Message\":\"Rate exceeded\"}");
            default -> jsonThrottle(r); // KMS, CloudTrail, CloudWatch Logs, EventBridge, Config, SQS, Kinesis, ...: JSON
        };
    }

    /**
     * Throttles a fixed share of all answers, the same ones on every run: whether attempt N of a
     * request is throttled follows from the seed, the request and N, not from thread timing.
     */
    static Predicate<Request> seededShare(long seed, double share, Map<String, AtomicInteger> attempts) {
        return r -> {
            String key = r.method() + r.path() + "?" + r.query() + "|" + r.target() + "|" + r.body() + "|" + r.accessKey()
                    + "|" + r.signingRegion();
            int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            long mixed = new java.util.SplittableRandom(seed ^ key.hashCode() * 31L ^ attempt * 0x9E3779B97F4A7C15L).nextLong();
            return new java.util.SplittableRandom(mixed).nextDouble() < share;
        };
    }

    @Test
    void aThirdOfAllAnswersThrottledInEveryProtocolAndABurstChangeNoFinding() throws Exception {
        String clean = "jdbc:h2:file:" + dir.resolve("clean");
        String throttled = "jdbc:h2:file:" + dir.resolve("throttled");
        ScanRun reference = scan(clean, new FaultyAws(List.of()));
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        Predicate<Request> share = seededShare(20261204L, 0.30, attempts);
        Set<String> shapes = ConcurrentHashMap.newKeySet();
        Set<String> firstSeen = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicLong kmsBurstEnds = new java.util.concurrent.atomic.AtomicLong();
        FaultyAws aws = new FaultyAws(List.of(
                // KMS throttles every call for three seconds from its first, then 30% like the rest.
                new Rule("kms burst", r -> {
                    if (!kms(r)) {
                        return false;
                    }
                    kmsBurstEnds.compareAndSet(0, System.nanoTime() + 3_000_000_000L);
                    return System.nanoTime() < kmsBurstEnds.get();
                }, FaultInjectionTest::jsonThrottle, -1),
                // The first call to each service is throttled too, so that every shape is sent whatever the draw.
                new Rule("30% throttled", r -> firstSeen.add(r.signingService()) || share.test(r), r -> {
                    shapes.add(r.signingService());
                    return throttleAsTheServiceDoes(r);
                }, -1)));
        ScanRun run = scan(throttled, aws, "--max-backoff", "200ms");

        assertThat(shapes).as("every protocol's throttle shape was sent")
                .contains("organizations", "sts", "s3", "kms", "ec2", "rds", "dynamodb", "elasticfilesystem", "monitoring", "logs", "iam");
        assertThat(aws.injected.get("kms burst").get()).as("KMS calls refused during the burst").isGreaterThan(1);
        assertThat(aws.injected.get("30% throttled").get()).isGreaterThan(50);
        assertThat(run.status()).isEqualTo(reference.status());
        assertThat(run.collectionErrors()).isEqualTo(reference.collectionErrors());
        assertThat(run.coverage()).isEqualTo(reference.coverage());
        Map<String, StoredFinding> expected = findings(clean, reference.id());
        Map<String, StoredFinding> actual = findings(throttled, run.id());
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, f) -> {
            assertThat(actual.get(key).outcome()).as(key).isEqualTo(f.outcome());
            assertThat(actual.get(key).evidence()).as(key).isEqualTo(f.evidence());
        });
    }

    static boolean organizations(Request r) {
        return r.target() != null && r.target().startsWith("AWSOrganizationsV20161128.");
    }

    /** Runs a scan and returns its exit code and what it printed on stderr. */
    private record Exit(int code, String err) {}

    /** A scan of the stub's organization into {@code db}, with {@code more} options. */
    private String[] scanArgs(String db, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("scan", "--endpoint-url", stub.endpoint().toString(), "--home-region", "us-east-1",
                "--role-name", "AtrestScanner", "--regions", "us-east-1,eu-west-1", "--db", db));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private Exit scanRaw(String db, FaultyAws aws, String... more) throws Exception {
        stub = new StubAws(aws);
        StringWriter err = new StringWriter();
        int code = Atrest.execute(scanArgs(db, more), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        stub.close();
        stub = null;
        return new Exit(code, err.toString());
    }

    @Test
    void anOrganizationThrottledPastEveryRetryIsScannedAsTheLastStoredRunSawIt() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("atrest");
        ScanRun first = scan(db, new FaultyAws(List.of()));
        FaultyAws aws = new FaultyAws(List.of(new Rule("organizations throttled", FaultInjectionTest::organizations,
                FaultInjectionTest::throttleAsTheServiceDoes, -1)));
        Exit exit = scanRaw(db, aws, "--max-attempts", "3", "--max-backoff", "10ms");

        assertThat(exit.code()).as(exit.err()).isEqualTo(ExitCode.PARTIAL);
        try (HistoryStore store = HistoryStore.open(db)) {
            ScanRun run = store.runLog().recentRuns(1).get(0);
            assertThat(run.id()).isGreaterThan(first.id());
            assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
            assertThat(run.message()).startsWith("the organization could not be read (organizations:DescribeOrganization "
                    + "TooManyRequestsException): scanned the 2 account(s) of run " + first.id() + " of ");
            assertThat(run.organizationId()).isEqualTo("o-wire12345");
            assertThat(run.accountsPlanned()).isEqualTo(2);
            // Every resource of the first night is judged again, with the member's classification from its stored tags.
            Map<String, StoredFinding> before = findings(db, first.id());
            Map<String, StoredFinding> now = findings(db, run.id());
            assertThat(now.keySet()).containsAll(before.keySet().stream().filter(k -> !k.contains(" scp-")).toList());
            assertThat(now.get("arn:aws:s3:::member-cards s3-versioning").classification())
                    .isEqualTo(before.get("arn:aws:s3:::member-cards s3-versioning").classification())
                    .isEqualTo("restricted");
            // Which SCPs bind an account is unknown without the walk: never a pass, never a fail.
            now.values().stream().filter(f -> f.checkId().startsWith("scp-")).forEach(f ->
                    assertThat(f.outcome()).as(f.checkId()).isEqualTo("NOT_EVALUATED"));
            assertThat(store.runErrors().of(run.id())).anySatisfy(e -> {
                assertThat(e.service()).isEqualTo("organizations");
                assertThat(e.operation()).isEqualTo("DescribeOrganization");
                assertThat(e.reason()).isEqualTo("THROTTLED");
                assertThat(e.errorCode()).isEqualTo("TooManyRequestsException");
            });
        }
        assertThat(aws.injected.get("organizations throttled").get()).as("three attempts of DescribeOrganization, then ScpCollector's")
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void anOrganizationUnreadableWithNoStoredRunStopsTheScanWithExit3() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("atrest");
        FaultyAws aws = new FaultyAws(List.of(new Rule("organizations throttled", FaultInjectionTest::organizations,
                FaultInjectionTest::throttleAsTheServiceDoes, -1)));
        Exit exit = scanRaw(db, aws, "--max-attempts", "2", "--max-backoff", "10ms");

        assertThat(exit.code()).isEqualTo(ExitCode.SCAN_FAILED);
        assertThat(exit.err()).contains("cannot read the organization, and no stored run to scan its accounts from: "
                + "organizations:DescribeOrganization TooManyRequestsException: ").contains("(SDK Attempt Count: 2)");
        assertThat(exit.err().lines()).hasSize(1);
    }

    @Test
    void aPartialRunListsWhatFailedGroupedAndErrorsListsEveryCall() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("atrest");
        FaultyAws aws = new FaultyAws(List.of(
                new Rule("kms:GetKeyPolicy denied by SCP", r -> member(r) && kms(r) && r.target().endsWith("GetKeyPolicy"),
                        FaultInjectionTest::kmsDeniedByScp, -1)));
        stub = new StubAws(aws);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Atrest.execute(scanArgs(db, "--fail-on", "critical"), new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).isEqualTo(ExitCode.PARTIAL);
        assertThat(out.toString()).contains("Could not read (failed calls by account, region, service, operation and error):")
                .containsPattern("(?m)^\\d+ +222222222222 +us-east-1 +kms +GetKeyPolicy +AccessDeniedException *$");
        assertThat(err.toString()).contains("is PARTIAL: ").doesNotContain("--fail-on)");

        StringWriter listed = new StringWriter();
        assertThat(Atrest.execute(new String[] {"errors", "--db", db, "--output", "csv"}, new PrintWriter(listed, true),
                new PrintWriter(new StringWriter(), true))).isZero();
        assertThat(listed.toString().lines().skip(1))
                .anySatisfy(line -> assertThat(line).startsWith("222222222222,us-east-1,kms,GetKeyPolicy,ACCESS_DENIED,AccessDeniedException,")
                        .contains("service control policy"));
        StringWriter allowed = new StringWriter();
        assertThat(Atrest.execute(scanArgs(db, "--allow-partial"), new PrintWriter(new StringWriter(), true),
                new PrintWriter(allowed, true))).as(allowed.toString()).isZero();
        // A failed gate is 1 whether or not the run is partial, and says why in one line.
        StringWriter gate = new StringWriter();
        assertThat(Atrest.execute(scanArgs(db, "--fail-on", "low"), new PrintWriter(new StringWriter(), true),
                new PrintWriter(gate, true))).isEqualTo(ExitCode.FINDINGS);
        assertThat(gate.toString()).containsPattern("(?m)^atrest: \\d+ failed finding\\(s\\) at or above low \\(--fail-on\\)$")
                .contains("is PARTIAL: ");
    }

    static Function<Request, Response> slow(long millis) {
        return r -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScanOverTheWireTest.answer(r);
        };
    }

    @Test
    void resetsAreRetriedAndAnAnswerTooSlowForTheDeadlineIsATimeoutNotAPass() throws Exception {
        String clean = "jdbc:h2:file:" + dir.resolve("clean");
        String faulty = "jdbc:h2:file:" + dir.resolve("faulty");
        String[] deadlines = {"--attempt-timeout", "1", "--call-timeout", "4"};
        ScanRun reference = scan(clean, new FaultyAws(List.of()), deadlines);
        FaultyAws aws = new FaultyAws(List.of(
                new Rule("connection reset", r -> kms(r) && r.target().endsWith("DescribeKey"), r -> Response.reset(), 1),
                new Rule("slow beyond every attempt", r -> member(r) && s3Get(r, "versioning"), slow(2_500), -1)));
        ScanRun run = scan(faulty, aws, deadlines);

        assertThat(aws.injected.keySet()).containsExactlyInAnyOrder("connection reset", "slow beyond every attempt");
        Map<String, StoredFinding> expected = findings(clean, reference.id());
        Map<String, StoredFinding> actual = findings(faulty, run.id());
        // The reset DescribeKey calls were retried: every key finding is as without faults.
        expected.values().stream().filter(f -> f.resourceType().equals("AwsKmsKey")).forEach(f ->
                assertThat(actual.get(f.resourceArn() + " " + f.checkId()).outcome()).as(f.checkId()).isEqualTo(f.outcome()));
        // Versioning never answered in time: not evaluated, as a timeout, and the run says it is partial.
        StoredFinding versioning = actual.get("arn:aws:s3:::member-cards s3-versioning");
        assertThat(versioning.outcome()).isEqualTo("NOT_EVALUATED");
        assertThat(versioning.reason()).isEqualTo("TIMEOUT");
        assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
        expected.forEach((key, f) -> {
            StoredFinding now = actual.get(key);
            if (!"PASS".equals(f.outcome()) && now != null) {
                assertThat(now.outcome()).as(key).isNotEqualTo("PASS");
            }
        });
    }

    @Test
    void whatStaysDeniedIsNotEvaluatedWithItsReasonAndNothingTurnsIntoPass() throws Exception {
        String clean = "jdbc:h2:file:" + dir.resolve("clean");
        String denied = "jdbc:h2:file:" + dir.resolve("denied");
        ScanRun reference = scan(clean, new FaultyAws(List.of()));
        FaultyAws aws = new FaultyAws(List.of(
                // An SCP denies one operation in the member account; S3 denies reading a bucket's versioning there.
                new Rule("kms:GetKeyPolicy denied by SCP", r -> member(r) && kms(r) && r.target().endsWith("GetKeyPolicy"),
                        FaultInjectionTest::kmsDeniedByScp, -1),
                new Rule("s3 versioning denied", r -> member(r) && s3Get(r, "versioning"), FaultInjectionTest::s3Denied, -1)));
        ScanRun run = scan(denied, aws);

        assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.collectionErrors()).isGreaterThan(reference.collectionErrors());
        Map<String, StoredFinding> expected = findings(clean, reference.id());
        Map<String, StoredFinding> actual = findings(denied, run.id());
        // Key policy checks on the member's customer-managed key could not be evaluated, and say why.
        List<StoredFinding> keyPolicy = actual.values().stream()
                .filter(f -> f.resourceArn().endsWith(":key/cmk") && f.checkId().startsWith("kms-policy-")).toList();
        assertThat(keyPolicy).isNotEmpty().allSatisfy(f -> {
            assertThat(f.outcome()).isEqualTo("NOT_EVALUATED");
            assertThat(f.reason()).isEqualTo("ACCESS_DENIED");
            assertThat(f.failedOperation()).isEqualTo("kms:GetKeyPolicy");
        });
        assertThat(actual.get("arn:aws:s3:::member-cards s3-versioning").outcome()).isEqualTo("NOT_EVALUATED");
        // Never silently wrong: a finding that fails without faults fails or is not evaluated with them; none passes.
        expected.forEach((key, f) -> {
            StoredFinding now = actual.get(key);
            if (!"PASS".equals(f.outcome()) && now != null) {
                assertThat(now.outcome()).as(key).isNotEqualTo("PASS");
            }
        });
        try (HistoryStore store = HistoryStore.open(denied)) {
            assertThat(store.queries().notEvaluatedReasons(run.id())).anySatisfy(g -> {
                assertThat(g.accountId()).isEqualTo(MEMBER);
                assertThat(g.failedOperation()).isEqualTo("kms:GetKeyPolicy");
                assertThat(g.reason()).isEqualTo("ACCESS_DENIED");
            });
        }
    }
}
