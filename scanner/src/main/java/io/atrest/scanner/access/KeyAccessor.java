package io.atrest.scanner.access;

import java.util.List;

/**
 * One principal that can use a key in one way, and why.
 *
 * @param principal an IAM user or role ARN, an account root ARN, an account id, a service
 *     principal, or "*" (any AWS principal)
 * @param reach whether it can outright, or only when the conditions hold
 * @param via what gives it the access: key policy statements, identity policies, grants
 * @param conditions for {@link Reach#CONDITIONAL}, the conditions atrest cannot settle statically
 * @param longTermCredentials a user with an active access key: it needs no MFA-protected session to act
 */
public record KeyAccessor(String principal, Kind kind, KeyCapability capability, Reach reach, List<String> via,
                          List<String> conditions, boolean longTermCredentials) {

    /** Who the principal is, as far as the key's account goes. */
    public enum Kind {
        USER("An IAM user of the key's account."),
        ROLE("An IAM role of the key's account."),
        ACCOUNT_ROOT("The key's account's root user: the key policy's delegation to the account lets it in, and no IAM policy binds it."),
        EXTERNAL("A principal or a whole account outside the key's account: its own account's IAM policies must allow it too."),
        ANYONE("Any AWS principal whose own policies allow it (\"Principal\": \"*\")."),
        SERVICE("An AWS service acting on a grant (EBS, RDS, ...), within the grant's operations.");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Whether the access holds for every request, or only for some. */
    public enum Reach { ALLOWED, CONDITIONAL }

    public KeyAccessor {
        via = List.copyOf(via);
        conditions = List.copyOf(conditions);
    }

    /** A person or workload that can be held to least privilege: not the root user, not a service on a grant. */
    public boolean counted() {
        return kind != Kind.ACCOUNT_ROOT && kind != Kind.SERVICE;
    }

    /** "arn:aws:iam::111:role/app (conditional: kms:viaservice ...)" for evidence. */
    public String describe() {
        return principal + (reach == Reach.CONDITIONAL ? " (conditional: " + String.join("; ", conditions) + ")" : "")
                + (longTermCredentials ? " [access keys]" : "");
    }
}
