package io.atrest.scanner.iam;

import io.atrest.scanner.iam.Denials.Outcome;
import io.atrest.scanner.iam.Denials.Request;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a bucket policy enforces: encryption headers, TLS, the VPC perimeter. Each is a set of
 * requests that must be denied, asked of {@link Denials}: a Deny counts only where it covers
 * every object of the bucket and its conditions hold for the request as IAM evaluates them.
 */
public final class BucketPolicyAnalysis {
    private static final String SSE = "s3:x-amz-server-side-encryption";
    private static final String SSE_KEY = "s3:x-amz-server-side-encryption-aws-kms-key-id";
    private static final String VPCE = "aws:SourceVpce";
    private static final String VPC = "aws:SourceVpc";

    // The requests each question asks about, built once: they are the same for every bucket.
    private static final Request NO_HEADER = new Request("uploads with no encryption header", "s3:PutObject",
            RequestContext.empty().without(SSE).without(SSE_KEY));
    private static final Request SSE_S3 = new Request("uploads asking for SSE-S3 (AES256)", "s3:PutObject",
            RequestContext.empty().with(SSE, "AES256").without(SSE_KEY));
    private static final Request KMS_WITHOUT_KEY = new Request("uploads asking for aws:kms without a key id (S3 then uses aws/s3)",
            "s3:PutObject", RequestContext.empty().with(SSE, "aws:kms").without(SSE_KEY));
    private static final RequestContext HTTP = RequestContext.empty().with("aws:SecureTransport", "false");
    private static final List<Request> OVER_HTTP = List.of(
            new Request("reads over HTTP", "s3:GetObject", HTTP), new Request("writes over HTTP", "s3:PutObject", HTTP));
    private static final List<Request> FROM_OUTSIDE = List.of(
            new Request("reads from outside any VPC", "s3:GetObject", RequestContext.empty().without(VPCE).without(VPC)),
            new Request("reads through a VPC endpoint the policy does not name", "s3:GetObject",
                    RequestContext.empty().with(VPCE, "vpce-0unnamed0000000").with(VPC, "vpc-0unnamed0000000")));

    private BucketPolicyAnalysis() {}

    /**
     * Uploads without a server-side encryption header are denied, and, when {@code requireKms},
     * uploads asking for SSE-S3 (AES256) too.
     */
    public static Outcome deniesUnencryptedPut(PolicyDocument policy, String bucketArn, boolean requireKms) {
        return Denials.of(policy, ResourceScope.objectsOf(bucketArn), requireKms ? List.of(NO_HEADER, SSE_S3) : List.of(NO_HEADER));
    }

    /**
     * Uploads naming any KMS key but {@code keyArn} are denied: another key of the same account
     * and region, every other key the policy's conditions name, and aws:kms without a key id
     * (S3 then encrypts under the AWS managed key aws/s3, not the bucket's).
     */
    public static Outcome deniesOtherKeys(PolicyDocument policy, String bucketArn, String keyArn) {
        List<Request> requests = new ArrayList<>();
        requests.add(new Request("uploads naming another key of the account", "s3:PutObject",
                RequestContext.empty().with(SSE, "aws:kms").with(SSE_KEY, siblingKey(keyArn))));
        requests.add(KMS_WITHOUT_KEY);
        Set<String> named = new LinkedHashSet<>();
        for (Statement s : policy.statements()) {
            for (Condition c : s.conditionsOn(SSE_KEY)) {
                for (String value : c.values()) {
                    if (value.indexOf('*') < 0 && value.indexOf('?') < 0 && !value.contains("${") && !value.equals(keyArn)) {
                        named.add(value);
                    }
                }
            }
        }
        for (String other : named) {
            requests.add(new Request("uploads naming " + other, "s3:PutObject",
                    RequestContext.empty().with(SSE, "aws:kms").with(SSE_KEY, other)));
        }
        return Denials.of(policy, ResourceScope.objectsOf(bucketArn), requests);
    }

    /** Reads and writes over plain HTTP (aws:SecureTransport false, a key every request carries) are denied. */
    public static Outcome enforcesSecureTransport(PolicyDocument policy, String bucketArn) {
        return Denials.of(policy, ResourceScope.objectsOf(bucketArn), OVER_HTTP);
    }

    /**
     * The perimeter: reads from the internet (no aws:SourceVpce or aws:SourceVpc in the request)
     * and through a VPC endpoint the policy does not name must both be denied; {@code networks}
     * are the endpoints and VPCs the denying statements let through.
     */
    public record Perimeter(Set<String> networks, Outcome outcome) {
        public boolean closed() {
            return outcome.deniesAll() && !networks.isEmpty();
        }
    }

    public static Perimeter allowedNetworks(PolicyDocument policy, String bucketArn) {
        Outcome outcome = Denials.of(policy, ResourceScope.objectsOf(bucketArn), FROM_OUTSIDE);
        Set<String> networks = new LinkedHashSet<>();
        for (Statement s : outcome.denying()) {
            for (String key : List.of(VPCE, VPC)) {
                for (Condition c : s.conditionsOn(key)) {
                    if (c.negativeMatch()) {
                        networks.addAll(c.values());
                    }
                }
            }
        }
        return new Perimeter(networks, outcome);
    }

    /** Another key of the same account and region: "arn:aws:kms:eu-west-1:111:key/..." with another id. */
    static String siblingKey(String keyArn) {
        int slash = keyArn.lastIndexOf('/');
        String sibling = "00000000-0000-4000-8000-000000000000";
        if (slash < 0) {
            return sibling;
        }
        String other = keyArn.substring(0, slash + 1) + sibling;
        return other.equals(keyArn) ? keyArn.substring(0, slash + 1) + "00000000-0000-4000-8000-000000000001" : other;
    }
}
