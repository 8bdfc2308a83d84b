package io.atrest.bench;

import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Evaluator;
import io.atrest.scanner.check.OrganizationContext;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.inventory.AccountSlices;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.fake.FakeOrganization;
import io.atrest.scanner.fake.SimulatedThrottling;
import io.atrest.scanner.aws.RetryPolicy;
import io.atrest.scanner.org.ScanListener;
import io.atrest.scanner.org.AccountAccess;
import io.atrest.scanner.org.OrganizationScanner;
import io.atrest.scanner.org.ScanOptions;
import io.atrest.scanner.org.ScanResult;
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
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * The scan engine against a simulated AWS: the real organization walk, account and region
 * fan-out and collectors, over the in-process SDK fakes with a fixed latency per call. Reports
 * wall time, calls per second against the limit the concurrency sets (concurrency / latency),
 * calls per resource by service, and peak heap.
 *
 * Then evaluates what was collected, account by account from the slices on disk ({@code --sliced
 * true}, as a scan does) or the whole inventory at once ({@code --sliced false}), and reports the
 * heap held after collection and the peak during evaluation; {@code --held-only true} measures
 * just what the scan's result holds after collection (heap with it, less heap without it).
 *
 * <p>{@code --throttle 0.1 --org-rate 10} throttles a tenth of all attempts at random and
 * limits Organizations to ten calls a second for the whole organization; the fakes then drive
 * each call through the scan's own retry strategy ({@link SimulatedThrottling}), and the walk's
 * share of the wall time and its calls are reported.
 *
 * <p>{@code ScanBench --accounts 200 --regions 3 --latency-ms 50 --concurrency 32 --sliced true}
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

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int accounts = Integer.parseInt(opts.getOrDefault("accounts", "200"));
        int regionCount = Integer.parseInt(opts.getOrDefault("regions", "3"));
        int latencyMs = Integer.parseInt(opts.getOrDefault("latency-ms", "50"));
        int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "32"));
        boolean sliced = Boolean.parseBoolean(opts.getOrDefault("sliced", "true"));
        boolean heldOnly = Boolean.parseBoolean(opts.getOrDefault("held-only", "false"));
        double throttle = Double.parseDouble(opts.getOrDefault("throttle", "0"));
        double orgRate = Double.parseDouble(opts.getOrDefault("org-rate", "0"));
        List<String> regions = REGIONS.subList(0, regionCount);

        CallLog log = new CallLog().latency(Duration.ofMillis(latencyMs));
        SimulatedThrottling throttling = null;
        if (throttle > 0 || orgRate > 0) {
            RetryPolicy retry = RetryPolicy.resolve(opts.getOrDefault("retry-mode", "adaptive"), RetryPolicy.DEFAULT_MAX_ATTEMPTS, null, Map.of(), () -> null);
            throttling = new SimulatedThrottling(retry, throttle,
                    orgRate > 0 ? Map.of("Organizations", orgRate) : Map.of(), 42);
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
            account.enabledRegions.clear();
            account.enabledRegions.addAll(regions);
            for (int b = 0; b < 15; b++) {
                var bucket = account.bucket("bench-" + id + "-" + b, regions.get(b % regions.size())).versioning("Enabled")
                        .tags(Map.of("DataClassification", "confidential", "team", "team-" + b));
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
            world.put(id, account);
        }
        AccountAccess access = accountId -> new FakeAccountClients(world.get(accountId), log, 50);
        ScanOptions options = new ScanOptions(Set.of(), Set.of(), regions, concurrency, Duration.ofMinutes(30));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        AccountSlices slices = sliced ? AccountSlices.inTemporaryFolder() : null;
        AtomicLong walked = new AtomicLong();
        ScanListener walkEnd = new ScanListener() {
            @Override
            public void planned(io.atrest.scanner.inventory.Organization walkedOrganization, int planned) {
                walked.set(System.nanoTime());
            }
        };
        ScanResult result = new OrganizationScanner(organization, MANAGEMENT, access, "us-east-1", options).listener(walkEnd)
                .scan(Clock.systemUTC(), slices);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double walkSeconds = (walked.get() - t0) / 1e9;
        long collectPeak = peak.get();
        // What the scan holds once collection is over, before evaluation: the measure of "memory grows with the organization".
        System.gc();
        long withInventory = memory.getHeapMemoryUsage().getUsed();
        if (heldOnly) {
            // What the scan itself holds for evaluation: the heap with its result, less the heap once it is let go.
            int resourcesCollected = slices == null ? result.inventory().resourceCount() : slices.resourceCount();
            if (slices != null) {
                slices.close();
            }
            slices = null;
            result = null;
            System.gc();
            System.out.printf(Locale.ROOT, "%d accounts, %,d resources: the scan holds %.1f MB after collection (%s)%n", accounts,
                    resourcesCollected, (withInventory - memory.getHeapMemoryUsage().getUsed()) / 1048576.0,
                    sliced ? "account by account" : "whole inventory");
            return;
        }
        if (slices == null) {
            long text = 0;
            for (var b : result.inventory().buckets()) text += b.policy().value() == null ? 0 : b.policy().value().length();
            for (var k : result.inventory().keys()) text += k.policy().value() == null ? 0 : k.policy().value().length();
            System.out.printf(Locale.ROOT, "policy text held by the whole inventory: %.1f MB%n", text / 1048576.0);
        }
        peak.set(0);
        long e0 = System.nanoTime();
        ClassificationPolicy policy = ClassificationPolicy.defaults();
        Evaluator evaluator = new Evaluator(CheckCatalog.standard(), policy);
        long findings = 0;
        if (slices == null) {
            findings = evaluator.evaluate(new Evaluation(result.inventory(), policy, java.time.Instant.now())).size();
        } else {
            OrganizationContext context = OrganizationContext.of(slices.lookups(), slices.stores(), policy);
            for (var account : slices.accounts()) {
                findings += evaluator.evaluate(new Evaluation(slices.slice(account.id()), context, java.time.Instant.now())).size();
            }
        }
        double evalSeconds = (System.nanoTime() - e0) / 1e9;
        sampler.interrupt();
        int collected = slices == null ? result.inventory().resourceCount() : slices.resourceCount();
        int accountsScanned = result.accounts().size();
        int errors = slices == null ? result.inventory().errors().size() : slices.errorCount();
        if (slices != null) {
            slices.close();
        }
        // Held after collection: the heap then, less the heap before the scan (the simulated AWS's call log included).
        long retained = withInventory - heapBefore;

        List<String> calls = log.calls();
        double rate = calls.size() / seconds;
        double limit = concurrency * 1000.0 / latencyMs;
        System.out.printf(Locale.ROOT, "%d accounts x %d regions, %d resources, latency %d ms per call, concurrency %d%n",
                accounts, regionCount, resources, latencyMs, concurrency);
        System.out.printf(Locale.ROOT, "wall %.1f s, %,d calls, %.0f calls/s = %.0f%% of the limit %.0f calls/s (concurrency / latency)%n",
                seconds, calls.size(), rate, 100 * rate / limit, limit);
        System.out.printf(Locale.ROOT, "inventory (%s): %,d resources collected, %d errors; peak heap while collecting %d MB "
                        + "(before %d MB); held after collection %.1f MB%n", sliced ? "account by account" : "whole",
                collected, errors, collectPeak >> 20, heapBefore >> 20, retained / 1048576.0);
        System.out.printf(Locale.ROOT, "evaluation: %,d findings in %.1f s, peak heap %d MB%n", findings, evalSeconds, peak.get() >> 20);
        Map<String, Integer> byService = new TreeMap<>();
        calls.forEach(c -> byService.merge(c.substring(0, c.indexOf(':')), 1, Integer::sum));
        Map<String, Integer> perService = Map.of("S3", 15 * accounts, "Kms", 5 * regionCount * accounts, "Ec2", 7 * regionCount * accounts);
        List<String> lines = new ArrayList<>();
        byService.forEach((service, n) -> lines.add(String.format(Locale.ROOT, "  %-16s %,8d calls%s", service, n,
                perService.containsKey(service) ? String.format(Locale.ROOT, "  (%.2f per resource of the service)",
                        (double) n / perService.get(service)) : "")));
        lines.forEach(System.out::println);
        long organizationsCalls = byService.getOrDefault("Organizations", 0);
        System.out.printf(Locale.ROOT, "walk: %.1f s of %.1f s (%.0f%%), %,d Organizations calls served (%.2f per account)%n",
                walkSeconds, seconds, 100 * walkSeconds / seconds, organizationsCalls, (double) organizationsCalls / accounts);
        if (throttling != null) {
            System.out.printf(Locale.ROOT, "throttling (%s retries): %.0f%% at random%s; %,d attempts (%,d to Organizations), %,d throttled, "
                            + "%,d gave up past %d attempts; %.0f s waited in backoff and rate limits, all callers together%n",
                    opts.getOrDefault("retry-mode", "adaptive"), 100 * throttle, orgRate > 0 ? String.format(Locale.ROOT, ", Organizations limited to %.0f calls/s", orgRate) : "",
                    throttling.attempts(), throttling.attempts("Organizations"), throttling.throttled(), throttling.gaveUp(),
                    RetryPolicy.defaults().maxAttempts(), throttling.waited().toNanos() / 1e9);
        }
    }
}
