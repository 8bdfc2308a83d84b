package io.atrest.bench;

import io.atrest.pipeline.RunOutcome;
import io.atrest.pipeline.ScanPipeline;
import io.atrest.pipeline.Scanners;
import io.atrest.pipeline.Stop;
import io.atrest.scanner.aws.RetryPolicy;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.fake.FakeOrganization;
import io.atrest.scanner.fake.FakeStores;
import io.atrest.scanner.fake.SimulatedThrottling;
import io.atrest.scanner.inventory.Organization;
import io.atrest.scanner.org.AccountAccess;
import io.atrest.scanner.org.AccountScan;
import io.atrest.scanner.org.OrganizationScanner;
import io.atrest.scanner.org.ScanListener;
import io.atrest.scanner.org.ScanOptions;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.sink.DiskSink;
import io.atrest.scanner.sink.InMemorySink;
import io.atrest.scanner.sink.InventorySink;
import io.atrest.scanner.stores.StoreKinds;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.ScanRun;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * The scan engine against a simulated AWS: the real organization walk, account and region
 * fan-out and collectors, over the in-process SDK fakes with a fixed latency per call. Reports
 * wall time, calls per second against the limit the concurrency sets (concurrency / latency),
 * calls per resource by service, and peak heap.
 *
 * It runs the scan pipeline a scan runs ({@link ScanPipeline}: collect into a sink, then evaluate
 * and store each account) into an in-memory H2 database, with the slices on disk ({@code --sink
 * disk}, as {@code atrest scan} does) or in memory ({@code --sink memory}, as with
 * {@code --save-inventory}), and reports each phase's time and peak heap. {@code --stores N} adds
 * N stores of every declared kind (Redshift, SQS, ...) to each account and region. {@code --roles N}
 * gives each account N IAM roles and N / 10 users with access keys, their policies shaped as real
 * ones (narrow, on every key, through a service, behind a boundary): what the access matrix reads.
 *
 * <p>{@code --throttle 0.1 --org-rate 10} throttles a tenth of all attempts at random and
 * limits Organizations to ten calls a second for the whole organization; the fakes then drive
 * each call through the scan's own retry strategy ({@link SimulatedThrottling}), and the walk's
 * share of the wall time and its calls are reported.
 *
 * <p>It reports the floor beside the wall time: the simulated service time, every call's latency
 * spread over the calls that may be in flight (calls x latency / concurrency), and the ratio of
 * the two. {@code --buckets N} sets the buckets per account (15), {@code --account-bpa true} turns
 * on every account's Block Public Access (the bucket ACLs are then not read).
 *
 * <p>{@code ScanBench --accounts 200 --regions 3 --latency-ms 50 --concurrency 32 --sink disk}
 */
public final class ScanBench {
    private static final String MANAGEMENT = "100000000000";
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2", "eu-central-1", "us-west-2");

    private ScanBench() {}

