package io.atrest.scanner.check.kms;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.iam.KeyPolicyAnalysis;
import io.atrest.scanner.iam.KmsActions;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Only the account root (the delegation to IAM) holds every KMS action; no wildcard principal
 * gets administration, even within the account.
 */
public final class KmsPolicyLeastPrivilege extends KeyPolicyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("kms-policy-least-privilege")
            .title("KMS key policies give kms:* to nobody but the account root")
            .resourceType(ResourceType.AwsKmsKey)
            .severity(Severity.HIGH)
            .passesWhen("No principal other than the account root is allowed every KMS action, and no wildcard principal (even "
                    + "narrowed to the account) is allowed any administration action.")
            .rationale("kms:* on a role lets it rewrite the key policy, disable or delete the key: one compromised role then owns "
                    + "the data. Grants should name what each principal does.")
            .remediation("KMS console > key > Key policy > Edit: replace kms:* for roles with the actions they use (for example "
                            + "Encrypt, Decrypt, GenerateDataKey* for applications; Create*, Describe*, Enable*, List*, Put*, "
                            + "Update*, Revoke*, Disable*, Get*, Delete*, ScheduleKeyDeletion, CancelKeyDeletion for administrators).",
                    "aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://key-policy.json")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judgePolicy(KmsKey key, PolicyDocument policy, Evaluation evaluation) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, KmsActions> grant : KeyPolicyAnalysis.grantsToPrincipals(policy, key.accountId(), key.arn()).entrySet()) {
            if (grant.getValue().containsAll(KmsActions.ALL)) {
                problems.add(grant.getKey() + " has kms:*");
            } else if (grant.getKey().equals("*") && grant.getValue().containsAny(KeyPolicyAnalysis.ADMIN)) {
                problems.add("* may administer the key");
            }
        }
        return problems.isEmpty()
                ? Verdict.pass("only the account root holds every action")
                : Verdict.fail(String.join("; ", problems)).with("principals", problems);
    }
}
