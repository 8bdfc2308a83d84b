package io.atrest.scanner.iam;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a bucket policy enforces: encryption headers, TLS, the VPC perimeter. */
public final class BucketPolicyAnalysis {
    private static final String SSE = "s3:x-amz-server-side-encryption";
    private static final String SSE_KEY = "s3:x-amz-server-side-encryption-aws-kms-key-id";

    private BucketPolicyAnalysis() {}

    private static List<Statement> denialsFor(PolicyDocument policy, String action) {
        List<Statement> denials = new java.util.ArrayList<>(2);
        for (Statement s : policy.statements()) { // a loop: several checks ask this of every bucket policy
            if (!s.allow() && s.appliesToEveryone() && s.coversAction(action)) {
                denials.add(s);
            }
        }
        return denials;
    }

    /**
     * The Deny that rejects PutObject without a server-side encryption header (or with one that
     * is not SSE-KMS when {@code requireKms}), if any.
     */
    public static Optional<Statement> deniesUnencryptedPut(PolicyDocument policy, boolean requireKms) {
        for (Statement s : denialsFor(policy, "s3:PutObject")) {
            for (Condition c : s.conditionsOn(SSE)) {
                if (c.is("Null") && c.hasValue("true") && !requireKms) {
                    return Optional.of(s);
                }
                // StringNotEquals also matches a missing header, so it rejects both absent and wrong values.
                if (c.negativeMatch() && !c.ifExists() && c.valuesRestrict()
                        && c.values().stream().allMatch(v -> !requireKms || v.toLowerCase().startsWith("aws:kms"))) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    /** The Deny that rejects PutObject naming any KMS key but {@code keyArn}, if any. */
    public static Optional<Statement> deniesOtherKeys(PolicyDocument policy, String keyArn) {
        for (Statement s : denialsFor(policy, "s3:PutObject")) {
            for (Condition c : s.conditionsOn(SSE_KEY)) {
                if (c.negativeMatch() && c.valuesRestrict()
                        && c.values().stream().allMatch(v -> Wildcards.matches(v, keyArn))) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    /** The Deny of every S3 request made without TLS, if any. */
    public static Optional<Statement> enforcesSecureTransport(PolicyDocument policy) {
        for (Statement s : denialsFor(policy, "s3:GetObject")) {
            if (!s.coversAction("s3:PutObject")) {
                continue;
            }
            for (Condition c : s.conditionsOn("aws:SecureTransport")) {
                if (c.is("Bool") && c.hasValue("false")) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The VPC endpoints or VPCs a Deny limits access to (requests from anywhere else are
     * denied), or empty when no statement does.
     */
    public static Set<String> allowedNetworks(PolicyDocument policy) {
        Set<String> networks = new LinkedHashSet<>();
        for (Statement s : denialsFor(policy, "s3:GetObject")) {
            for (String key : List.of("aws:SourceVpce", "aws:SourceVpc")) {
                for (Condition c : s.conditionsOn(key)) {
                    if (c.negativeMatch() && c.valuesRestrict()) {
                        networks.addAll(c.values());
                    }
                }
            }
        }
        return networks;
    }
}
