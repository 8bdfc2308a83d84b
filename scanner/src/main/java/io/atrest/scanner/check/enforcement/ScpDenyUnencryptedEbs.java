package io.atrest.scanner.check.enforcement;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Remediation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.iam.Statement;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** An SCP denies creating unencrypted EBS volumes. */
public final class ScpDenyUnencryptedEbs extends ScpCheck {

    public static final CheckInfo INFO = new CheckInfo(
            "scp-deny-unencrypted-ebs",
            "An SCP denies creating unencrypted EBS volumes",
            ResourceType.AwsAccount,
            Severity.LOW,
            false,
            "A service control policy attached to the account, its OUs or the root denies ec2:CreateVolume when ec2:Encrypted is false, "
                    + "with a Resource covering volumes. Not applicable in the management account: SCPs never bind its users and roles.",
            "Preventive: no role in the account, however privileged, can create an unencrypted disk.",
            new Remediation(
                    "Organizations console > Policies > Service control policies > Create: Deny ec2:CreateVolume with Condition Bool ec2:Encrypted = false; attach to the root or the OUs.",
                    "aws organizations create-policy --type SERVICE_CONTROL_POLICY --name <name> --content file://scp.json "
                            + "&& aws organizations attach-policy --policy-id <policy-id> --target-id <root-or-ou-id>"),
            List.of());

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected String what() {
        return "ec2:CreateVolume without encryption";
    }

    @Override
    protected List<String> createdResources(String partition, String accountId) {
        return List.of("arn:" + partition + ":ec2:us-east-1:" + accountId + ":volume/vol-0atrest000000000");
    }

    @Override
    protected boolean denies(Statement s) {
        return appliesToAll(s) && s.coversAction("ec2:CreateVolume") && whenFalse(s, "ec2:Encrypted");
    }
}
