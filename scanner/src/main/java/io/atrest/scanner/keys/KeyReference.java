package io.atrest.scanner.keys;

import java.util.Optional;

/**
 * A key reference as a store holds it, parsed: a key id, a key ARN, an alias name or an alias
 * ARN. References without an ARN are relative to the store's own account and region.
 *
 * @param keyId the key id, or null for an alias
 * @param aliasName "alias/..." for an alias, or null
 */
public record KeyReference(String accountId, String region, String keyId, String aliasName) {

    /**
     * Parses {@code text} as seen on a store in {@code accountId} / {@code region}.
     *
     * @return empty for text that is no key reference at all
     */
    public static Optional<KeyReference> parse(String text, String accountId, String region) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String ref = text.trim();
        if (ref.startsWith("arn:")) {
            // arn:partition:kms:region:account:key/id | alias/name
            String[] parts = ref.split(":", 6);
            if (parts.length != 6 || !"kms".equals(parts[2])) {
                return Optional.empty();
            }
            String resource = parts[5];
            if (resource.startsWith("key/")) {
                return Optional.of(new KeyReference(parts[4], parts[3], resource.substring(4), null));
            }
            if (resource.startsWith("alias/")) {
                return Optional.of(new KeyReference(parts[4], parts[3], null, resource));
            }
            return Optional.empty();
        }
        if (ref.startsWith("alias/")) {
            return Optional.of(new KeyReference(accountId, region, null, ref));
        }
        return Optional.of(new KeyReference(accountId, region, ref, null));
    }

    public boolean isAlias() {
        return aliasName != null;
    }

    /** AWS reserves {@code alias/aws/*} for the keys it manages for the account. */
    public boolean isAwsManagedAlias() {
        return aliasName != null && aliasName.startsWith("alias/aws/");
    }

    @Override
    public String toString() {
        return isAlias() ? aliasName + " (" + accountId + "/" + region + ")" : keyId + " (" + accountId + "/" + region + ")";
    }
}
