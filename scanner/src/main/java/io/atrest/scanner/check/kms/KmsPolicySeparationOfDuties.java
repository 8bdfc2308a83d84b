package io.atrest.scanner.check.kms;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.iam.KeyPolicyAnalysis;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.Severity;
import java.util.List;
import java.util.Map;

/** No principal but the root both administers the key and uses it on data. */
public final class KmsPolicySeparationOfDuties extends KeyPolicyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("kms-policy-separation-of-duties")
            .title("KMS key administrators and key users are different principals")
            .resourceType(ResourceType.AwsKmsKey)
            .severity(Severity.MEDIUM)
            .passesWhen("No principal other than the account root holds both administration actions (Put*, Create*, Delete*, Disable*, "
                    + "Enable*, ScheduleKeyDeletion, CancelKeyDeletion, Update*, TagResource, ...) and cryptographic use "
                    + "(Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*, ...).")
            .rationale("Whoever can both change the key's policy and decrypt with it can grant themselves any data and hide it; "
                    + "splitting the roles means two people must collude.")
            .remediation("KMS console > key > Key policy > Edit: give administrators the administration actions and "
                            + "applications the cryptographic ones, in separate statements for separate roles.",
                    "aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://key-policy.json")
            .mappedTo("PaladinCloud")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judgePolicy(KmsKey key, PolicyDocument policy, Evaluation evaluation) {
        List<String> both = KeyPolicyAnalysis.grantsToPrincipals(policy, key.accountId(), key.arn()).entrySet().stream()
                .filter(g -> g.getValue().containsAny(KeyPolicyAnalysis.ADMIN) && g.getValue().containsAny(KeyPolicyAnalysis.CRYPTO))
                .map(Map.Entry::getKey)
                .toList();
        return both.isEmpty()
                ? Verdict.pass("administration and use are held by different principals")
                : Verdict.fail(both.size() + " principal(s) both administer and use the key").with("principals", both);
    }
}
