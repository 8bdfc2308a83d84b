package io.atrest.scanner.check.kms;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.iam.KeyPolicyAnalysis;
import io.atrest.scanner.iam.KmsActions;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.iam.Statement;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.Level;
import io.atrest.scanner.policy.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * For keys protecting data whose level demands it, destructive administration (ScheduleKeyDeletion,
 * DisableKey, PutKeyPolicy) is allowed only with MFA: every Allow of them carries Bool
 * aws:MultiFactorAuthPresent "true", or a Deny rejects them when MFA is absent.
 */
public final class KmsPolicyMfaAdmin extends LevelDemandedKeyPolicyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("kms-policy-mfa-admin")
            .title("Destroying or locking a sensitive KMS key requires MFA")
            .resourceType(ResourceType.AwsKmsKey)
            .severity(Severity.MEDIUM)
            .passesWhen("For keys whose data's level demands it, every grant of ScheduleKeyDeletion, DisableKey and PutKeyPolicy to a "
                    + "principal other than the account root requires aws:MultiFactorAuthPresent (Bool \"true\"; BoolIfExists lets "
                    + "long-term access keys in), or a Deny rejects them for every caller without MFA: BoolIfExists \"false\" does, Bool "
                    + "\"false\" misses long-term access keys, whose requests carry no aws:MultiFactorAuthPresent.")
            .rationale("Deleting or disabling a key destroys or freezes every store under it; requiring MFA keeps a stolen access "
                    + "key from doing it.")
            .remediation("KMS console > key > Key policy > Edit: add Condition {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}} "
                            + "to the administrators' statement, or a Deny of the three actions with BoolIfExists "
                            + "aws:MultiFactorAuthPresent = false.",
                    "aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://key-policy.json")
            .build();

    public KmsPolicyMfaAdmin() {
        super(Level::requireMfaKeyAdministration);
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judgeDemanded(KmsKey key, PolicyDocument policy, Level level) {
        List<String> unprotected = new ArrayList<>();
        for (String action : KeyPolicyAnalysis.DESTRUCTIVE.names()) {
            List<String> notDenied = KeyPolicyAnalysis.deniesWithoutMfa(policy, key.arn(), action).undenied().stream()
                    .map(io.atrest.scanner.iam.Denials.Request::description).toList();
            if (notDenied.isEmpty()) {
                continue; // a Deny rejects it for every caller without MFA
            }
            for (Statement s : KeyPolicyAnalysis.statementsGranting(policy, key.accountId(), key.arn(), KmsActions.of(action))) {
                List<String> admitted = KeyPolicyAnalysis.unlessMfa(s).stream().filter(notDenied::contains).toList();
                if (!admitted.isEmpty()) {
                    unprotected.add(action + " via " + s.label() + " for " + String.join(" and ", admitted));
                }
            }
        }
        return unprotected.isEmpty()
                ? Verdict.pass("destructive administration requires MFA")
                : Verdict.fail("destructive administration without MFA: " + unprotected).with("grants", unprotected);
    }
}
