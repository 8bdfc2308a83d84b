package io.atrest.scanner.access;

/**
 * The access matrix explained for the check reference: the capabilities and their actions, who
 * can appear in it, and how IAM's decision is reproduced. Generated from the enums the evaluator
 * uses, so the reference cannot drift from the code.
 */
public final class AccessMatrixReference {
    private AccessMatrixReference() {}

    public static String markdown() {
        StringBuilder md = new StringBuilder("\n## The key access matrix\n\n");
        md.append("`kms-decrypt-principals`, `kms-admin-can-decrypt` and `iam-kms-least-privilege` judge who can use each customer ")
                .append("key, worked out once per key and run as IAM decides each request of the key's account's users and roles:\n\n")
                .append("```\nallowed = (the key policy names the principal [a role: and its permissions boundary allows]\n")
                .append("           or the key policy delegates to the account (its root) and an identity policy of the principal,\n")
                .append("              its groups' included, allows and its permissions boundary allows)\n")
                .append("          and every level of service control policies on the account's path allows\n")
                .append("          and no Deny applies (key policy, identity policies, boundary, SCPs)\n```\n\n")
                .append("A grant (`kms:ListGrants`) counts as access for its operations. A condition atrest cannot settle from what it ")
                .append("collected (kms:ViaService, MFA, source network, principal tags, encryption context) leaves the principal ")
                .append("*conditional*, listed with the condition; conditions on what it knows (the caller's account and ARN, the ")
                .append("key's tags and aliases, the organization, kms:GrantIsForAWSResource) are settled. A Deny on an unsettled ")
                .append("condition leaves the access conditional too. Principals of other accounts are listed conditional on their own ")
                .append("account's policies. SCPs bind member accounts only; levels with no SCP recorded are skipped and said so. ")
                .append("When the account's IAM walk or the key's grants could not be read, the matrix is incomplete and the checks ")
                .append("are NOT_EVALUATED. `atrest keys --who` shows the matrix, `atrest keys --principal ARN` one principal's keys.\n\n");
        md.append("| capability | KMS actions that give it |\n|---|---|\n");
        for (KeyCapability c : KeyCapability.values()) {
            md.append("| ").append(c.label()).append(" | ")
                    .append(String.join(", ", c.actions().names().stream().map(a -> "kms:" + a).toList())).append(" |\n");
        }
        md.append("\n| principal kind | |\n|---|---|\n");
        for (KeyAccessor.Kind k : KeyAccessor.Kind.values()) {
            md.append("| ").append(k.name()).append(" | ").append(k.description()).append(" |\n");
        }
        return md.toString();
    }
}
