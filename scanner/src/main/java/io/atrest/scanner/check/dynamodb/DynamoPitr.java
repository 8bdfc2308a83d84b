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

/** Point-in-time recovery is on for tables whose level demands it. */
public final class DynamoPitr extends LevelDemandCheck<DynamoTable> {

    public static final CheckInfo INFO = CheckInfo.builder("dynamodb-pitr")
            .title("DynamoDB point-in-time recovery is on where the classification demands it")
            .resourceType(ResourceType.AwsDynamoDbTable)
            .severity(Severity.MEDIUM)
            .passesWhen("Point-in-time recovery is enabled on tables whose level requires it.")
            .rationale("PITR restores the table to any second of the last 35 days: a bad deployment or a malicious bulk delete is "
                    + "recoverable without a prepared backup.")
            .remediation("DynamoDB console > table > Backups > Point-in-time recovery > Edit > Turn on.",
                    "aws dynamodb update-continuous-backups --table-name <table> --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true")
            .mappedTo("FSBP DynamoDB.2", "Config dynamodb-pitr-enabled", "Prowler dynamodb_tables_pitr_enabled")
            .build();

    public DynamoPitr() {
        super(Level::requirePointInTimeRecovery, "it");
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
        if (!table.pointInTimeRecovery().isKnown()) {
            return Verdict.notEvaluated(table.pointInTimeRecovery().error());
        }
        return Boolean.TRUE.equals(table.pointInTimeRecovery().value())
                ? Verdict.pass("point-in-time recovery on").with("pitr", true)
                : Verdict.fail("point-in-time recovery off on a " + level.name() + " table").with("pitr", false).with("level", level.name());
    }
}
