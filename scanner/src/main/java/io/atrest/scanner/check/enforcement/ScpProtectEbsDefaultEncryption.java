package io.atrest.scanner.check.enforcement;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Remediation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.iam.Statement;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** An SCP protects EBS encryption by default. */
public final class ScpProtectEbsDefaultEncryption extends ScpCheck {

    public static final CheckInfo INFO = new CheckInfo(
            "scp-protect-ebs-default-encryption",
            "An SCP protects EBS encryption by default",
            ResourceType.AwsAccount,
            Severity.LOW,
            false,
            "A service control policy on the account's path denies ec2:DisableEbsEncryptionByDefault without conditions. Not applicable "
                    + "in the management account, which SCPs never bind.",
            "Keeps encryption by default from being switched off, by anyone, in any region.",
            new Remediation(
                    "Organizations console > Service control policies > Create: Deny ec2:DisableEbsEncryptionByDefault on *; attach to the root.",
                    "aws organizations create-policy --type SERVICE_CONTROL_POLICY --name <name> --content file://scp.json "
                            + "&& aws organizations attach-policy --policy-id <policy-id> --target-id <root-or-ou-id>"),
            List.of());

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected String what() {
        return "ec2:DisableEbsEncryptionByDefault";
    }

    @Override
    protected boolean denies(Statement s) {
        return appliesToAll(s) && s.coversAction("ec2:DisableEbsEncryptionByDefault") && s.conditions().isEmpty();
    }
}
