package io.atrest.bench;

import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Evaluator;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.KeyManager;
import io.atrest.scanner.inventory.KeyOrigin;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.policy.ClassificationPolicy;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Evaluation throughput on one thread: every check of the catalog over 8,000 buckets and 2,000
 * customer-managed keys whose bucket and key policies have 20 statements each (conditions,
 * principals, NotAction). The score JMH prints is resources evaluated per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EvaluationBench {
    static final int BUCKETS = 8_000;
    static final int KEYS = 2_000;
    private static final String[] LEVELS = {"public", "internal", "confidential", "restricted"};

    private Inventory inventory;
    private Evaluator evaluator;
    private ClassificationPolicy policy;

    @Setup
    public void setUp() {
        Scene scene = new Scene();
        for (int k = 0; k < KEYS; k++) {
            KmsKey key = Scene.customerKey("key-" + k, KeyState.ENABLED, Observed.of(k % 2 == 0));
            scene.with(new KmsKey(key.accountId(), key.region(), key.keyId(), key.arn(), key.aliases(), KeyManager.CUSTOMER,
                    KeyState.ENABLED, KeyOrigin.AWS_KMS, key.keySpec(), key.keyUsage(), false, key.createdAt(), null, null,
                    key.rotationEnabled(), Observed.of(keyPolicy(k)), Observed.of(Map.of())));
        }
        for (int b = 0; b < BUCKETS; b++) {
            S3Bucket bucket = Scene.bucket("bench-" + b, Scene.kms("arn:aws:kms:" + Scene.REGION + ":" + Scene.ACCOUNT + ":key/key-" + (b % KEYS)),
                    LEVELS[b % LEVELS.length]);
            scene.with(new S3Bucket(bucket.accountId(), bucket.name(), bucket.region(), bucket.createdAt(), bucket.encryption(),
                    bucket.versioning(), bucket.publicAccessBlock(), Observed.of(bucketPolicy(b)), bucket.tags(), Observed.of(false)));
        }
        inventory = scene.inventory();
        policy = ClassificationPolicy.defaults();
        evaluator = new Evaluator(CheckCatalog.standard(), policy);
    }

    @Benchmark
    @OperationsPerInvocation(BUCKETS + KEYS)
    public int evaluateEveryCheck() {
        return evaluator.evaluate(new Evaluation(inventory, policy, Scene.NOW)).size();
    }

    private static String bucketPolicy(int b) {
        StringBuilder json = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        json.append("{\"Sid\":\"TLS\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::bench-")
                .append(b).append("\",\"arn:aws:s3:::bench-").append(b).append("/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}");
        json.append(",{\"Sid\":\"Vpce\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::bench-").append(b)
                .append("/*\",\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":[\"vpce-1\",\"vpce-2\"]}}}");
        for (int s = 0; s < 18; s++) {
            json.append(",{\"Sid\":\"Reader").append(s).append("\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::")
                    .append(Scene.ACCOUNT).append(":role/reader-").append(s).append("\"},\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],")
                    .append("\"Resource\":\"arn:aws:s3:::bench-").append(b).append("/*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-bench\"}}}");
        }
        return json.append("]}").toString();
    }

    private static String keyPolicy(int k) {
        StringBuilder json = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        json.append("{\"Sid\":\"Root\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::").append(Scene.ACCOUNT)
                .append(":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}");
        json.append(",{\"Sid\":\"Admins\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::").append(Scene.ACCOUNT)
                .append(":role/key-admin\"},\"NotAction\":[\"kms:Encrypt\",\"kms:Decrypt\",\"kms:GenerateDataKey*\"],\"Resource\":\"*\",")
                .append("\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}");
        for (int s = 0; s < 18; s++) {
            json.append(",{\"Sid\":\"Use").append(s).append("\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::")
                    .append(Scene.ACCOUNT).append(":role/app-").append(s).append("\"},\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey\"],")
                    .append("\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"s3.eu-west-1.amazonaws.com\"}}}");
        }
        return json.append("]}").toString();
    }

    /** For a quick look without JMH: one warm-up and one timed evaluation. */
    public static void main(String[] args) {
        EvaluationBench bench = new EvaluationBench();
        bench.setUp();
        bench.evaluateEveryCheck();
        long t0 = System.nanoTime();
        int findings = bench.evaluateEveryCheck();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "%d resources, %d findings in %.2f s: %.0f resources/s%n",
                BUCKETS + KEYS, findings, seconds, (BUCKETS + KEYS) / seconds);
    }
}
