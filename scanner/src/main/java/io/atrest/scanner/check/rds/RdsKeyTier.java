package io.atrest.scanner.check.rds;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Inventory;

import io.atrest.scanner.policy.Severity;
import java.util.List;

/** RDS storage uses the key tier its classification demands: the key's tier, from its DescribeKey record, meets the minimum of the data's level. */
public final class RdsKeyTier extends KeyTierCheck<DataStore> {

    public static final CheckInfo INFO = CheckInfo.builder("rds-key-tier")
            .title("RDS storage uses the key tier its classification demands")
            .resourceType(ResourceType.AwsRdsDbCluster)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts it (none < provider-owned < AWS-managed KMS < customer-managed KMS) meets the "
                    + "minimum the policy sets for its classification level.")
            .rationale("A database of sensitive data needs a key whose policy decides who may decrypt, rotate or destroy it.")
            .remediation("Snapshot the database, copy the snapshot with a customer-managed key of the right level, and restore from the copy.",
                    "aws rds copy-db-snapshot --source-db-snapshot-identifier <snap> --target-db-snapshot-identifier <snap>-cmk --kms-key-id <key-arn>")
            .mappedTo("Steampipe rds_db_cluster_encrypted_with_cmk")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<DataStore> stores(Inventory inventory) {
        return java.util.stream.Stream.concat(inventory.rdsClusters().stream(), inventory.rdsInstances().stream().filter(i -> i.clusterIdentifier() == null)).map(s -> (DataStore) s).toList();
    }
}
