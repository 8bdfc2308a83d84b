package io.atrest.scanner.iam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A set of KMS actions (names without the "kms:" prefix), one bit per KMS
 * action: the grants of a key policy are unions and tests of such
 * sets, thousands per scan, and a long does them without sorted sets of strings. Iterates in
 * the alphabetical order of that list, so evidence built from it reads the same on every run.
 */
public record KmsActions(long bits) {
    /** Every KMS action, in alphabetical order: bit i is the i-th. */
    static final List<String> NAMES = List.of(
            "CancelKeyDeletion", "ConnectCustomKeyStore", "CreateAlias", "CreateCustomKeyStore", "CreateGrant", "CreateKey",
            "Decrypt", "DeleteAlias", "DeleteCustomKeyStore", "DeleteImportedKeyMaterial", "DeriveSharedSecret",
            "DescribeCustomKeyStores", "DescribeKey", "DisableKey", "DisableKeyRotation", "DisconnectCustomKeyStore",
            "EnableKey", "EnableKeyRotation", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair",
            "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext", "GenerateMac", "GenerateRandom",
            "GetKeyPolicy", "GetKeyRotationStatus", "GetParametersForImport", "GetPublicKey", "ImportKeyMaterial",
            "ListAliases", "ListGrants", "ListKeyPolicies", "ListKeyRotations", "ListKeys", "ListResourceTags",
            "ListRetirableGrants", "PutKeyPolicy", "ReEncryptFrom", "ReEncryptTo", "ReplicateKey", "RetireGrant",
            "RevokeGrant", "RotateKeyOnDemand", "ScheduleKeyDeletion", "Sign", "TagResource", "UntagResource",
            "UpdateAlias", "UpdateCustomKeyStore", "UpdateKeyDescription", "UpdatePrimaryRegion", "Verify", "VerifyMac");
    private static final Map<String, Integer> INDEX = index();

    public static final KmsActions NONE = new KmsActions(0L);
    public static final KmsActions ALL = new KmsActions(NAMES.size() == 64 ? -1L : (1L << NAMES.size()) - 1);

    private static Map<String, Integer> index() {
        if (NAMES.size() > 64) {
            throw new IllegalStateException("more KMS actions than bits in a long: " + NAMES.size());
        }
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            index.put(NAMES.get(i), i);
        }
        return Map.copyOf(index);
    }

    /** The named actions; a name that is not a KMS action is refused, so a typo cannot shrink a set silently. */
    public static KmsActions of(Collection<String> names) {
        long bits = 0;
        for (String name : names) {
            Integer i = INDEX.get(name);
            if (i == null) {
                throw new IllegalArgumentException("not a KMS action: " + name);
            }
            bits |= 1L << i;
        }
        return new KmsActions(bits);
    }

    public static KmsActions of(String... names) {
        return of(List.of(names));
    }

    /** Whether {@code action} ("Decrypt") is in the set; false for anything that is not a KMS action. */
    public boolean contains(String action) {
        Integer i = INDEX.get(action);
        return i != null && (bits & 1L << i) != 0;
    }

    public boolean containsAll(KmsActions other) {
        return (bits & other.bits) == other.bits;
    }

    public boolean containsAny(KmsActions other) {
        return (bits & other.bits) != 0;
    }

    public boolean isEmpty() {
        return bits == 0;
    }

    public int size() {
        return Long.bitCount(bits);
    }

    public KmsActions union(KmsActions other) {
        return new KmsActions(bits | other.bits);
    }

    /** Every KMS action not in this set (what a NotAction statement allows). */
    public KmsActions complement() {
        return new KmsActions(ALL.bits & ~bits);
    }

    /** The actions' names, in alphabetical order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(size());
        for (long rest = bits; rest != 0; rest &= rest - 1) {
            names.add(NAMES.get(Long.numberOfTrailingZeros(rest)));
        }
        return names;
    }

    @Override
    public String toString() {
        return names().toString();
    }
}
