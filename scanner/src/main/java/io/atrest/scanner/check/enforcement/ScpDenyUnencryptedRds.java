package io.atrest.scanner.check.enforcement;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Remediation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.iam.Statement;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** An SCP denies creating unencrypted RDS databases. */
public final class ScpDenyUnencryptedRds extends ScpCheck {

    public static final CheckInfo INFO = new CheckInfo(
            "scp-deny-unencrypted-rds",
            "An SCP denies creating unencrypted RDS databases",
            ResourceType.AwsAccount,
            Severity.LOW,
            false,
            "A service control policy on the account's path denies rds:CreateDBInstance and rds:CreateDBCluster when rds:StorageEncrypted "
                    + "is false, with a Resource covering databases and clusters. Not applicable in the management account, which SCPs never bind.",
            "Preventive: databases can only be created encrypted, because encryption cannot be added later.",
            new Remediation(
                    "Organizations console > Service control policies > Create: Deny rds:CreateDBInstance and rds:CreateDBCluster with Condition Bool rds:StorageEncrypted = false; attach it.",
                    "aws organizations create-policy --type SERVICE_CONTROL_POLICY --name <name> --content file://scp.json "
                            + "&& aws organizations attach-policy --policy-id <policy-id> --target-id <root-or-ou-id>"),
            List.of());

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected String what() {
        return "rds:CreateDBInstance / CreateDBCluster without storage encryption";
    }

    @Override
    protected List<String> createdResources(String partition, String accountId) {
        return List.of("arn:" + partition + ":rds:us-east-1:" + accountId + ":db:atrest-db",
                "arn:" + partition + ":rds:us-east-1:" + accountId + ":cluster:atrest-cluster");
    }

    @Override
    protected boolean denies(Statement s) {
        return appliesToAll(s) && s.coversAction("rds:CreateDBInstance") && s.coversAction("rds:CreateDBCluster") && whenFalse(s, "rds:StorageEncrypted");
    }
}
