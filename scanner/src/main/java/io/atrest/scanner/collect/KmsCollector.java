package io.atrest.scanner.collect;

import io.atrest.scanner.inventory.KeyGrant;
import io.atrest.scanner.inventory.KeyManager;
import io.atrest.scanner.inventory.KeyOrigin;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Observed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.GrantConstraints;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * Collects the KMS keys of one account and region. Every key is described; rotation is read
 * only where it can be set (enabled, symmetric, customer-managed, KMS-generated material), and
 * policy, tags and grants only for customer keys, which are the ones the customer controls.
 */
public final class KmsCollector {
    private final String accountId;
    private final String region;
    private final KmsClient kms;
    private final InventoryBuilder sink;

    public KmsCollector(String accountId, String region, KmsClient kms, InventoryBuilder sink) {
        this.accountId = accountId;
        this.region = region;
        this.kms = kms;
        this.sink = sink;
    }

    public void collect() {
        Calls calls = new Calls(accountId, region, sink);
        Map<String, List<String>> aliasesByKey = new HashMap<>();
        Observed<List<AliasListEntry>> aliases = calls.observe("kms", "ListAliases", null,
                () -> kms.listAliasesPaginator(b -> b.build()).aliases().stream().toList());
        if (aliases.isKnown()) {
            for (AliasListEntry alias : aliases.value()) {
                if (alias.targetKeyId() != null) {
                    aliasesByKey.computeIfAbsent(alias.targetKeyId(), k -> new ArrayList<>()).add(alias.aliasName());
                }
            }
        }
        Observed<List<KeyListEntry>> keys = calls.observe("kms", "ListKeys", null,
                () -> kms.listKeysPaginator(b -> b.build()).keys().stream().toList());
        if (!keys.isKnown()) {
            return;
        }
        for (KeyListEntry entry : keys.value()) {
            Observed<KeyMetadata> described = calls.observe("kms", "DescribeKey", entry.keyArn(),
                    () -> kms.describeKey(r -> r.keyId(entry.keyArn() != null ? entry.keyArn() : entry.keyId())).keyMetadata());
            if (described.isKnown()) {
                List<String> names = aliasesByKey.getOrDefault(entry.keyId(), List.of()).stream().sorted().toList();
                sink.key(key(calls, described.value(), names));
            }
        }
    }

    private KmsKey key(Calls calls, KeyMetadata meta, List<String> aliases) {
        KeyManager manager = "AWS".equals(meta.keyManagerAsString()) ? KeyManager.AWS : KeyManager.CUSTOMER;
        KeyState state = state(meta.keyStateAsString());
        KeyOrigin origin = origin(meta.originAsString());
        String keySpec = meta.keySpecAsString();
        boolean customer = manager == KeyManager.CUSTOMER;
        String arn = meta.arn();

        Observed<Boolean> rotation = Observed.absent();
        if (customer && state == KeyState.ENABLED && "SYMMETRIC_DEFAULT".equals(keySpec) && origin == KeyOrigin.AWS_KMS) {
            rotation = calls.observe("kms", "GetKeyRotationStatus", arn,
                    () -> kms.getKeyRotationStatus(r -> r.keyId(arn)).keyRotationEnabled());
        }
        Observed<String> policy = Observed.absent();
        Observed<Map<String, String>> tags = Observed.of(Map.of());
        Observed<List<KeyGrant>> grants = Observed.absent();
        if (customer) {
            grants = calls.observe("kms", "ListGrants", arn, () -> kms.listGrantsPaginator(r -> r.keyId(arn)).grants().stream()
                    .map(KmsCollector::grant).toList());
            policy = calls.observe("kms", "GetKeyPolicy", arn,
                    () -> kms.getKeyPolicy(r -> r.keyId(arn).policyName("default")).policy());
            tags = calls.observe("kms", "ListResourceTags", arn, () -> {
                Map<String, String> map = new LinkedHashMap<>();
                kms.listResourceTagsPaginator(r -> r.keyId(arn)).tags()
                        .forEach(t -> map.put(t.tagKey(), t.tagValue()));
                return map;
            });
        }
        return new KmsKey(accountId, region, meta.keyId(), arn, aliases, manager, state, origin, keySpec,
                meta.keyUsageAsString(), Boolean.TRUE.equals(meta.multiRegion()), meta.creationDate(),
                meta.deletionDate(), meta.validTo(), rotation, policy, tags, grants);
    }

    /** A grant as access: its grantee and operations; constraints narrow it to matching encryption contexts. */
    private static KeyGrant grant(GrantListEntry g) {
        GrantConstraints c = g.constraints();
        boolean constrained = c != null && (!c.encryptionContextEquals().isEmpty() || !c.encryptionContextSubset().isEmpty());
        return new KeyGrant(g.grantId(), g.granteePrincipal(), g.operationsAsStrings(), constrained);
    }

    static KeyState state(String text) {
        if (text == null) {
            return KeyState.UNKNOWN;
        }
        return switch (text) {
            case "Creating" -> KeyState.CREATING;
            case "Enabled" -> KeyState.ENABLED;
            case "Disabled" -> KeyState.DISABLED;
            case "PendingDeletion" -> KeyState.PENDING_DELETION;
            case "PendingImport" -> KeyState.PENDING_IMPORT;
            case "PendingReplicaDeletion" -> KeyState.PENDING_REPLICA_DELETION;
            case "Unavailable" -> KeyState.UNAVAILABLE;
            case "Updating" -> KeyState.UPDATING;
            default -> KeyState.UNKNOWN;
        };
    }

    static KeyOrigin origin(String text) {
        if (text == null) {
            return KeyOrigin.UNKNOWN;
        }
        return switch (text) {
            case "AWS_KMS" -> KeyOrigin.AWS_KMS;
            case "EXTERNAL" -> KeyOrigin.EXTERNAL;
            case "AWS_CLOUDHSM" -> KeyOrigin.AWS_CLOUDHSM;
            case "EXTERNAL_KEY_STORE" -> KeyOrigin.EXTERNAL_KEY_STORE;
            default -> KeyOrigin.UNKNOWN;
        };
    }
}
