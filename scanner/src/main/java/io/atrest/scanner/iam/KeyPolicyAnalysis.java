package io.atrest.scanner.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may do what with a KMS key, from its key policy: action patterns expanded over every KMS
 * action, the account root's delegation to IAM told apart from grants to named principals.
 */
public final class KeyPolicyAnalysis {

    /** Every KMS action, for expanding "kms:*", "kms:Get*" and the like; in alphabetical order. */
    public static final List<String> ALL_ACTIONS = KmsActions.NAMES;

    /** Administration: changing, disabling or destroying the key and who may use it. */
    public static final KmsActions ADMIN = KmsActions.of(
            "CancelKeyDeletion", "CreateAlias", "CreateGrant", "DeleteAlias", "DeleteImportedKeyMaterial", "DisableKey",
            "DisableKeyRotation", "EnableKey", "EnableKeyRotation", "ImportKeyMaterial", "PutKeyPolicy", "ReplicateKey",
            "RevokeGrant", "RotateKeyOnDemand", "ScheduleKeyDeletion", "TagResource", "UntagResource", "UpdateAlias",
            "UpdateKeyDescription", "UpdatePrimaryRegion");

    /** Cryptographic use: reading or producing protected data. */
    public static final KmsActions CRYPTO = KmsActions.of(
            "Decrypt", "DeriveSharedSecret", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair",
            "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext", "GenerateMac", "ReEncryptFrom",
            "ReEncryptTo", "Sign", "Verify", "VerifyMac");

    /** Administration whose misuse destroys data or locks everyone out. */
    public static final KmsActions DESTRUCTIVE = KmsActions.of("ScheduleKeyDeletion", "DisableKey", "PutKeyPolicy");

    private KeyPolicyAnalysis() {}

    /** The KMS actions a statement allows (NotAction and wildcards expanded). */
    public static KmsActions actionsOf(Statement statement) {
        KmsActions listed = KmsActions.NONE;
        for (String pattern : statement.actions()) {
            listed = listed.union(PATTERN_ACTIONS.computeIfAbsent(pattern, KeyPolicyAnalysis::kmsActionsMatching));
        }
        return statement.notAction() ? listed.complement() : listed;
    }

    /**
     * The KMS actions each action pattern ("kms:*", "kms:Get*", "*") matches. Policies repeat a
     * handful of patterns, so each is matched against the 54 actions once, not per statement.
     */
    private static final Map<String, KmsActions> PATTERN_ACTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    private static KmsActions kmsActionsMatching(String pattern) {
        List<String> matching = new ArrayList<>();
        for (String action : ALL_ACTIONS) {
            if (Wildcards.matches(pattern, "kms:" + action)) {
                matching.add(action);
            }
        }
        return KmsActions.of(matching);
    }

    /** "arn:aws:iam::123456789012:root" or the bare account id: the delegation of the key to the account's IAM. */
    public static boolean isAccountRoot(String principal, String accountId) {
        if (principal.equals(accountId)) {
            return true;
        }
        // arn:aws[\w-]*:iam::ACCOUNT:root, matched by hand: a regex compiled per call was a hot spot of evaluation
        String tail = ":iam::" + accountId + ":root";
        if (!principal.startsWith("arn:aws") || !principal.endsWith(tail) || principal.length() < 7 + tail.length()) {
            return false;
        }
        for (int i = 7; i < principal.length() - tail.length(); i++) {
            char c = principal.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Named principals other than the account root, with the actions Allow statements give them. */
    public static Map<String, KmsActions> grantsToPrincipals(PolicyDocument policy, String accountId) {
        Map<String, KmsActions> grants = new LinkedHashMap<>();
        for (Statement s : policy.statements()) {
            if (!s.allow() || s.notPrincipal()) {
                continue;
            }
            KmsActions actions = actionsOf(s);
            List<String> principals = new ArrayList<>(s.principal().aws());
            if (s.principal().everyone()) {
                principals.add("*");
            }
            for (String p : principals) {
                if (!isAccountRoot(p, accountId)) {
                    grants.merge(p, actions, KmsActions::union);
                }
            }
        }
        return grants;
    }

    /** Allow statements that give {@code action} to a named non-root principal, or to everyone. */
    public static List<Statement> statementsGranting(PolicyDocument policy, String accountId, String action) {
        return statementsGranting(policy, accountId, KmsActions.of(action));
    }

    /** Allow statements that give any of {@code actions} to a named non-root principal, or to everyone; in policy order. */
    public static List<Statement> statementsGranting(PolicyDocument policy, String accountId, KmsActions actions) {
        List<Statement> granting = new ArrayList<>(2);
        for (Statement s : policy.statements()) {
            if (s.allow() && actionsOf(s).containsAny(actions) && (s.principal().everyone() || s.notPrincipal() || namesOtherThanRoot(s, accountId))) {
                granting.add(s);
            }
        }
        return granting;
    }

    private static boolean namesOtherThanRoot(Statement s, String accountId) {
        for (String p : s.principal().aws()) {
            if (!isAccountRoot(p, accountId)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a statement requires MFA: Bool aws:MultiFactorAuthPresent "true" (IfExists lets callers without MFA data in). */
    public static boolean requiresMfa(Statement statement) {
        return statement.conditionsOn("aws:MultiFactorAuthPresent").stream()
                .anyMatch(c -> c.is("Bool") && !c.ifExists() && c.hasValue("true"));
    }

    /** Whether a Deny rejects {@code action} for everyone when MFA is absent (the BoolIfExists "false" pattern). */
    public static boolean deniesWithoutMfa(PolicyDocument policy, String action) {
        String kmsAction = "kms:" + action;
        return policy.statements().stream()
                .filter(s -> !s.allow() && s.appliesToEveryone() && s.coversAction(kmsAction))
                .anyMatch(s -> s.conditionsOn("aws:MultiFactorAuthPresent").stream()
                        .anyMatch(c -> c.is("Bool") && c.hasValue("false")));
    }

    /** Whether a statement limits use to calls through named AWS services (kms:ViaService). */
    public static boolean restrictedToServices(Statement statement) {
        return statement.conditionsOn("kms:ViaService").stream()
                .anyMatch(c -> c.positiveMatch() && !c.ifExists() && c.valuesRestrict());
    }
}
