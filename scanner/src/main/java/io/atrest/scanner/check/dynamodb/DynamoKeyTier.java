package io.atrest.scanner.check.dynamodb;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.DynamoTable;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** DynamoDB tables use the key tier their classification demands: the key's tier, from its DescribeKey record, meets the minimum of the data's level. */
public final class DynamoKeyTier extends KeyTierCheck<DynamoTable> {

    public static final CheckInfo INFO = CheckInfo.builder("dynamodb-key-tier")
            .title("DynamoDB tables use the key tier their classification demands")
            .resourceType(ResourceType.AwsDynamoDbTable)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts it (none < provider-owned < AWS-managed KMS < customer-managed KMS) meets the "
                    + "minimum the policy sets for its classification level.")
            .rationale("Every table is encrypted, but with the AWS-owned default key the owner cannot see or control its use; sensitive tables need aws/dynamodb or a customer key.")
            .remediation("DynamoDB console > table > Additional settings > Encryption > Manage encryption > Customer managed key (or AWS managed key).",
                    "aws dynamodb update-table --table-name <table> --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=<key-arn>")
            .mappedTo("Config dynamodb-table-encrypted-kms", "Prowler dynamodb_tables_kms_cmk_encryption_enabled")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<DynamoTable> stores(Inventory inventory) {
        return inventory.dynamoTables();
    }
}
