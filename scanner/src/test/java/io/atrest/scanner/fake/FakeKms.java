package io.atrest.scanner.fake;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.GrantConstraints;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.ListGrantsRequest;
import software.amazon.awssdk.services.kms.model.ListGrantsResponse;
import software.amazon.awssdk.services.kms.model.ListAliasesRequest;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.ListKeysRequest;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.ListResourceTagsRequest;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.Tag;

/** KMS in one region of one fake account; lists page by Marker / Truncated as KMS does. */
final class FakeKms implements KmsClient {
    private final FakeAccount account;
    private final String region;
    private final CallLog log;
    private final int pageSize;

    FakeKms(FakeAccount account, String region, CallLog log, int pageSize) {
        this.account = account;
        this.region = region;
        this.log = log;
        this.pageSize = pageSize;
    }

    private List<FakeAccount.Key> keys() {
        return account.keys.stream().filter(k -> k.region.equals(region)).toList();
    }

    private <T> Page<T> page(List<T> all, String marker) {
        int start = marker == null ? 0 : Integer.parseInt(marker);
        int end = Math.min(all.size(), start + pageSize);
        return new Page<>(all.subList(start, end), end < all.size() ? Integer.toString(end) : null);
    }

    private record Page<T>(List<T> items, String next) {}

    @Override
    public ListKeysResponse listKeys(ListKeysRequest request) {
        log.serve(account.id, "Kms", "ListKeys", region);
        List<KeyListEntry> entries = keys().stream()
                .map(k -> KeyListEntry.builder().keyId(k.keyId).keyArn(k.arn).build()).toList();
        Page<KeyListEntry> page = page(entries, request.marker());
        return ListKeysResponse.builder().keys(page.items()).truncated(page.next() != null).nextMarker(page.next()).build();
    }

    @Override
    public ListAliasesResponse listAliases(ListAliasesRequest request) {
        log.serve(account.id, "Kms", "ListAliases", region);
        List<AliasListEntry> entries = new ArrayList<>();
        for (FakeAccount.Key k : keys()) {
            for (String alias : k.aliases) {
                entries.add(AliasListEntry.builder().aliasName(alias)
                        .aliasArn("arn:aws:kms:" + region + ":" + account.id + ":" + alias).targetKeyId(k.keyId).build());
            }
        }
        Page<AliasListEntry> page = page(entries, request.marker());
        return ListAliasesResponse.builder().aliases(page.items()).truncated(page.next() != null).nextMarker(page.next()).build();
    }

    private FakeAccount.Key key(String operation, String keyId) {
        log.serve(account.id, "Kms", operation, keyId);
        return keys().stream().filter(k -> k.arn.equals(keyId) || k.keyId.equals(keyId)).findFirst()
                .orElseThrow(() -> CallLog.error("NotFoundException", 400));
    }

    @Override
    public DescribeKeyResponse describeKey(DescribeKeyRequest request) {
        return DescribeKeyResponse.builder().keyMetadata(key("DescribeKey", request.keyId()).metadata(account.id)).build();
    }

    @Override
    public GetKeyRotationStatusResponse getKeyRotationStatus(GetKeyRotationStatusRequest request) {
        return GetKeyRotationStatusResponse.builder().keyRotationEnabled(key("GetKeyRotationStatus", request.keyId()).rotation).build();
    }

    @Override
    public GetKeyPolicyResponse getKeyPolicy(GetKeyPolicyRequest request) {
        return GetKeyPolicyResponse.builder().policy(new String(key("GetKeyPolicy", request.keyId()).policy.toCharArray())).policyName("default").build(); // a new string per response
    }

    @Override
    public ListResourceTagsResponse listResourceTags(ListResourceTagsRequest request) {
        FakeAccount.Key key = key("ListResourceTags", request.keyId());
        List<Tag> tags = new ArrayList<>();
        key.tags.forEach((k, v) -> tags.add(Tag.builder().tagKey(k).tagValue(v).build()));
        return ListResourceTagsResponse.builder().tags(tags).truncated(false).build();
    }

    @Override
    public ListGrantsResponse listGrants(ListGrantsRequest request) {
        FakeAccount.Key key = key("ListGrants", request.keyId());
        List<GrantListEntry> entries = key.grants.stream().map(g -> GrantListEntry.builder().keyId(key.arn).grantId(g.grantId())
                .granteePrincipal(g.grantee()).operationsWithStrings(g.operations())
                .constraints(g.constrained() ? GrantConstraints.builder().encryptionContextSubset(java.util.Map.of("app", "billing")).build() : null)
                .build()).toList();
        Page<GrantListEntry> page = page(entries, request.marker());
        return ListGrantsResponse.builder().grants(page.items()).truncated(page.next() != null).nextMarker(page.next()).build();
    }

    @Override
    public String serviceName() {
        return "kms";
    }

    @Override
    public void close() {}
}
