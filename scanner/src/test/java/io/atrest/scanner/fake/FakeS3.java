package io.atrest.scanner.fake;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.Tag;

/** S3 as one fake account holds it, with ListBuckets paged by continuation token. */
final class FakeS3 implements S3Client {
    private final FakeAccount account;
    private final CallLog log;
    private final int pageSize;

    FakeS3(FakeAccount account, CallLog log, int pageSize) {
        this.account = account;
        this.log = log;
        this.pageSize = pageSize;
    }

    @Override
    public ListBucketsResponse listBuckets(ListBucketsRequest request) {
        log.serve(account.id, "S3", "ListBuckets", null);
        List<FakeAccount.Bucket> all = new ArrayList<>(account.buckets.values());
        int start = request.continuationToken() == null ? 0 : Integer.parseInt(request.continuationToken());
        int end = Math.min(all.size(), start + (request.maxBuckets() == null ? pageSize : Math.min(pageSize, request.maxBuckets())));
        // As S3 does: only the paginated form of the request (max-buckets, a token, a prefix or a region) answers BucketRegion.
        boolean paginated = request.maxBuckets() != null || request.continuationToken() != null || request.prefix() != null
                || request.bucketRegion() != null;
        List<Bucket> page = new ArrayList<>();
        for (FakeAccount.Bucket b : all.subList(start, end)) {
            page.add(Bucket.builder().name(b.name).creationDate(b.created)
                    .bucketRegion(paginated && b.listedWithRegion ? b.region : null).build());
        }
        return ListBucketsResponse.builder().buckets(page)
                .continuationToken(end < all.size() ? Integer.toString(end) : null).build();
    }

    private FakeAccount.Bucket bucket(String operation, String name) {
        log.serve(account.id, "S3", operation, "arn:aws:s3:::" + name);
        FakeAccount.Bucket bucket = account.buckets.get(name);
        if (bucket == null) {
            throw CallLog.error("NoSuchBucket", 404);
        }
        return bucket;
    }

    @Override
    public GetBucketLocationResponse getBucketLocation(GetBucketLocationRequest request) {
        FakeAccount.Bucket b = bucket("GetBucketLocation", request.bucket());
        return GetBucketLocationResponse.builder()
                .locationConstraint("us-east-1".equals(b.region) ? null : b.region).build();
    }

    @Override
    public GetBucketEncryptionResponse getBucketEncryption(GetBucketEncryptionRequest request) {
        FakeAccount.Bucket b = bucket("GetBucketEncryption", request.bucket());
        if (b.sseAlgorithm == null) {
            throw CallLog.error("ServerSideEncryptionConfigurationNotFoundError", 404);
        }
        return GetBucketEncryptionResponse.builder().serverSideEncryptionConfiguration(
                ServerSideEncryptionConfiguration.builder().rules(ServerSideEncryptionRule.builder()
                        .bucketKeyEnabled(b.bucketKey)
                        .applyServerSideEncryptionByDefault(ServerSideEncryptionByDefault.builder()
                                .sseAlgorithm(b.sseAlgorithm).kmsMasterKeyID(b.kmsKeyId).build())
                        .build()).build()).build();
    }

    @Override
    public GetBucketVersioningResponse getBucketVersioning(GetBucketVersioningRequest request) {
        FakeAccount.Bucket b = bucket("GetBucketVersioning", request.bucket());
        GetBucketVersioningResponse.Builder response = GetBucketVersioningResponse.builder();
        if (b.versioning != null) {
            response.status(b.versioning).mfaDelete(b.mfaDelete ? "Enabled" : "Disabled");
        }
        return response.build();
    }

    @Override
    public GetPublicAccessBlockResponse getPublicAccessBlock(GetPublicAccessBlockRequest request) {
        FakeAccount.Bucket b = bucket("GetPublicAccessBlock", request.bucket());
        if (b.block == null) {
            throw CallLog.error("NoSuchPublicAccessBlockConfiguration", 404);
        }
        return GetPublicAccessBlockResponse.builder().publicAccessBlockConfiguration(PublicAccessBlockConfiguration.builder()
                .blockPublicAcls(b.block[0]).ignorePublicAcls(b.block[1])
                .blockPublicPolicy(b.block[2]).restrictPublicBuckets(b.block[3]).build()).build();
    }

    @Override
    public GetBucketPolicyResponse getBucketPolicy(GetBucketPolicyRequest request) {
        FakeAccount.Bucket b = bucket("GetBucketPolicy", request.bucket());
        if (b.policy == null) {
            throw CallLog.error("NoSuchBucketPolicy", 404);
        }
        return GetBucketPolicyResponse.builder().policy(new String(b.policy.toCharArray())).build(); // a string of its own per response, as the SDK reads it off the wire (new String(String) would share the bytes)
    }

    @Override
    public GetBucketTaggingResponse getBucketTagging(GetBucketTaggingRequest request) {
        FakeAccount.Bucket b = bucket("GetBucketTagging", request.bucket());
        if (b.tags == null) {
            throw CallLog.error("NoSuchTagSet", 404);
        }
        List<Tag> tags = new ArrayList<>();
        b.tags.forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        return GetBucketTaggingResponse.builder().tagSet(tags).build();
    }

    @Override
    public software.amazon.awssdk.services.s3.model.GetBucketAclResponse getBucketAcl(
            software.amazon.awssdk.services.s3.model.GetBucketAclRequest request) {
        FakeAccount.Bucket b = bucket("GetBucketAcl", request.bucket());
        var grants = new ArrayList<software.amazon.awssdk.services.s3.model.Grant>();
        grants.add(software.amazon.awssdk.services.s3.model.Grant.builder().permission("FULL_CONTROL")
                .grantee(software.amazon.awssdk.services.s3.model.Grantee.builder().type("CanonicalUser").id("owner").build()).build());
        if (b.publicAcl) {
            grants.add(software.amazon.awssdk.services.s3.model.Grant.builder().permission("READ")
                    .grantee(software.amazon.awssdk.services.s3.model.Grantee.builder().type("Group")
                            .uri("http://acs.amazonaws.com/groups/global/AllUsers").build()).build());
        }
        return software.amazon.awssdk.services.s3.model.GetBucketAclResponse.builder().grants(grants).build();
    }

    @Override
    public String serviceName() {
        return "s3";
    }

    @Override
    public void close() {}
}
