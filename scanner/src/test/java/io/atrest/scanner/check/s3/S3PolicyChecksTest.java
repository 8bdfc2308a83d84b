package io.atrest.scanner.check.s3;

import static io.atrest.scanner.check.Scene.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Check;
import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.inventory.BucketEncryption;
import io.atrest.scanner.inventory.BucketVersioning;
import io.atrest.scanner.inventory.EncryptionType;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.PublicAccessBlock;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.inventory.VersioningStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PASS, FAIL, NOT_APPLICABLE and NOT_EVALUATED for each S3 check that reads policies, ACLs or settings. */
class S3PolicyChecksTest {
    private static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/k1";
    private static final String DENY_UNENCRYPTED = """
            {"Sid":"DenyUnencrypted","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*",
             "Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption":"aws:kms"}}}""";
    private static final String DENY_OTHER_KEYS = """
            {"Sid":"DenyOtherKeys","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*",
             "Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption-aws-kms-key-id":"%s"}}}""".formatted(KEY_ARN);
    private static final String DENY_HTTP = """
            {"Sid":"DenyHttp","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],
             "Condition":{"Bool":{"aws:SecureTransport":"false"}}}""";
    private static final String PUBLIC_READ = """
            {"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}""";

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static S3Bucket with(String level, Observed<String> policy, BucketEncryption encryption, Observed<PublicAccessBlock> block,
                                 Observed<Boolean> acl, Observed<BucketVersioning> versioning) {
        S3Bucket b = bucket("b", encryption, level);
        return new S3Bucket(b.accountId(), "b", b.region(), b.createdAt(), Observed.of(encryption), versioning, block, policy, b.tags(), acl);
    }

    private static S3Bucket withPolicy(String level, Observed<String> policy) {
        return with(level, policy, Scene.kms(KEY_ARN), Observed.of(PublicAccessBlock.ALL), Observed.of(false),
                Observed.of(new BucketVersioning(VersioningStatus.ENABLED, true)));
    }

    private static Finding judge(Check check, S3Bucket bucket) {
        return new Scene().with(Scene.customerKey("k1", KeyState.ENABLED, Observed.of(true))).with(bucket).finding(check, "b");
    }

    private static Observed<String> denied() {
        return Observed.failed(Scene.denied("s3", "GetBucketPolicy", "arn:aws:s3:::b"));
    }

    @Test
    void aVerdictReachedWithoutTheAclSaysWhyItWasNotRead() {
        S3Bucket b = withPolicy("internal", Observed.of(policy(PUBLIC_READ)));
        S3Bucket spared = new S3Bucket(b.accountId(), b.name(), b.region(), b.createdAt(), b.encryption(), b.versioning(),
                b.publicAccessBlock(), b.policy(), b.tags(), Observed.of(false),
                java.util.Map.of("GetBucketAcl", "ACLs ignored by the bucket's Block Public Access (IgnorePublicAcls)"));
        Finding finding = judge(new S3NotPublic(), spared);
        assertThat(finding.outcome()).isEqualTo(Outcome.PASS);
        assertThat(finding.evidence()).containsEntry("aclNotRead", "ACLs ignored by the bucket's Block Public Access (IgnorePublicAcls)");
        assertThat(judge(new S3NotPublic(), b).evidence()).doesNotContainKey("aclNotRead");
    }

