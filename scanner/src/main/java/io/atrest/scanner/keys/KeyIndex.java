package io.atrest.scanner.keys;

import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.KeyTier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves key references against the keys an inventory holds, in any scanned account.
 *
 * <p>A reference resolves when its key was collected. When it was not, the index tells why:
 * the key's region could not be listed (the listing error), it lies outside the scan
 * (NOT_FOUND, with the account and region named), or the region was listed fine and the key is
 * not there (NOT_FOUND: the store points at a key that no longer exists). An {@code alias/aws/*}
 * reference is AWS-managed by definition, even before AWS has created the key.
 */
public final class KeyIndex {
    private final Map<String, KmsKey> byAccountRegionKeyId = new HashMap<>();
    private final Map<String, KmsKey> byAccountRegionAlias = new HashMap<>();
    private final Map<String, CollectionError> listingErrors = new HashMap<>();
    private final Map<String, CollectionError> describeErrors = new HashMap<>();
    private final Set<String> scannedRegions = new HashSet<>();

    private KeyIndex() {}

    public static KeyIndex of(Inventory inventory) {
        KeyIndex index = new KeyIndex();
        for (KmsKey key : inventory.keys()) {
            index.byAccountRegionKeyId.put(slot(key.accountId(), key.region(), key.keyId()), key);
            for (String alias : key.aliases()) {
                index.byAccountRegionAlias.put(slot(key.accountId(), key.region(), alias), key);
            }
        }
        for (AccountRegion ar : inventory.scope()) {
            index.scannedRegions.add(slot(ar.accountId(), ar.region(), ""));
        }
        for (CollectionError error : inventory.errors()) {
            if ("kms".equals(error.service())
                    && ("ListKeys".equals(error.operation()) || "ListAliases".equals(error.operation()))) {
                index.listingErrors.putIfAbsent(slot(error.accountId(), error.region(), ""), error);
            }
            if ("kms".equals(error.service()) && "DescribeKey".equals(error.operation()) && error.resource() != null) {
                KeyReference.parse(error.resource(), error.accountId(), error.region())
                        .filter(r -> !r.isAlias())
                        .ifPresent(r -> index.describeErrors.put(slot(r.accountId(), r.region(), r.keyId()), error));
            }
        }
        return index;
    }

    /** Resolves {@code ref} as configured on a store in {@code accountId} / {@code region}. */
    public KeyResolution resolve(String ref, String accountId, String region) {
        Optional<KeyReference> parsed = KeyReference.parse(ref, accountId, region);
        if (parsed.isEmpty()) {
            return KeyResolution.unresolved(ErrorReason.NOT_FOUND, null, "'" + ref + "' is not a KMS key reference");
        }
        return resolve(parsed.get());
    }

    public KeyResolution resolve(KeyReference ref) {
        KmsKey key = ref.isAlias()
                ? byAccountRegionAlias.get(slot(ref.accountId(), ref.region(), ref.aliasName()))
                : byAccountRegionKeyId.get(slot(ref.accountId(), ref.region(), ref.keyId()));
        if (key != null) {
            return KeyResolution.key(key);
        }
        if (ref.isAwsManagedAlias()) {
            return KeyResolution.tier(KeyTier.KMS_AWS_MANAGED);
        }
        CollectionError described = ref.isAlias() ? null : describeErrors.get(slot(ref.accountId(), ref.region(), ref.keyId()));
        if (described != null) {
            return KeyResolution.unresolved(described.reason(), described.qualifiedOperation(),
                    "key " + ref + " could not be described: " + described.errorCode());
        }
        String regionSlot = slot(ref.accountId(), ref.region(), "");
        CollectionError listing = listingErrors.get(regionSlot);
        if (listing != null) {
            return KeyResolution.unresolved(listing.reason(), listing.qualifiedOperation(),
                    "keys of " + ref.accountId() + "/" + ref.region() + " could not be listed: " + listing.errorCode());
        }
        if (!scannedRegions.contains(regionSlot)) {
            return KeyResolution.unresolved(ErrorReason.NOT_FOUND, null,
                    "key " + ref + " lies in an account or region outside this scan");
        }
        return KeyResolution.unresolved(ErrorReason.NOT_FOUND, null,
                "key " + ref + " does not exist in its account and region");
    }

    private static String slot(String accountId, String region, String name) {
        return accountId + '\u0000' + region + '\u0000' + name;
    }
}
