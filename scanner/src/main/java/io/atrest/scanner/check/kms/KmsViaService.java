package io.atrest.scanner.check.kms;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Remediation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.iam.KeyPolicyAnalysis;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.iam.Statement;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.Level;
import io.atrest.scanner.policy.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** For levels that demand it, cryptographic use of the key is allowed only through named AWS services (kms:ViaService). */
public final class KmsViaService extends KeyPolicyCheck {

    public static final CheckInfo INFO = new CheckInfo(
            "kms-via-service",
            "Sensitive KMS keys can be used only through named AWS services",
            ResourceType.AwsKmsKey,
            Severity.LOW,
            false,
            "For keys whose data's level demands it, every statement granting cryptographic use to a principal other than "
                    + "the account root carries a kms:ViaService condition naming the services (e.g. s3.eu-west-1.amazonaws.com) that is "
                    + "false for a direct call (the key absent: not IfExists) and for a call through a service it does not name.",
            "A role allowed to decrypt only via S3 cannot call kms:Decrypt directly on ciphertext copied elsewhere: "
                    + "the key works for the application's store and nothing else.",
            new Remediation(
                    "KMS console > key > Key policy > Edit: add Condition {\"StringEquals\": {\"kms:ViaService\": "
                            + "\"s3.<region>.amazonaws.com\"}} to the statements that grant Encrypt, Decrypt and GenerateDataKey*.",
                    "aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://key-policy.json"),
            List.of());

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(KmsKey key, Evaluation evaluation) {
        Verdict skip = skip(key, evaluation);
        if (skip != null) {
            return skip;
        }
        Optional<Level> level = evaluation.highestLevelProtectedBy(key);
        if (level.isEmpty() || !level.get().requireViaService()) {
            return Verdict.notApplicable(level.map(l -> "protects " + l.name() + " data, which does not demand it")
                    .orElse("protects no classified store"));
        }
        PolicyDocument policy = policyOf(key, evaluation);
        List<String> direct = new ArrayList<>();
        for (Statement s : KeyPolicyAnalysis.statementsGranting(policy, key.accountId(), key.arn(), KeyPolicyAnalysis.CRYPTO)) {
            if (!KeyPolicyAnalysis.restrictedToServices(s)) {
                String sid = s.sid() == null ? "(no Sid)" : s.sid();
                if (!direct.contains(sid)) {
                    direct.add(sid);
                }
            }
        }
        return direct.isEmpty()
                ? Verdict.pass("cryptographic use only through named services").with("level", level.get().name())
                : Verdict.fail("direct cryptographic use allowed by " + direct).with("statements", direct).with("level", level.get().name());
    }
}
