package io.atrest.scanner.access;

import java.util.List;

/**
 * One identity policy of an account and the users and roles it applies to (directly, or through
 * their groups).
 *
 * @param id the managed policy's ARN; for an inline policy, its owner's ARN + "#inline-policy/" + its name
 *     (inline policies have no ARN of their own)
 * @param document the policy text; null when the IAM walk did not carry it
 * @param holders the ARNs of the users and roles it applies to
 */
public record IdentityPolicy(String id, String name, Source source, String document, List<String> holders) {

    /** Who writes the policy. */
    public enum Source {
        /** Embedded in one user, group or role. */
        INLINE,
        /** A managed policy the customer wrote. */
        CUSTOMER_MANAGED,
        /** A managed policy AWS writes ({@code arn:aws:iam::aws:policy/...}). */
        AWS_MANAGED
    }

    public IdentityPolicy {
        holders = List.copyOf(holders);
    }

    /** The customer wrote it, so the customer can narrow it: inline and customer-managed policies. */
    public boolean customerWritten() {
        return source != Source.AWS_MANAGED;
    }

    /** The id for inline policies: the owner's ARN and the policy's name. */
    public static String inlineId(String ownerArn, String name) {
        return ownerArn + "#inline-policy/" + name;
    }
}
