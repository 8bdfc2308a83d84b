package io.atrest.scanner.check.dynamodb;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.LevelDemandCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.DynamoTable;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Level;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Deletion protection is on for tables whose level demands it. */
public final class DynamoDeletionProtection extends LevelDemandCheck<DynamoTable> {

    public static final CheckInfo INFO = CheckInfo.builder("dynamodb-deletion-protection")
            .title("DynamoDB deletion protection is on where the classification demands it")
            .resourceType(ResourceType.AwsDynamoDbTable)
            .severity(Severity.LOW)
            .passesWhen("Deletion protection is enabled on tables whose level requires it.")
            .rationale("A table with deletion protection cannot be dropped by a mistaken script or console click.")
            .remediation("DynamoDB console > table > Additional settings > Deletion protection > Turn on.",
                    "aws dynamodb update-table --table-name <table> --deletion-protection-enabled")
            .mappedTo("FSBP DynamoDB.6", "Prowler dynamodb_table_deletion_protection_enabled")
            .build();

    public DynamoDeletionProtection() {
        super(Level::requireDeletionProtection, "it");
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<DynamoTable> stores(Inventory inventory) {
        return inventory.dynamoTables();
    }

    @Override
    protected Verdict judge(DynamoTable table, Level level, Evaluation evaluation) {
        return table.deletionProtection()
                ? Verdict.pass("deletion protection on").with("deletionProtection", true)
                : Verdict.fail("deletion protection off on a " + level.name() + " table").with("deletionProtection", false);
    }
}
