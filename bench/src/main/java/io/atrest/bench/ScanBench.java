package io.atrest.bench;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.fake.FakeOrganization;
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
 * <p>{@code ScanBench --accounts 200 --regions 3 --latency-ms 50 --concurrency 32}
 */
public final class ScanBench {
    private static final String MANAGEMENT = "100000000000";
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2", "eu-central-1", "us-west-2");

    private ScanBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int accounts = Integer.parseInt(opts.getOrDefault("accounts", "200"));
        int regionCount = Integer.parseInt(opts.getOrDefault("regions", "3"));
        int latencyMs = Integer.parseInt(opts.getOrDefault("latency-ms", "50"));
        int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "32"));
        List<String> regions = REGIONS.subList(0, regionCount);

        CallLog log = new CallLog().latency(Duration.ofMillis(latencyMs));
        FakeOrganization organization = new FakeOrganization(MANAGEMENT, log, 20);
        Map<String, FakeAccount> world = new HashMap<>();
        int resources = 0;
        for (int a = 0; a < accounts; a++) {
            String id = Long.toString(Long.parseLong(MANAGEMENT) + a);
            organization.account(id, "account-" + a, "ACTIVE", FakeOrganization.ROOT, Map.of());
            FakeAccount account = new FakeAccount(id);
            account.enabledRegions.clear();
            account.enabledRegions.addAll(regions);
            for (int b = 0; b < 15; b++) {
                account.bucket("bench-" + id + "-" + b, regions.get(b % regions.size())).versioning("Enabled");
                resources++;
            }
            for (String region : regions) {
                for (int k = 0; k < 5; k++) {
                    account.key(region, "key-" + k).rotation = true;
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
        ScanResult result = new OrganizationScanner(organization, MANAGEMENT, access, "us-east-1", options).scan(Clock.systemUTC());
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();

        List<String> calls = log.calls();
        double rate = calls.size() / seconds;
        double limit = concurrency * 1000.0 / latencyMs;
        System.out.printf(Locale.ROOT, "%d accounts x %d regions, %d resources, latency %d ms per call, concurrency %d%n",
                accounts, regionCount, resources, latencyMs, concurrency);
        System.out.printf(Locale.ROOT, "wall %.1f s, %,d calls, %.0f calls/s = %.0f%% of the limit %.0f calls/s (concurrency / latency)%n",
                seconds, calls.size(), rate, 100 * rate / limit, limit);
        System.out.printf(Locale.ROOT, "inventory: %,d resources collected, %d errors; peak heap %d MB (before %d MB)%n",
                result.inventory().resourceCount(), result.inventory().errors().size(), peak.get() >> 20, heapBefore >> 20);
        Map<String, Integer> byService = new TreeMap<>();
        calls.forEach(c -> byService.merge(c.substring(0, c.indexOf(':')), 1, Integer::sum));
        Map<String, Integer> perService = Map.of("S3", 15 * accounts, "Kms", 5 * regionCount * accounts, "Ec2", 7 * regionCount * accounts);
        List<String> lines = new ArrayList<>();
        byService.forEach((service, n) -> lines.add(String.format(Locale.ROOT, "  %-16s %,8d calls%s", service, n,
                perService.containsKey(service) ? String.format(Locale.ROOT, "  (%.2f per resource of the service)",
                        (double) n / perService.get(service)) : "")));
        lines.forEach(System.out::println);
    }
}
