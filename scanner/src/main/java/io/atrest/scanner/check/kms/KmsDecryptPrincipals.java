package io.atrest.scanner.check.kms;

import io.atrest.scanner.access.KeyAccess;
import io.atrest.scanner.access.KeyAccessor;
import io.atrest.scanner.access.KeyAccessor.Kind;
import io.atrest.scanner.access.KeyCapability;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.IamPrincipal;
import io.atrest.scanner.policy.KeyAccessRules;
import io.atrest.scanner.policy.Level;
import io.atrest.scanner.policy.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Few principals can decrypt a key protecting sensitive data, and none of them is an IAM user
 * with long-term access keys where the level demands roles: counted on the effective access, not
 * the key policy alone, since a key that delegates to its account lets in whoever its IAM does.
 */
public final class KmsDecryptPrincipals extends KeyAccessCheck {

    public static final CheckInfo INFO = CheckInfo.builder("kms-decrypt-principals")
            .title("Few principals, and no long-term user credentials, can decrypt a key protecting sensitive data")
            .resourceType(ResourceType.AwsKmsKey)
            .severity(Severity.HIGH)
            .passesWhen("For keys whose data's level sets maxDecryptPrincipals, the users, roles, other accounts and \"*\" that can "
                    + "decrypt with the key (kms:Decrypt, kms:ReEncryptFrom, or kms:CreateGrant for themselves; allowed outright or on a "
                    + "condition) number at most that many, counted on the key policy joined with the account's identity policies, "
                    + "permissions boundaries, explicit denies, grants and SCPs. The account's root user and AWS services acting on "
                    + "grants are not counted. Where the level sets decryptByRolesOnly, none of them is an IAM user with an active "
                    + "access key, nor a user of another account. Not evaluated when the account's IAM walk or the key's grants could "
                    + "not be read.")
            .rationale("Every principal that can decrypt is one more set of credentials that reads all the data under the key; a "
                    + "user's access keys never expire, so a leaked one keeps reading until someone notices.")
            .remediation("Narrow the identity policies that allow kms:Decrypt on the key (or on \"*\") to the roles that need it, "
                            + "name them in the key policy instead of delegating to the account, and give people roles with temporary "
                            + "credentials instead of users with access keys.",
                    "aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://key-policy.json")
            .build();

    public KmsDecryptPrincipals() {
        super(KeyAccessRules::judgesDecryptors);
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judgeAccess(KeyAccess access, Level level, Evaluation evaluation) {
        KeyAccessRules rules = level.keyAccess();
        List<KeyAccessor> decryptors = access.with(KeyCapability.DECRYPT).stream().filter(KeyAccessor::counted).toList();
        List<String> problems = new ArrayList<>();
        if (rules.maxDecryptPrincipals() != null && decryptors.size() > rules.maxDecryptPrincipals()) {
            problems.add(decryptors.size() + " principals can decrypt, more than the " + rules.maxDecryptPrincipals() + " the level allows");
        }
        if (decryptors.stream().anyMatch(a -> a.kind() == Kind.ANYONE)) {
            problems.add("any AWS principal whose own account allows it can decrypt");
        }
        List<String> users = new ArrayList<>();
        List<String> unknownKeys = new ArrayList<>();
        if (rules.decryptByRolesOnly()) {
            for (KeyAccessor a : decryptors) {
                if (a.longTermCredentials() || a.kind() == Kind.EXTERNAL && a.principal().contains(":user/")) {
                    users.add(a.principal());
                } else if (a.kind() == Kind.USER && accessKeysUnknown(a.principal(), access.accountId(), evaluation)) {
                    unknownKeys.add(a.principal());
                }
            }
            if (!users.isEmpty()) {
                problems.add(users.size() + " IAM user(s) with long-term credentials can decrypt, where the level demands roles");
            }
        }
        Verdict verdict;
        if (!problems.isEmpty()) {
            verdict = Verdict.fail(String.join("; ", problems));
        } else if (!unknownKeys.isEmpty()) {
            return Verdict.notEvaluated(ErrorReason.API_ERROR, "iam:ListAccessKeys",
                    "whether " + String.join(", ", unknownKeys) + " hold(s) access keys could not be read");
        } else {
            verdict = Verdict.pass(decryptors.size() + " principal(s) can decrypt" + (rules.maxDecryptPrincipals() == null ? ""
                    : ", within the " + rules.maxDecryptPrincipals() + " the level allows"));
        }
        verdict = verdict.with("decryptors", decryptors.stream().map(KeyAccessor::describe).toList()).with("count", decryptors.size());
        if (rules.maxDecryptPrincipals() != null) {
            verdict = verdict.with("maxDecryptPrincipals", rules.maxDecryptPrincipals());
        }
        return users.isEmpty() ? verdict : verdict.with("usersWithAccessKeys", users);
    }

    private static boolean accessKeysUnknown(String arn, String accountId, Evaluation evaluation) {
        Optional<IamPrincipal> user = evaluation.identities(accountId).flatMap(i -> i.principalByArn(arn));
        return user.isPresent() && !user.get().activeAccessKeys().isKnown();
    }
}
