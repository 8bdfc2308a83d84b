package io.atrest.scanner.check.kms;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.iam.PublicAccess;
import io.atrest.scanner.iam.Statement;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** The key policy grants nothing to everyone without a condition that narrows it (kms:CallerAccount, aws:PrincipalOrgID, ...). */
public final class KmsPolicyNotPublic extends KeyPolicyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("kms-policy-not-public")
            .title("KMS key policies grant nothing to everyone")
            .resourceType(ResourceType.AwsKmsKey)
            .severity(Severity.CRITICAL)
            .passesWhen("No Allow statement of the key policy names Principal * (or a NotPrincipal) whose conditions can hold for a caller "
                    + "from outside: an anonymous caller, a role of another account and organization, or a service acting for another "
                    + "account. kms:CallerAccount, kms:ViaService, aws:PrincipalOrgID or aws:SourceVpce with a positive match restrict; "
                    + "IfExists, negated operators, \"*\" or o-* do not.")
            .rationale("A key anyone can use lets anyone decrypt what it protects, wherever the ciphertext travels.")
            .remediation("KMS console > key > Key policy > Edit: replace Principal \"*\" with the accounts or roles that need the "
                            + "key, or add a kms:CallerAccount / aws:PrincipalOrgID condition.",
                    "aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://key-policy.json")
            .mappedTo("FSBP KMS.5", "Prowler kms_key_not_publicly_accessible")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judgePolicy(KmsKey key, PolicyDocument policy, Evaluation evaluation) {
        // A statement whose Resource names another key grants nothing on this one.
        List<Statement> open = PublicAccess.publicGrants(policy).stream()
                .filter(s -> io.atrest.scanner.iam.ResourceScope.exactly(key.arn()).gap(s).isEmpty()).toList();
        return open.isEmpty()
                ? Verdict.pass("no statement grants the key to everyone")
                : Verdict.fail("the key policy grants use to everyone")
                        .with("statements", open.stream().map(Statement::label).toList());
    }
}
