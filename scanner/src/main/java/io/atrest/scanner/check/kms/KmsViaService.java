package io.atrest.scanner.check.kms;

import io.atrest.scanner.check.CheckInfo;
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

/** For levels that demand it, cryptographic use of the key is allowed only through named AWS services (kms:ViaService). */
public final class KmsViaService extends LevelDemandedKeyPolicyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("kms-via-service")
            .title("Sensitive KMS keys can be used only through named AWS services")
            .resourceType(ResourceType.AwsKmsKey)
            .severity(Severity.LOW)
            .passesWhen("For keys whose data's level demands it, every statement granting cryptographic use to a principal other than "
                    + "the account root carries a kms:ViaService condition naming the services (e.g. s3.eu-west-1.amazonaws.com) that is "
                    + "false for a direct call (the key absent: not IfExists) and for a call through a service it does not name.")
            .rationale("A role allowed to decrypt only via S3 cannot call kms:Decrypt directly on ciphertext copied elsewhere: "
                    + "the key works for the application's store and nothing else.")
            .remediation("KMS console > key > Key policy > Edit: add Condition {\"StringEquals\": {\"kms:ViaService\": "
                            + "\"s3.<region>.amazonaws.com\"}} to the statements that grant Encrypt, Decrypt and GenerateDataKey*.",
                    "aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://key-policy.json")
            .build();

    public KmsViaService() {
        super(Level::requireViaService);
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judgeDemanded(KmsKey key, PolicyDocument policy, Level level) {
        List<String> direct = new ArrayList<>();
        for (Statement s : KeyPolicyAnalysis.statementsGranting(policy, key.accountId(), key.arn(), KeyPolicyAnalysis.CRYPTO)) {
            if (!KeyPolicyAnalysis.restrictedToServices(s)) {
                String sid = s.label();
                if (!direct.contains(sid)) {
                    direct.add(sid);
                }
            }
        }
        return direct.isEmpty()
                ? Verdict.pass("cryptographic use only through named services")
                : Verdict.fail("direct cryptographic use allowed by " + direct).with("statements", direct);
    }
}
