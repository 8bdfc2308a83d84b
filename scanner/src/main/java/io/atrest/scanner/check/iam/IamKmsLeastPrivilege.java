package io.atrest.scanner.check.iam;

import io.atrest.scanner.access.IdentityPolicy;
import io.atrest.scanner.access.KeyAccess;
import io.atrest.scanner.access.KeyCapability;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.IdentityPolicyCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.iam.KeyPolicyAnalysis;
import io.atrest.scanner.iam.KmsActions;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.iam.PolicyParseException;
import io.atrest.scanner.iam.Statement;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.Level;
import io.atrest.scanner.policy.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Customer-written identity policies grant KMS only what is needed, on named keys: none allows
 * kms:* (or "*"), or decrypt-class actions on every key, to a principal that can reach a key
 * protecting data whose level demands least privilege. One finding per inline or customer-managed
 * policy that allows that much; a policy that names its keys gives none: hundreds of narrow
 * policies per account would otherwise outweigh the account's data stores in its score.
 */
public final class IamKmsLeastPrivilege extends IdentityPolicyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("iam-kms-least-privilege")
            .title("Identity policies grant KMS only the actions needed, on named keys")
            .resourceType(ResourceType.AwsIamPolicy)
            .severity(Severity.HIGH)
            .passesWhen("No inline or customer-managed identity policy that applies to a user or role able to reach a customer key "
                    + "protecting data whose level sets leastPrivilegeKeyAccess allows kms:* (or \"*\"), or kms:Decrypt, "
                    + "kms:ReEncryptFrom or kms:CreateGrant on every key (Resource \"*\", a key/* pattern, or NotResource). A "
                    + "principal reaches a key when the key's effective access lists it for any use. AWS-managed policies are left "
                    + "out: AWS writes them. Only such broad policies are findings (a policy naming its keys is none): FAIL when one "
                    + "of its holders reaches such a key, PASS when none does. Not evaluated for an account whose identity policies "
                    + "could not be read.")
            .rationale("A policy that allows every KMS action, or decryption with every key, gives its holders each new key the "
                    + "account creates, without anyone deciding it; least privilege names the actions and the keys.")
            .remediation("IAM console > Policies (or the role's inline policy) > Edit: replace kms:* with the actions the workload "
                            + "calls, and Resource \"*\" with the ARNs of the keys it uses.",
                    "aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://narrowed.json --set-as-default")
            .build();

    /** Decrypt-class actions: what reads data already written under a key. */
    private static final KmsActions DECRYPT_CLASS = KeyCapability.DECRYPT.actions();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Function<IdentityPolicy, Optional<Verdict>> judgeAccount(String accountId, Evaluation evaluation) {
        Reach reach = Reach.of(accountId, evaluation);
        return policy -> policy.customerWritten() && policy.document() != null ? judge(policy, reach) : Optional.empty();
    }

    /** The verdict on one policy; empty for a policy that allows KMS on named keys only, or not at all. */
    private static Optional<Verdict> judge(IdentityPolicy policy, Reach reach) {
        List<Statement> statements;
        try {
            statements = PolicyDocument.parse(policy.document()).statements();
        } catch (PolicyParseException e) {
            return Optional.of(Verdict.notEvaluated(ErrorReason.API_ERROR, "iam:GetAccountAuthorizationDetails",
                    "policy could not be analysed: " + e.getMessage()));
        }
        List<String> broad = new ArrayList<>();
        for (Statement s : statements) {
            KmsActions actions = KeyPolicyAnalysis.actionsOf(s);
            if (!s.allow() || actions.isEmpty()) {
                continue;
            }
            if (actions.containsAll(KmsActions.ALL)) {
                broad.add(s.label() + ": every KMS action" + conditions(s));
            } else if (actions.containsAny(DECRYPT_CLASS) && everyKey(s)) {
                broad.add(s.label() + ": " + actions.names().stream().filter(DECRYPT_CLASS::contains).toList() + " on every key" + conditions(s));
            }
        }
        if (broad.isEmpty()) {
            return Optional.empty(); // KMS on named keys only, or none: nothing to judge, and no pass to weigh in the score
        }
        List<String> reaching = policy.holders().stream().filter(reach::reaches).toList();
        if (!reaching.isEmpty()) {
            return Optional.of(Verdict.fail("allows " + String.join("; ", broad) + " to principals that reach keys of sensitive data")
                    .with("statements", broad).with("principals", reaching).with("keys", reach.keysReachedBy(reaching)));
        }
        if (reach.gap() != null) {
            return Optional.of(Verdict.notEvaluated(reach.gap()));
        }
        return Optional.of(Verdict.pass("broad, but none of its principals reaches a key of data that demands least privilege")
                .with("statements", broad).with("principals", policy.holders()));
    }

    private static String conditions(Statement s) {
        return s.conditions().isEmpty() ? "" : " (with conditions on " + s.conditions().stream().map(c -> c.key()).distinct().toList() + ")";
    }

    /**
     * Whether the statement's Resource takes in every key rather than named ones: "*", a pattern
     * whose key id is a wildcard (key/*), a service-wide wildcard, or NotResource.
     */
    static boolean everyKey(Statement s) {
        if (s.notResource()) {
            return true;
        }
        for (String resource : s.resources()) {
            String[] parts = resource.split(":", 6);
            String tail = parts.length == 6 ? parts[5] : resource;
            if (resource.equals("*") || parts.length < 6 && resource.contains("*")
                    || (tail.startsWith("key/") || tail.startsWith("*")) && (tail.contains("*") || tail.contains("?"))) {
                return true;
            }
        }
        return false;
    }

    /** Which principals of an account reach a customer key of data that demands least privilege. */
    private record Reach(List<KeyAccess> sensitive, CollectionError gap) {

        static Reach of(String accountId, Evaluation evaluation) {
            List<KeyAccess> sensitive = new ArrayList<>();
            CollectionError gap = null;
            for (KmsKey key : evaluation.inventory().keys()) {
                Optional<Level> level = evaluation.highestLevelProtectedBy(key);
                if (!key.customerManaged() || !key.accountId().equals(accountId) || level.isEmpty()
                        || !level.get().keyAccess().leastPrivilege()) {
                    continue;
                }
                Optional<KeyAccess> access = evaluation.keyAccess(key);
                if (access.isPresent()) {
                    sensitive.add(access.get());
                    gap = gap != null ? gap : access.get().gap();
                } else if (gap == null) {
                    gap = key.policy().isKnown() ? new CollectionError(accountId, key.region(), "kms", "GetKeyPolicy", ErrorReason.API_ERROR,
                            "Unparsable", "the key policy of " + key.arn() + " could not be analysed", key.arn()) : key.policy().error();
                }
            }
            return new Reach(sensitive, gap);
        }

        boolean reaches(String principal) {
            return sensitive.stream().anyMatch(a -> a.reaches(principal));
        }

        List<String> keysReachedBy(List<String> principals) {
            Set<String> keys = new LinkedHashSet<>();
            for (KeyAccess access : sensitive) {
                if (principals.stream().anyMatch(access::reaches)) {
                    keys.add(access.keyArn());
                }
            }
            return List.copyOf(keys);
        }
    }
}