    @Test
    void enforceEncryptionPolicy() {
        Check check = new S3EnforceEncryptionPolicy();
        assertThat(judge(check, withPolicy("confidential", Observed.of(policy(DENY_UNENCRYPTED)))).outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge(check, withPolicy("restricted", Observed.of(policy(DENY_UNENCRYPTED, DENY_OTHER_KEYS)))).outcome()).isEqualTo(Outcome.PASS);
        Finding noKeyCondition = judge(check, withPolicy("restricted", Observed.of(policy(DENY_UNENCRYPTED))));
        assertThat(noKeyCondition.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(noKeyCondition.message()).contains("another KMS key");
        assertThat(judge(check, withPolicy("confidential", Observed.absent())).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(judge(check, withPolicy("internal", Observed.absent())).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        Finding unknown = judge(check, withPolicy("confidential", denied()));
        assertThat(unknown.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(unknown.failedOperation()).isEqualTo("s3:GetBucketPolicy");
    }

    /** A Deny counts only where its Resource covers every object the bucket can hold. */
    @Test
    void aDenyScopedToOnePrefixLeavesTheRestOpen() {
        Check check = new S3EnforceEncryptionPolicy();
        Finding prefix = judge(check, withPolicy("confidential", Observed.of(policy(DENY_UNENCRYPTED.replace("arn:aws:s3:::b/*", "arn:aws:s3:::b/uploads/*")))));
        assertThat(prefix.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(prefix.evidence().get("gaps")).contains("DenyUnencrypted covers only arn:aws:s3:::b/uploads/*, not every object of arn:aws:s3:::b");
        Finding notResource = judge(check, withPolicy("confidential", Observed.of(policy(DENY_UNENCRYPTED
                .replace("\"Resource\":\"arn:aws:s3:::b/*\"", "\"NotResource\":\"arn:aws:s3:::b/public/*\"")))));
        assertThat(notResource.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(notResource.evidence().get("gaps")).contains("leaves out arn:aws:s3:::b/public/*");
        assertThat(judge(check, withPolicy("confidential", Observed.of(policy(DENY_UNENCRYPTED.replace("arn:aws:s3:::b/*", "arn:aws:s3:::b*")))))
                .outcome()).as("a wider wildcard covers the bucket").isEqualTo(Outcome.PASS);
        Finding http = judge(new S3SecureTransport(), withPolicy("internal", Observed.of(policy(DENY_HTTP
                .replace("[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"]", "\"arn:aws:s3:::b/logs/*\"")))));
        assertThat(http.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(http.evidence().get("gaps")).contains("covers only arn:aws:s3:::b/logs/*");
    }

    /** IAM: a negated operator is true when the key is absent; Null tests presence. */
    @Test
    void encryptionDenialsFollowAbsentKeySemantics() {
        Check check = new S3EnforceEncryptionPolicy();
        String presentOnly = """
                {"Sid":"OnlyWhenNamed","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*",
                 "Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption":"aws:kms"},"Null":{"s3:x-amz-server-side-encryption":"false"}}}""";
        Finding headerMayBeOmitted = judge(check, withPolicy("confidential", Observed.of(policy(presentOnly))));
        assertThat(headerMayBeOmitted.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(headerMayBeOmitted.evidence().get("gaps")).contains("uploads with no encryption header");
        String nullTrue = """
                {"Sid":"NoHeader","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*",
                 "Condition":{"Null":{"s3:x-amz-server-side-encryption":"true"}}}""";
        assertThat(judge(check, withPolicy("confidential", Observed.of(policy(presentOnly, nullTrue)))).outcome())
                .as("the AWS example: two Denies together").isEqualTo(Outcome.PASS);
        String ifExists = DENY_UNENCRYPTED.replace("StringNotEquals", "StringNotEqualsIfExists");
        assertThat(judge(check, withPolicy("confidential", Observed.of(policy(ifExists)))).outcome()).isEqualTo(Outcome.PASS);
        // A key id condition that only applies when a key is named lets aws:kms without a key id through (S3 then uses aws/s3).
        String keyWhenNamed = DENY_OTHER_KEYS.replace("\"Condition\":{", "\"Condition\":{\"Null\":{\"s3:x-amz-server-side-encryption-aws-kms-key-id\":\"false\"},");
        Finding keyOmitted = judge(check, withPolicy("restricted", Observed.of(policy(DENY_UNENCRYPTED, keyWhenNamed))));
        assertThat(keyOmitted.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(keyOmitted.evidence().get("gaps")).contains("without a key id");
        // A Deny narrowed to one role is not enforcement; one with a break-glass exception is.
        String oneRole = DENY_UNENCRYPTED.replace("\"Condition\":{", "\"Condition\":{\"StringEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::123456789012:role/intern\"},");
        assertThat(judge(check, withPolicy("confidential", Observed.of(policy(oneRole)))).outcome()).isEqualTo(Outcome.FAIL);
        String breakGlass = DENY_UNENCRYPTED.replace("\"Condition\":{", "\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::123456789012:role/break-glass\"},");
        assertThat(judge(check, withPolicy("confidential", Observed.of(policy(breakGlass)))).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void secureTransportIsJudgedOnEveryBucket() {
        Check check = new S3SecureTransport();
        assertThat(judge(check, withPolicy("public", Observed.of(policy(DENY_HTTP)))).outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge(check, withPolicy("internal", Observed.absent())).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(judge(check, withPolicy("internal", Observed.of(policy(PUBLIC_READ)))).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(judge(check, withPolicy("internal", denied())).outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(judge(check, withPolicy("internal", Observed.of("{not json"))).reason()).isEqualTo(ErrorReason.API_ERROR);
    }

    @Test
    void mfaDelete() {
        Check check = new S3MfaDelete();
        assertThat(judge(check, withPolicy("restricted", Observed.absent())).outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge(check, with("restricted", Observed.absent(), Scene.sseS3(), Observed.of(PublicAccessBlock.ALL), Observed.of(false),
                Observed.of(new BucketVersioning(VersioningStatus.ENABLED, false)))).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(judge(check, withPolicy("confidential", Observed.absent())).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(judge(check, with("restricted", Observed.absent(), Scene.sseS3(), Observed.of(PublicAccessBlock.ALL), Observed.of(false),
                Observed.failed(Scene.denied("s3", "GetBucketVersioning", "b")))).outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    }

    @Test
    void notPublicLooksAtPolicyAclAndBlockPublicAccess() {
        Check check = new S3NotPublic();
        Observed<PublicAccessBlock> none = Observed.of(PublicAccessBlock.NONE);
        assertThat(judge(check, withPolicy("internal", Observed.of(policy(DENY_HTTP)))).outcome()).isEqualTo(Outcome.PASS);
        Finding publicPolicy = new Scene().accountBlock(none).with(with("internal", Observed.of(policy(PUBLIC_READ)), Scene.sseS3(), none,
                Observed.of(false), Observed.absent())).finding(check, "b");
        assertThat(publicPolicy.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(publicPolicy.severity().name()).isEqualTo("CRITICAL");
        assertThat(publicPolicy.evidence().get("publicStatements")).contains("PublicRead");
        Finding publicAcl = new Scene().accountBlock(none).with(with("internal", Observed.absent(), Scene.sseS3(), none,
                Observed.of(true), Observed.absent())).finding(check, "b");
        assertThat(publicAcl.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(publicAcl.message()).contains("ACL");
        Finding neutralised = new Scene().accountBlock(Observed.of(PublicAccessBlock.ALL)).with(with("internal",
                Observed.of(policy(PUBLIC_READ)), Scene.sseS3(), none, Observed.of(true), Observed.absent())).finding(check, "b");
        assertThat(neutralised.outcome()).isEqualTo(Outcome.PASS);
        assertThat(neutralised.message()).contains("neutralises");
        Finding unknownBlock = new Scene().accountBlock(none).with(with("internal", Observed.of(policy(PUBLIC_READ)), Scene.sseS3(),
                Observed.failed(Scene.denied("s3", "GetPublicAccessBlock", "b")), Observed.of(false), Observed.absent())).finding(check, "b");
        assertThat(unknownBlock.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(judge(check, withPolicy("internal", denied())).outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        // Every bucket can be exposed: never NOT_APPLICABLE, even for public data.
        assertThat(judge(check, withPolicy("public", Observed.absent())).outcome()).isEqualTo(Outcome.PASS);
    }

    /** publicAccess: allowed (the default policy's public level): a website bucket may be public, no other. */
    @Test
    void publicByClassification() {
        Check check = new S3NotPublic();
        Observed<PublicAccessBlock> none = Observed.of(PublicAccessBlock.NONE);
        Finding website = new Scene().accountBlock(none).with(with("public", Observed.of(policy(PUBLIC_READ)), Scene.sseS3(), none,
                Observed.of(true), Observed.absent())).finding(check, "b");
        assertThat(website.outcome()).isEqualTo(Outcome.PASS);
        assertThat(website.message()).startsWith("public by classification: the bucket policy grants access to everyone");
        assertThat(website.evidence()).containsEntry("level", "public").containsEntry("publicAcl", "true");
        for (String level : java.util.List.of("internal", "confidential", "restricted")) {
            Finding same = new Scene().accountBlock(none).with(with(level, Observed.of(policy(PUBLIC_READ)), Scene.sseS3(), none,
                    Observed.of(false), Observed.absent())).finding(check, "b");
            assertThat(same.outcome()).as(level).isEqualTo(Outcome.FAIL);
            assertThat(same.severity().name()).as(level).isEqualTo("CRITICAL");
        }
    }

    @Test
    void vpcEndpointOnly() {
        Check check = new S3VpcEndpointOnly();
        String vpceOnly = """
                {"Sid":"VpceOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-0123456789abcdef0"}}}""";
        var base = io.atrest.scanner.policy.ClassificationPolicy.defaults();
        var levels = new java.util.ArrayList<>(base.levels());
        var r = levels.get(3);
        levels.set(3, new io.atrest.scanner.policy.Level(r.name(), r.minimumKeyTier(), r.keyTierSeverity(), r.requireVersioning(),
                r.requireMfaDelete(), r.requireBlockPublicAccess(), r.requireEncryptionPolicy(), r.requireDedicatedKey(),
                r.requireMfaKeyAdministration(), true, java.util.List.of("vpce-0123456789abcdef0"), r.requireViaService(),
                r.requirePointInTimeRecovery(), r.requireDeletionProtection(), r.requireBackups(), r.allowPublicAccess(), r.requireKmsEndpoint()));
        var policy = new io.atrest.scanner.policy.ClassificationPolicy(base.tagKeys(), levels, base.untaggedLevel(), true);
        java.util.function.Function<S3Bucket, Finding> eval = b -> check.evaluate(new io.atrest.scanner.check.Evaluation(
                new Scene().with(b).inventory(), policy, Scene.NOW)).get(0);
        assertThat(eval.apply(withPolicy("restricted", Observed.of(policy(vpceOnly)))).outcome()).isEqualTo(Outcome.PASS);
        assertThat(eval.apply(withPolicy("restricted", Observed.of(policy(vpceOnly.replace("vpce-0123456789abcdef0", "vpce-0000000000000bad0")))))
                .outcome()).isEqualTo(Outcome.FAIL);
        assertThat(eval.apply(withPolicy("restricted", Observed.absent())).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(eval.apply(withPolicy("confidential", Observed.absent())).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(eval.apply(withPolicy("restricted", denied())).outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    }

    @Test
    void bucketKey() {
        Check check = new S3BucketKey();
        assertThat(judge(check, withPolicy("internal", Observed.absent())).outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge(check, with("internal", Observed.absent(), new BucketEncryption(EncryptionType.SSE_KMS, KEY_ARN, false),
                Observed.of(PublicAccessBlock.ALL), Observed.of(false), Observed.absent())).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(judge(check, with("internal", Observed.absent(), Scene.sseS3(), Observed.of(PublicAccessBlock.ALL),
                Observed.of(false), Observed.absent())).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        S3Bucket unknown = bucket("b", null, "internal");
        unknown = new S3Bucket(unknown.accountId(), "b", unknown.region(), null, Observed.failed(Scene.denied("s3", "GetBucketEncryption", "b")),
                unknown.versioning(), unknown.publicAccessBlock(), unknown.policy(), unknown.tags());
        assertThat(judge(check, unknown).outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    }

    @Test
    void accountBlockPublicAccess() {
        Check check = new S3AccountBlockPublicAccess();
        assertThat(new Scene().accountBlock(Observed.of(PublicAccessBlock.ALL)).finding(check, "prod").outcome()).isEqualTo(Outcome.PASS);
        Finding off = new Scene().accountBlock(Observed.of(new PublicAccessBlock(true, true, true, false))).finding(check, "prod");
        assertThat(off.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(off.evidence()).containsEntry("missing", "RestrictPublicBuckets");
        assertThat(new Scene().accountBlock(Observed.failed(Scene.denied("s3control", "GetPublicAccessBlock", null)))
                .finding(check, "prod").outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        // An account that could not be entered is NOT_EVALUATED for every account check; no account check is NOT_APPLICABLE.
        assertThat(new Scene().error(new io.atrest.scanner.inventory.CollectionError(Scene.ACCOUNT, null, "sts", "AssumeRole",
                ErrorReason.ACCESS_DENIED, "AccessDenied", "no", "role")).finding(check, "prod").reason()).isEqualTo(ErrorReason.ACCESS_DENIED);
    }

    @Test
    void classificationTagged() {
        Check check = new io.atrest.scanner.check.classification.ClassificationTagged();
        assertThat(judge(check, withPolicy("restricted", Observed.absent())).outcome()).isEqualTo(Outcome.PASS);
        Finding typo = new Scene().with(bucket("b", Scene.sseS3(), "Confidental")).finding(check, "b");
        assertThat(typo.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(typo.evidence()).containsEntry("value", "Confidental");
        assertThat(new Scene().with(bucket("b", Scene.sseS3(), null)).finding(check, "b").outcome()).isEqualTo(Outcome.FAIL);
        Finding inherited = new Scene().accountTags(Map.of("DataClassification", "restricted")).with(bucket("b", Scene.sseS3(), null))
                .finding(check, "b");
        assertThat(inherited.outcome()).isEqualTo(Outcome.PASS);
        assertThat(inherited.evidence()).containsEntry("source", "ACCOUNT_TAG");
        S3Bucket hidden = bucket("b", Scene.sseS3(), null);
        hidden = new S3Bucket(hidden.accountId(), "b", hidden.region(), null, hidden.encryption(), hidden.versioning(),
                hidden.publicAccessBlock(), hidden.policy(), Observed.failed(Scene.denied("s3", "GetBucketTagging", "b")));
        assertThat(new Scene().with(hidden).finding(check, "b").outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    }
}
