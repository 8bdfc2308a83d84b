package io.atrest.scanner.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.check.Evaluator;
import io.atrest.scanner.check.Finding;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.fake.FakeOrganization;
import io.atrest.scanner.fake.FakeStores;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.sink.InMemorySink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * The calls a scan makes on each resource, measured: one account with a resource of every type
 * is scanned over the fakes (which answer as the AWS APIs do), and every call naming a resource
 * is counted against that resource's type. The table in docs/api-calls.md is this measurement;
 * run with {@code -Datrest.docs.write=true} to rewrite it after a collector changes.
 */
class CallsPerResourceTest {
    static final String BEGIN = "<!-- calls per resource: measured by CallsPerResourceTest; do not edit by hand -->";
    static final String END = "<!-- end of calls per resource -->";
    private static final Path DOC = Path.of("..", "docs", "api-calls.md");
    private static final String ACCOUNT = "111122223333";

    @Test
    void theTableOfCallsPerResourceIsWhatAScanMakes() throws Exception {
        String table = measure();
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/api-calls.md has no measured table between its markers").isNotNegative();
        String updated = doc.substring(0, begin) + BEGIN + "\n" + table + END + doc.substring(end + END.length());
        if (Boolean.getBoolean("atrest.docs.write")) {
            Files.writeString(DOC, updated);
        }
        assertThat(doc).as("docs/api-calls.md is stale: run CallsPerResourceTest with -Datrest.docs.write=true").isEqualTo(updated);
    }

    @Test
    void aBucketCostsFiveCallsWhereBlockPublicAccessIgnoresAclsAndSixOtherwise() {
        Map<String, Long> perBucket = new TreeMap<>();
        CallLog log = new CallLog();
        scan(log);
        perBucket.put("guarded", (long) log.callsOn("arn:aws:s3:::guarded-" + ACCOUNT).size());
        perBucket.put("open", (long) log.callsOn("arn:aws:s3:::open-" + ACCOUNT).size());
        assertThat(perBucket).containsEntry("guarded", 5L).containsEntry("open", 6L);
    }

    private static Inventory scan(CallLog log) {
        FakeOrganization organization = new FakeOrganization(ACCOUNT, log, 50)
                .account(ACCOUNT, "measured", "ACTIVE", FakeOrganization.ROOT, Map.of());
        FakeAccount account = new FakeAccount(ACCOUNT);
        account.enabledRegions.clear();
        account.enabledRegions.add("us-east-1");
        account.bucket("guarded-" + ACCOUNT, "us-east-1").blockAll();
        account.bucket("open-" + ACCOUNT, "us-east-1");
        account.key("us-east-1", "k1").alias("alias/app");
        account.in("us-east-1").volumes.add(Volume.builder().volumeId("vol-1").encrypted(true).size(10).state("in-use").build());
        account.in("us-east-1").snapshots.add(Snapshot.builder().snapshotId("snap-1").encrypted(true).volumeSize(10).build());
        FakeStores.seedEveryKindApart(account, "us-east-1", "measured");
        InMemorySink sink = new InMemorySink();
        new OrganizationScanner(organization, ACCOUNT, id -> new FakeAccountClients(account, log, 50), "us-east-1",
                new ScanOptions(Set.of(), Set.of(), List.of("us-east-1"), 4))
                .scan(Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC), sink);
        return sink.whole();
    }

    /** One row per resource type that calls name: the calls per resource and which they are. */
    private static String measure() {
        CallLog log = new CallLog();
        Inventory inventory = scan(log);
        List<Finding> findings = new Evaluator(CheckCatalog.standard(), ClassificationPolicy.defaults())
                .evaluate(inventory, Instant.parse("2026-12-05T03:00:00Z"));
        // A call names its resource as the API does: by ARN, by name, by id, or (SQS) by URL.
        Map<String, io.atrest.scanner.check.ResourceRef> byIdentifier = new java.util.HashMap<>();
        for (Finding f : findings) {
            io.atrest.scanner.check.ResourceRef r = f.resource();
            byIdentifier.putIfAbsent(r.arn(), r);
            byIdentifier.putIfAbsent(r.arn().substring(Math.max(r.arn().lastIndexOf('/'), r.arn().lastIndexOf(':')) + 1), r);
            if (r.name() != null) {
                byIdentifier.putIfAbsent(r.name(), r);
            }
        }
        Map<String, TreeMap<String, Integer>> perType = new TreeMap<>();
        Map<String, Set<String>> resources = new TreeMap<>();
        for (String[] call : log.resourceCalls()) {
            String id = call[1];
            io.atrest.scanner.check.ResourceRef r = byIdentifier.getOrDefault(id, byIdentifier.get(id.substring(id.lastIndexOf('/') + 1)));
            if (r == null || r.type().name().equals("AwsAccount")) {
                continue; // an account's settings and listings: the tables above count those
            }
            resources.computeIfAbsent(r.type().name(), k -> new TreeSet<>()).add(r.arn());
            perType.computeIfAbsent(r.type().name(), k -> new TreeMap<>()).merge(call[0], 1, Integer::sum);
        }
        StringBuilder md = new StringBuilder("\n| resource type | calls per resource | which |\n|---|---|---|\n");
        perType.forEach((type, counts) -> {
            int n = resources.get(type).size();
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            md.append("| ").append(type).append(" | ").append(String.format(java.util.Locale.ROOT, total % n == 0 ? "%.0f" : "%.1f", (double) total / n))
                    .append(" | ").append(counts.entrySet().stream()
                            .map(e -> "`" + e.getKey().replace(':', ' ').split(" ")[1] + "`" + (e.getValue() == n ? "" : " (" + e.getValue() + " on " + n + ")"))
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        });
        return md.append('\n').toString();
    }
}