    private static String bucketPolicy(String bucket) {
        StringBuilder json = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int s = 0; s < 10; s++) {
            json.append(s == 0 ? "" : ",").append("{\"Sid\":\"Reader").append(s).append("\",\"Effect\":\"Allow\",")
                    .append("\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:role/reader-").append(s).append("\"},")
                    .append("\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::").append(bucket)
                    .append("\",\"arn:aws:s3:::").append(bucket).append("/*\"],")
                    .append("\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-bench\"}}}");
        }
        return json.append("]}").toString();
    }

    private static String keyPolicy(String account) {
        StringBuilder json = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Root\",\"Effect\":\"Allow\",")
                .append("\"Principal\":{\"AWS\":\"arn:aws:iam::").append(account).append(":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}");
        for (int s = 0; s < 10; s++) {
            json.append(",{\"Sid\":\"Use").append(s).append("\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::")
                    .append(account).append(":role/app-").append(s).append("\"},\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey*\"],")
                    .append("\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"s3.eu-west-1.amazonaws.com\"}}}");
        }
        return json.append("]}").toString();
    }

    /** The bench's options: {@code --name value} pairs. */
    private record Options(Map<String, String> values) {
        static Options of(String[] args) {
            Map<String, String> opts = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            if (opts.containsKey("sliced")) { // the name before the pipeline's sinks
                opts.putIfAbsent("sink", Boolean.parseBoolean(opts.get("sliced")) ? "disk" : "memory");
            }
            return new Options(opts);
        }

        int number(String name, int otherwise) {
            return Integer.parseInt(values.getOrDefault(name, Integer.toString(otherwise)));
        }

        double decimal(String name) {
            return Double.parseDouble(values.getOrDefault(name, "0"));
        }

        String text(String name, String otherwise) {
            return values.getOrDefault(name, otherwise);
        }
    }

    /** The simulated organization: its accounts' resources, and the call log every fake call goes through. */
    private record World(FakeOrganization organization, Map<String, FakeAccount> accounts, int resources, CallLog log,
                         SimulatedThrottling throttling) {}

    public static void main(String[] args) throws Exception {
        Options opts = Options.of(args);
        int accounts = opts.number("accounts", 200);
        int regionCount = opts.number("regions", 3);
        int latencyMs = opts.number("latency-ms", 50);
        int concurrency = opts.number("concurrency", 32);
        boolean onDisk = !"memory".equals(opts.text("sink", "disk"));
        List<String> regions = REGIONS.subList(0, regionCount);
        World world = world(opts, accounts, regions, latencyMs);
        AccountAccess access = accountId -> new FakeAccountClients(world.accounts().get(accountId), world.log(), 50);
        ScanOptions options = new ScanOptions(Set.of(), Set.of(), regions, concurrency, Duration.ofMinutes(30));
        Scanners scanners = new Scanners() {
            @Override
            public <T> T with(Stop stop, Function<OrganizationScanner, T> work) {
                return work.apply(new OrganizationScanner(world.organization(), MANAGEMENT, access, "us-east-1", options));
            }
        };
        Measured measured = measure(scanners, onDisk);
        report(opts, world, measured, accounts, regionCount, latencyMs, concurrency, onDisk);
    }

    private static World world(Options opts, int accounts, List<String> regions, int latencyMs) {
        CallLog log = new CallLog().latency(Duration.ofMillis(latencyMs));
        SimulatedThrottling throttling = null;
        double throttle = opts.decimal("throttle");
        double orgRate = opts.decimal("org-rate");
        if (throttle > 0 || orgRate > 0) {
            RetryPolicy retry = RetryPolicy.resolve(opts.text("retry-mode", "adaptive"), RetryPolicy.DEFAULT_MAX_ATTEMPTS, null, Map.of(), () -> null);
            throttling = new SimulatedThrottling(retry, throttle, orgRate > 0 ? Map.of("Organizations", orgRate) : Map.of(), 42);
            log.throttling(throttling);
        }
        FakeOrganization organization = new FakeOrganization(MANAGEMENT, log, 20);
        // Two OU levels, as organizations are laid out (Root/Workloads-n/Prod|Dev): the walk reads each OU once.
        for (int w = 0; w < 10; w++) {
            organization.ou("ou-w" + w, "Workloads-" + w, FakeOrganization.ROOT);
            organization.ou("ou-w" + w + "-prod", "Prod", "ou-w" + w);
            organization.ou("ou-w" + w + "-dev", "Dev", "ou-w" + w);
        }
        Map<String, FakeAccount> world = new HashMap<>();
        int resources = 0;
        for (int a = 0; a < accounts; a++) {
            String id = Long.toString(Long.parseLong(MANAGEMENT) + a);
            organization.account(id, "account-" + a, "ACTIVE", "ou-w" + (a % 10) + (a % 2 == 0 ? "-prod" : "-dev"),
                    Map.of("owner", "team-" + (a % 7)));
            FakeAccount account = new FakeAccount(id);
            resources += fill(account, id, regions, opts.number("buckets", 15));
            if (Boolean.parseBoolean(opts.text("account-bpa", "false"))) {
                account.accountBlock = new Boolean[] {true, true, true, true};
            }
            identities(account.iam, id, opts.number("roles", 0), regions);
            for (String region : regions) {
                for (int k = 0; k < opts.number("stores", 0); k++) {
                    FakeStores.seedEveryKind(account, region, "bench-" + k); // one of each declared kind of store
                    resources += StoreKinds.ALL.size();
                }
            }
            world.put(id, account);
        }
        return new World(organization, world, resources, log, throttling);
    }

    /**
     * {@code roles} roles and a tenth as many users with active access keys: most roles decrypt with
     * one named key, one in ten with every key through S3, one in fifty holds kms:* behind a boundary
     * that takes it away, one in a hundred is an administrator; the users share a group.
     */
    private static void identities(FakeAccount.Iam iam, String id, int roles, List<String> regions) {
        if (roles == 0) {
            return;
        }
        String admin = iam.awsPolicy("AdministratorAccess", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}");
        String boundary = iam.policy("no-kms", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"sqs:*\"],\"Resource\":\"*\"}}");
        String viaS3 = iam.policy("kms-via-s3", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey\"],"
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"s3.eu-west-1.amazonaws.com\"}}}}");
        for (int r = 0; r < roles; r++) {
            FakeAccount.Principal role = iam.role("workload-" + r);
            if (r % 100 == 0) {
                role.attach(admin);
            } else if (r % 50 == 0) {
                role.inline("deploy", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}}").boundary(boundary);
            } else if (r % 10 == 0) {
                role.attach(viaS3);
            } else {
                String key = "arn:aws:kms:" + regions.get(r % regions.size()) + ":" + id + ":key/key-" + (r % 5);
                role.inline("app", "{\"Statement\":[{\"Sid\":\"Data\",\"Effect\":\"Allow\",\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey\"],"
                        + "\"Resource\":\"" + key + "\"},{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"sqs:*\"],\"Resource\":\"*\"}]}");
            }
        }
        iam.group("analysts").inline("read", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"arn:aws:kms:*:"
                + id + ":key/*\"}}");
        for (int u = 0; u < roles / 10; u++) {
            iam.user("person-" + u).inGroup("analysts").accessKey("Active");
        }
    }

    /** One account's resources: {@code buckets} buckets under its keys, and 5 keys and 7 volumes per region; returns how many. */
    private static int fill(FakeAccount account, String id, List<String> regions, int buckets) {
        int resources = 0;
        account.enabledRegions.clear();
        account.enabledRegions.addAll(regions);
        for (int b = 0; b < buckets; b++) {
            String region = regions.get(b % regions.size());
            // under the account's own keys, a third of them restricted: the keys' access is then judged
            var bucket = account.bucket("bench-" + id + "-" + b, region).versioning("Enabled")
                    .kms("arn:aws:kms:" + region + ":" + id + ":key/key-" + (b % 5))
                    .tags(Map.of("DataClassification", b % 3 == 0 ? "restricted" : "confidential", "team", "team-" + b));
            bucket.policy = bucketPolicy(bucket.name); // a policy as large as real ones: what a scan holds per bucket
            resources++;
        }
        for (String region : regions) {
            for (int k = 0; k < 5; k++) {
                var key = account.key(region, "key-" + k);
                key.rotation = true;
                key.policy = keyPolicy(id);
                resources++;
            }
            for (int v = 0; v < 7; v++) {
                account.in(region).volumes.add(Volume.builder().volumeId("vol-" + id + region + v).encrypted(true).size(10)
                        .state("in-use").build());
                resources++;
            }
        }
        return resources;
    }

    /** What one run through the pipeline took: each phase's time and peak heap, and the stored run. */
    private record Measured(double walkSeconds, double collectSeconds, double storeSeconds, long collectPeak, long storePeak,
                            long heapBefore, ScanRun run, long findings) {}

    /** Runs the pipeline once into an in-memory database, sampling the heap every 50 ms. */
    private static Measured measure(Scanners scanners, boolean onDisk) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong collectPeak = new AtomicLong();
        AtomicLong storePeak = new AtomicLong();
        AtomicLong walked = new AtomicLong();
        AtomicLong collected = new AtomicLong();
        AtomicInteger planned = new AtomicInteger(-1);
        AtomicInteger done = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                (collected.get() == 0 ? collectPeak : storePeak).accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        ScanListener phases = new ScanListener() {
            @Override
            public void planned(Organization organization, int accounts) {
                walked.set(System.nanoTime());
                planned.set(accounts);
            }

            @Override
            public void accountDone(AccountScan scan, int errors) {
                if (done.incrementAndGet() == planned.get()) {
                    collected.set(System.nanoTime());
                }
            }
        };
        ClassificationPolicy policy = ClassificationPolicy.defaults();
        long t0 = System.nanoTime();
        try (InventorySink sink = onDisk ? DiskSink.inTemporaryFolder() : new InMemorySink();
             HistoryStore store = HistoryStore.open("jdbc:h2:mem:scanbench;DB_CLOSE_DELAY=-1")) {
            RunOutcome outcome = new ScanPipeline(scanners, policy, Clock.systemUTC(), "bench").run(store, "SCAN", Stop.NEVER, phases, sink);
            long end = System.nanoTime();
            sampler.interrupt();
            ScanRun run = store.runLog().run(outcome.runId()).orElseThrow();
            long findings = store.queries().findings(outcome.runId()).size();
            return new Measured((walked.get() - t0) / 1e9, (collected.get() - t0) / 1e9, (end - collected.get()) / 1e9,
                    collectPeak.get(), storePeak.get(), heapBefore, run, findings);
        }
    }

    private static void report(Options opts, World world, Measured m, int accounts, int regionCount, int latencyMs, int concurrency,
                               boolean onDisk) {
        List<String> calls = world.log().calls();
        double rate = calls.size() / m.collectSeconds();
        double limit = concurrency * 1000.0 / latencyMs;
        System.out.printf(Locale.ROOT, "%d accounts x %d regions, %d resources, latency %d ms per call, concurrency %d%n",
                accounts, regionCount, world.resources(), latencyMs, concurrency);
        System.out.printf(Locale.ROOT, "collect %.1f s, %,d calls, %.0f calls/s = %.0f%% of the limit %.0f calls/s (concurrency / latency)%n",
                m.collectSeconds(), calls.size(), rate, 100 * rate / limit, limit);
        // The floor: every call's latency, spread over as many calls as may be in flight. The scan can only approach it.
        double floor = calls.size() * (latencyMs / 1000.0) / concurrency;
        System.out.printf(Locale.ROOT, "simulated service time %.1f s (calls x latency / %d in flight); wall %.1f s = %.2f x the floor%n",
                floor, concurrency, m.collectSeconds(), m.collectSeconds() / floor);
        int buckets = opts.number("buckets", 15) * accounts;
        long bucketCalls = world.log().callsOnPrefix("arn:aws:s3:::").size();
        System.out.printf(Locale.ROOT, "S3: %.2f calls per bucket (%,d on %,d buckets; ListBuckets and account settings apart)%n",
                (double) bucketCalls / buckets, bucketCalls, buckets);
        System.out.printf(Locale.ROOT, "sink %s: run %d %s, %,d resources, %d failed calls; peak heap while collecting %d MB (before %d MB)%n",
                onDisk ? "on disk" : "in memory", m.run().id(), m.run().status(), m.run().resources(), m.run().collectionErrors(),
                m.collectPeak() >> 20, m.heapBefore() >> 20);
        System.out.printf(Locale.ROOT, "evaluate and store: %,d findings in %.1f s, peak heap %d MB%n", m.findings(), m.storeSeconds(),
                m.storePeak() >> 20);
        Map<String, Integer> byService = new TreeMap<>();
        calls.forEach(c -> byService.merge(c.substring(0, c.indexOf(':')), 1, Integer::sum));
        Map<String, Integer> perService = Map.of("S3", opts.number("buckets", 15) * accounts, "Kms", 5 * regionCount * accounts,
                "Ec2", 7 * regionCount * accounts);
        List<String> lines = new ArrayList<>();
        byService.forEach((service, n) -> lines.add(String.format(Locale.ROOT, "  %-16s %,8d calls%s", service, n,
                perService.containsKey(service) ? String.format(Locale.ROOT, "  (%.2f per resource of the service)",
                        (double) n / perService.get(service)) : "")));
        lines.forEach(System.out::println);
        long organizationsCalls = byService.getOrDefault("Organizations", 0);
        System.out.printf(Locale.ROOT, "walk: %.1f s of %.1f s (%.0f%%), %,d Organizations calls served (%.2f per account)%n",
                m.walkSeconds(), m.collectSeconds(), 100 * m.walkSeconds() / m.collectSeconds(), organizationsCalls,
                (double) organizationsCalls / accounts);
        SimulatedThrottling throttling = world.throttling();
        if (throttling != null) {
            double orgRate = opts.decimal("org-rate");
            System.out.printf(Locale.ROOT, "throttling (%s retries): %.0f%% at random%s; %,d attempts (%,d to Organizations), %,d throttled, "
                            + "%,d gave up past %d attempts; %.0f s waited in backoff and rate limits, all callers together%n",
                    opts.text("retry-mode", "adaptive"), 100 * opts.decimal("throttle"),
                    orgRate > 0 ? String.format(Locale.ROOT, ", Organizations limited to %.0f calls/s", orgRate) : "",
                    throttling.attempts(), throttling.attempts("Organizations"), throttling.throttled(), throttling.gaveUp(),
                    RetryPolicy.defaults().maxAttempts(), throttling.waited().toNanos() / 1e9);
        }
    }
}
