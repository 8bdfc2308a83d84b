package io.atrest.scanner.stores;

import io.atrest.scanner.inventory.CollectionError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which failed calls hide which kinds of store: the list calls of every kind, and the collection
 * tasks that find them (a task cut at its deadline leaves all of its kinds unseen). The six
 * original kinds are declared here; every other kind in its {@link StoreKind}.
 */
public final class StoreListings {
    /** The original kinds' list calls. */
    private static final Map<Listing, String> BUILT_IN = Map.ofEntries(
            Map.entry(Listing.of("s3:ListBuckets"), "AwsS3Bucket"),
            Map.entry(Listing.of("kms:ListKeys"), "AwsKmsKey"),
            Map.entry(Listing.of("ec2:DescribeVolumes"), "AwsEc2Volume"),
            Map.entry(Listing.of("ec2:DescribeSnapshots"), "AwsEc2Snapshot"),
            Map.entry(Listing.of("rds:DescribeDBInstances"), "AwsRdsDbInstance"),
            Map.entry(Listing.of("rds:DescribeDBClusters"), "AwsRdsDbCluster"),
            Map.entry(Listing.of("rds:DescribeDBSnapshots"), "AwsRdsDbSnapshot"),
            Map.entry(Listing.of("rds:DescribeDBClusterSnapshots"), "AwsRdsDbClusterSnapshot"),
            Map.entry(Listing.of("dynamodb:ListTables"), "AwsDynamoDbTable"),
            Map.entry(Listing.of("efs:DescribeFileSystems"), "AwsEfsFileSystem"));

    /** The original collection tasks and the kinds each finds. */
    private static final Map<String, Set<String>> BUILT_IN_TASKS = Map.of(
            "s3", Set.of("AwsS3Bucket"),
            "kms", Set.of("AwsKmsKey"),
            "ec2", Set.of("AwsEc2Volume", "AwsEc2Snapshot"),
            "rds", Set.of("AwsRdsDbInstance", "AwsRdsDbCluster", "AwsRdsDbSnapshot", "AwsRdsDbClusterSnapshot"),
            "dynamodb", Set.of("AwsDynamoDbTable"),
            "efs", Set.of("AwsEfsFileSystem"));

    /** A call whose failure hides one store's encryption, though it lists nothing: DynamoDB describes each table. */
    private static final Set<String> PER_STORE_READS = Set.of("dynamodb:DescribeTable");

    private static final Map<Listing, String> LISTINGS = listings();
    private static final Map<String, Set<String>> TASKS = tasks();

    private StoreListings() {}

    private static Map<Listing, String> listings() {
        Map<Listing, String> all = new LinkedHashMap<>(BUILT_IN);
        for (StoreKind<?> kind : StoreKinds.ALL) {
            kind.listings().forEach(l -> all.put(l, kind.type().name()));
        }
        return java.util.Collections.unmodifiableMap(all);
    }

    private static Map<String, Set<String>> tasks() {
        Map<String, Set<String>> all = new LinkedHashMap<>(BUILT_IN_TASKS);
        Map<String, Set<String>> declared = StoreKinds.ALL.stream().collect(Collectors.groupingBy(StoreKind::task,
                Collectors.mapping(k -> k.type().name(), Collectors.toSet())));
        declared.forEach((task, types) -> all.merge(task, types, (a, b) -> {
            Set<String> both = new java.util.HashSet<>(a);
            both.addAll(b);
            return Set.copyOf(both);
        }));
        return Map.copyOf(all);
    }

    /**
     * The kind of store a failed call was listing, or null when it lists none. A listing scoped to
     * what the call asked for ("engine=docdb") wins over the call's unscoped listing: a failed
     * DocumentDB listing hides DocumentDB clusters, not RDS's.
     */
    public static String listedBy(CollectionError error) {
        for (boolean scoped : new boolean[] {true, false}) {
            for (Map.Entry<Listing, String> listing : LISTINGS.entrySet()) {
                if ((listing.getKey().resource() != null) == scoped && listing.getKey().failed(error)) {
                    return listing.getValue();
                }
            }
        }
        return null;
    }

    /** The kinds a collection task finds (none for a task that finds no store). */
    public static Set<String> foundBy(String task) {
        return TASKS.getOrDefault(task, Set.of());
    }

    /**
     * Whether a failed call could hide a store or its encryption, and with it a use of a key: a
     * store listing (not the key listing), a per-store read, or any task cut short.
     */
    public static boolean hidesStores(CollectionError error) {
        String listed = listedBy(error);
        return listed != null && !"AwsKmsKey".equals(listed) || PER_STORE_READS.contains(error.qualifiedOperation())
                || "(all)".equals(error.operation());
    }

    /** Every listing, for the API-call reference. */
    public static List<Listing> all() {
        return List.copyOf(LISTINGS.keySet());
    }
}
