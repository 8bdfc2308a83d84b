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
        return grantsToPrincipals(policy, accountId, null);
    }

    /**
     * Named principals other than the account root, with the actions Allow statements that cover
     * {@code keyArn} give them (every statement when it is null). A key policy's Resource is "*",
     * "this key"; a statement naming another key's ARN grants nothing on this one.
     */
    public static Map<String, KmsActions> grantsToPrincipals(PolicyDocument policy, String accountId, String keyArn) {
        Map<String, KmsActions> grants = new LinkedHashMap<>();
        for (Statement s : policy.statements()) {
            if (!s.allow() || s.notPrincipal() || !covers(s, keyArn)) {
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
        return statementsGranting(policy, accountId, null, actions);
    }

    /** As {@link #statementsGranting(PolicyDocument, String, KmsActions)}, for the statements that cover {@code keyArn}. */
    public static List<Statement> statementsGranting(PolicyDocument policy, String accountId, String keyArn, KmsActions actions) {
        List<Statement> granting = new ArrayList<>(2);
        for (Statement s : policy.statements()) {
            if (s.allow() && covers(s, keyArn) && actionsOf(s).containsAny(actions) && (s.principal().everyone() || s.notPrincipal() || namesOtherThanRoot(s, accountId))) {
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

    /** Whether a statement covers the key (always, when the key is not given). */
    private static boolean covers(Statement s, String keyArn) {
        return keyArn == null || ResourceScope.exactly(keyArn).gap(s).isEmpty();
    }

    /**
     * Callers without MFA, as IAM sees them: signed with an IAM user's long-term access keys, the
     * request carries no aws:MultiFactorAuthPresent at all; with temporary credentials obtained
     * without MFA, it carries "false". Neither carries aws:MultiFactorAuthAge.
     */
    public static final List<Denials.Request> WITHOUT_MFA = List.of(
            new Denials.Request("callers using long-term access keys (no aws:MultiFactorAuthPresent in the request)", "",
                    RequestContext.empty().without("aws:MultiFactorAuthPresent").without("aws:MultiFactorAuthAge")),
            new Denials.Request("callers with temporary credentials obtained without MFA", "",
                    RequestContext.empty().with("aws:MultiFactorAuthPresent", "false").without("aws:MultiFactorAuthAge")));

    /**
     * Whether an Allow grants nothing to callers without MFA: its conditions are false for every
     * request in {@link #WITHOUT_MFA} (Bool aws:MultiFactorAuthPresent "true" does that;
     * BoolIfExists "true" lets long-term access keys in).
     */
    public static boolean requiresMfa(Statement statement) {
        return unlessMfa(statement).isEmpty();
    }

    /** The callers without MFA an Allow still lets in, described; empty when it requires MFA. */
    public static List<String> unlessMfa(Statement statement) {
        List<String> admitted = new ArrayList<>(2);
        for (Denials.Request caller : WITHOUT_MFA) {
            if (ConditionEvaluator.evaluate(statement.conditions(), caller.context()) != ConditionEvaluator.Truth.FALSE) {
                admitted.add(caller.description());
            }
        }
        return admitted;
    }

    /**
     * Whether Deny statements reject {@code action} on {@code keyArn} for everyone without MFA, both
     * kinds of caller in {@link #WITHOUT_MFA}; the outcome's {@code undenied} are those they do not. {@code "Bool": {"aws:MultiFactorAuthPresent": "false"}}
     * alone misses long-term access keys, whose requests lack the key; BoolIfExists catches both.
     */
    public static Denials.Outcome deniesWithoutMfa(PolicyDocument policy, String keyArn, String action) {
        String kmsAction = "kms:" + action;
        List<Denials.Request> requests = WITHOUT_MFA.stream()
                .map(r -> new Denials.Request(r.description(), kmsAction, r.context())).toList();
        return Denials.of(policy, ResourceScope.exactly(keyArn), requests);
    }

    /** Direct calls, not through any AWS service, and calls through a service the policy does not name. */
    private static final List<RequestContext> NOT_VIA_NAMED_SERVICE = List.of(
            RequestContext.empty().without("kms:ViaService"),
            RequestContext.empty().with("kms:ViaService", "unnamed-service.us-east-1.amazonaws.com"));

    /**
     * Whether a statement limits use to calls through named AWS services (kms:ViaService): its
     * conditions are false for a direct call (the key absent) and for a call through another service.
     */
    public static boolean restrictedToServices(Statement statement) {
        for (RequestContext call : NOT_VIA_NAMED_SERVICE) {
            if (ConditionEvaluator.evaluate(statement.conditions(), call) != ConditionEvaluator.Truth.FALSE) {
                return false;
            }
        }
        return true;
    }
}
