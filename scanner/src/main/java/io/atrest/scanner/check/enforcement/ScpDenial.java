package io.atrest.scanner.check.enforcement;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/**
 * What one SCP check looks for, as data: a Deny, on every principal, of {@code actions}, either
 * when {@code unencryptedKey} is "false" (the request does not encrypt) or, with no key, without
 * any condition; its Resource must cover each of {@code createdResources} (ARN templates with
 * {partition} and {account}, standing for what the denied call creates in the account).
 *
 * @param what how findings name the denied calls
 */
public record ScpDenial(CheckInfo info, String what, List<String> actions, String unencryptedKey, List<String> createdResources) {

    public ScpDenial {
        actions = List.copyOf(actions);
        createdResources = List.copyOf(createdResources);
    }

    private static final CheckInfo EBS_INFO = CheckInfo.builder("scp-deny-unencrypted-ebs")
            .title("An SCP denies creating unencrypted EBS volumes")
            .resourceType(ResourceType.AwsAccount)
            .severity(Severity.LOW)
            .passesWhen("A service control policy attached to the account, its OUs or the root denies ec2:CreateVolume when ec2:Encrypted is false, "
                    + "with a Resource covering volumes. Not applicable in the management account: SCPs never bind its users and roles.")
            .rationale("Preventive: no role in the account, however privileged, can create an unencrypted disk.")
            .remediation("Organizations console > Policies > Service control policies > Create: Deny ec2:CreateVolume with Condition Bool ec2:Encrypted = false; attach to the root or the OUs.",
                    "aws organizations create-policy --type SERVICE_CONTROL_POLICY --name <name> --content file://scp.json "
                    + "&& aws organizations attach-policy --policy-id <policy-id> --target-id <root-or-ou-id>")
            .build();

    private static final CheckInfo RDS_INFO = CheckInfo.builder("scp-deny-unencrypted-rds")
            .title("An SCP denies creating unencrypted RDS databases")
            .resourceType(ResourceType.AwsAccount)
            .severity(Severity.LOW)
            .passesWhen("A service control policy on the account's path denies rds:CreateDBInstance and rds:CreateDBCluster when rds:StorageEncrypted "
                    + "is false, with a Resource covering databases and clusters. Not applicable in the management account, which SCPs never bind.")
            .rationale("Preventive: databases can only be created encrypted, because encryption cannot be added later.")
            .remediation("Organizations console > Service control policies > Create: Deny rds:CreateDBInstance and rds:CreateDBCluster with Condition Bool rds:StorageEncrypted = false; attach it.",
                    "aws organizations create-policy --type SERVICE_CONTROL_POLICY --name <name> --content file://scp.json "
                    + "&& aws organizations attach-policy --policy-id <policy-id> --target-id <root-or-ou-id>")
            .build();

    private static final CheckInfo DEFAULT_INFO = CheckInfo.builder("scp-protect-ebs-default-encryption")
            .title("An SCP protects EBS encryption by default")
            .resourceType(ResourceType.AwsAccount)
            .severity(Severity.LOW)
            .passesWhen("A service control policy on the account's path denies ec2:DisableEbsEncryptionByDefault without conditions. Not applicable "
                    + "in the management account, which SCPs never bind.")
            .rationale("Keeps encryption by default from being switched off, by anyone, in any region.")
            .remediation("Organizations console > Service control policies > Create: Deny ec2:DisableEbsEncryptionByDefault on *; attach to the root.",
                    "aws organizations create-policy --type SERVICE_CONTROL_POLICY --name <name> --content file://scp.json "
                    + "&& aws organizations attach-policy --policy-id <policy-id> --target-id <root-or-ou-id>")
            .build();

    /** An SCP denies creating unencrypted EBS volumes. */
    public static final ScpDenial UNENCRYPTED_EBS = new ScpDenial(
            EBS_INFO,
            "ec2:CreateVolume without encryption",
            List.of("ec2:CreateVolume"),
            "ec2:Encrypted",
            List.of("arn:{partition}:ec2:us-east-1:{account}:volume/vol-0atrest000000000"));

    /** An SCP denies creating unencrypted RDS instances and clusters. */
    public static final ScpDenial UNENCRYPTED_RDS = new ScpDenial(
            RDS_INFO,
            "rds:CreateDBInstance / CreateDBCluster without storage encryption",
            List.of("rds:CreateDBInstance", "rds:CreateDBCluster"),
            "rds:StorageEncrypted",
            List.of("arn:{partition}:rds:us-east-1:{account}:db:atrest-db", "arn:{partition}:rds:us-east-1:{account}:cluster:atrest-cluster"));

    /** An SCP protects EBS encryption by default: no one may turn it off. */
    public static final ScpDenial EBS_DEFAULT_ENCRYPTION_OFF = new ScpDenial(
            DEFAULT_INFO,
            "ec2:DisableEbsEncryptionByDefault",
            List.of("ec2:DisableEbsEncryptionByDefault"),
            null,
            List.of());

    /** Every SCP check, in reference order. */
    public static final List<ScpDenial> ALL = List.of(UNENCRYPTED_EBS, UNENCRYPTED_RDS, EBS_DEFAULT_ENCRYPTION_OFF);

    /** The ARNs the denied calls create in an account of {@code partition}. */
    List<String> createdResources(String partition, String accountId) {
        return createdResources.stream().map(t -> t.replace("{partition}", partition).replace("{account}", accountId)).toList();
    }
}
