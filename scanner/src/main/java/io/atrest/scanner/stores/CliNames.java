package io.atrest.scanner.stores;

import io.atrest.scanner.check.CliName;
import io.atrest.scanner.check.CliName.Form;
import io.atrest.scanner.check.ResourceType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Which placeholder names a resource of each type in the fixes' commands: the kinds of store declare theirs, the rest are here. */
public final class CliNames {
    private static final Map<String, CliName> BY_TYPE = byType();

    private CliNames() {}

    public static Optional<CliName> of(String resourceType) {
        return Optional.ofNullable(resourceType).map(BY_TYPE::get);
    }

    private static Map<String, CliName> byType() {
        Map<String, CliName> names = new HashMap<>();
        names.put(ResourceType.AwsS3Bucket.name(), CliName.of("bucket", Form.NAME));
        names.put(ResourceType.AwsEc2Volume.name(), CliName.of("volume-id", Form.ID));
        // On a snapshot <snap> is the snapshot itself; on a volume or database it is the one the fix takes first.
        names.put(ResourceType.AwsEc2Snapshot.name(), CliName.of("snap", Form.ID));
        names.put(ResourceType.AwsRdsDbSnapshot.name(), CliName.of("snap", Form.ID));
        names.put(ResourceType.AwsRdsDbClusterSnapshot.name(), CliName.of("snap", Form.ID));
        names.put(ResourceType.AwsRdsDbInstance.name(), CliName.of("db", Form.ID));
        names.put(ResourceType.AwsDynamoDbTable.name(), CliName.of("table", Form.ID));
        names.put(ResourceType.AwsEfsFileSystem.name(), CliName.of("fs-id", Form.ID));
        names.put(ResourceType.AwsKmsKey.name(), CliName.of("key-id", Form.ID));
        names.put(ResourceType.AwsCloudTrailTrail.name(), CliName.of("trail", Form.NAME));
        names.put(ResourceType.AwsIamPolicy.name(), CliName.of("policy-arn", Form.ARN));
        names.put(ResourceType.AwsEc2Vpc.name(), CliName.of("vpc-id", Form.ID));
        for (StoreKind<?> kind : StoreKinds.ALL) {
            kind.cliName().ifPresent(name -> names.put(kind.type().name(), name));
        }
        return Map.copyOf(names);
    }
}
