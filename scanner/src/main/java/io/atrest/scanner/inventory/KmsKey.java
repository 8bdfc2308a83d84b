package io.atrest.scanner.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A KMS key as DescribeKey and its companion calls describe it.
 *
 * @param aliases alias names ("alias/app-data") that point at this key
 * @param rotationEnabled collected for enabled symmetric customer keys only; a known null elsewhere
 * @param deletionDate when a key pending deletion will be deleted, else null
 * @param validTo when imported key material expires, else null
 * @param policy the key policy document (JSON text); collected for customer keys only
 * @param grants the key's grants (ListGrants); collected for customer keys only, absent elsewhere
 */
public record KmsKey(
        String accountId,
        String region,
        String keyId,
        String arn,
        List<String> aliases,
        KeyManager manager,
        KeyState state,
        KeyOrigin origin,
        String keySpec,
        String keyUsage,
        boolean multiRegion,
        Instant createdAt,
        Instant deletionDate,
        Instant validTo,
        Observed<Boolean> rotationEnabled,
        Observed<String> policy,
        Observed<Map<String, String>> tags,
        Observed<List<KeyGrant>> grants) {

    public KmsKey {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        grants = grants == null ? Observed.absent() : grants;
    }

    /** A key whose grants were not collected (an AWS-managed key's, or a document written before grants were). */
    public KmsKey(String accountId, String region, String keyId, String arn, List<String> aliases, KeyManager manager, KeyState state,
                  KeyOrigin origin, String keySpec, String keyUsage, boolean multiRegion, Instant createdAt, Instant deletionDate,
                  Instant validTo, Observed<Boolean> rotationEnabled, Observed<String> policy, Observed<Map<String, String>> tags) {
        this(accountId, region, keyId, arn, aliases, manager, state, origin, keySpec, keyUsage, multiRegion, createdAt, deletionDate,
                validTo, rotationEnabled, policy, tags, Observed.absent());
    }

    public boolean customerManaged() {
        return manager == KeyManager.CUSTOMER;
    }

    public boolean symmetric() {
        return "SYMMETRIC_DEFAULT".equals(keySpec);
    }

    /** A name for people: the first alias, else the key id. */
    public String displayName() {
        return aliases.isEmpty() ? keyId : aliases.get(0);
    }
}
