package io.atrest.scanner.check;

import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.DynamoTable;
import io.atrest.scanner.inventory.EbsSnapshot;
import io.atrest.scanner.inventory.EbsVolume;
import io.atrest.scanner.inventory.EfsFileSystem;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.RdsCluster;
import io.atrest.scanner.inventory.RdsInstance;
import io.atrest.scanner.inventory.RdsSnapshot;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.keys.KeyResolution;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.stores.StoreKinds;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attributes of each resource that its checks depend on, as plain strings: encryption, key
 * and tier, classification, exposure, recovery settings. History keeps them as intervals, so
 * "when did this bucket lose its key?" has an answer. "unknown" marks a fact that could not be read.
 */
public final class ResourceAttributes {
    private ResourceAttributes() {}

    /** ARN -> attributes, for every data store and key of the evaluation's inventory. */
    public static Map<String, Map<String, String>> of(Evaluation evaluation) {
        Map<String, Map<String, String>> all = new HashMap<>();
        for (DataStore store : evaluation.inventory().dataStores()) {
            all.put(store.arn(), of(store, evaluation));
        }
        for (KmsKey key : evaluation.inventory().keys()) {
            Map<String, String> a = new TreeMap<>();
            a.put("manager", key.manager().name());
            a.put("state", key.state().name());
            a.put("origin", key.origin().name());
            a.put("keySpec", String.valueOf(key.keySpec()));
            a.put("aliases", String.join(",", key.aliases()));
            a.put("rotation", text(key.rotationEnabled()));
            a.put("deletionDate", String.valueOf(key.deletionDate()));
            a.put("validTo", String.valueOf(key.validTo()));
            a.put("stores", Integer.toString(evaluation.storesProtectedBy(key).size()));
            if (key.customerManaged()) {
                access(key, evaluation, a);
            }
            all.put(key.arn(), a);
        }
        return all;
    }

    /**
     * Who can decrypt, administer and delete a customer key, one list per capability, and whether
     * the matrix is complete: kept as intervals, history answers "who could read it then".
     */
    private static void access(KmsKey key, Evaluation evaluation, Map<String, String> a) {
        java.util.Optional<io.atrest.scanner.access.KeyAccess> access = evaluation.keyAccess(key);
        a.put("access", access.isEmpty() ? "unknown" : access.get().complete() ? "complete" : "incomplete");
        if (access.isPresent()) {
            for (io.atrest.scanner.access.KeyCapability capability : io.atrest.scanner.access.KeyCapability.values()) {
                a.put(capability.label(), io.atrest.scanner.access.StoredAccess.encode(access.get().with(capability)));
            }
        }
    }

    static Map<String, String> of(DataStore store, Evaluation evaluation) {
        Map<String, String> a = new TreeMap<>();
        Observed<Classification> classification = evaluation.classification(store);
        a.put("classification", classification.isPresent() ? classification.value().level().name() : "unknown");
        a.put("encryption", store.storeEncryption().isKnown() ? store.storeEncryption().value().kind().name() : "unknown");
        KeyResolution key = evaluation.storeKey(store);
        a.put("keyTier", key == null || !key.resolved() ? "unknown" : key.tier().name());
        if (key != null && key.key() != null) {
            a.put("key", key.key().arn());
        }
        if (store instanceof S3Bucket b) {
            a.put("versioning", b.versioning().isPresent() ? b.versioning().value().status().name()
                    : b.versioning().isKnown() ? "NEVER_ENABLED" : "unknown");
            a.put("blockPublicAccess", b.skipped("GetPublicAccessBlock") != null ? "true (account)"
                    : b.publicAccessBlock().isPresent() ? String.valueOf(b.publicAccessBlock().value().allOn())
                    : b.publicAccessBlock().isKnown() ? "false" : "unknown");
            a.put("aclPublic", text(b.aclGrantsPublic()));
            a.put("hasPolicy", b.policy().isKnown() ? String.valueOf(b.policy().value() != null) : "unknown");
        } else if (store instanceof EbsVolume v) {
            a.put("attached", String.valueOf(!v.attachedTo().isEmpty()));
        } else if (store instanceof EbsSnapshot s) {
            a.put("public", text(s.publiclyRestorable()));
        } else if (store instanceof RdsInstance i) {
            a.put("publiclyAccessible", String.valueOf(i.publiclyAccessible()));
            a.put("deletionProtection", String.valueOf(i.deletionProtection()));
            a.put("backupRetentionDays", Integer.toString(i.backupRetentionDays()));
        } else if (store instanceof RdsCluster c) {
            a.put("deletionProtection", String.valueOf(c.deletionProtection()));
            a.put("backupRetentionDays", Integer.toString(c.backupRetentionDays()));
        } else if (store instanceof RdsSnapshot s) {
            a.put("public", text(s.publicRestore()));
        } else if (store instanceof DynamoTable t) {
            a.put("pointInTimeRecovery", text(t.pointInTimeRecovery()));
            a.put("deletionProtection", String.valueOf(t.deletionProtection()));
        } else if (store instanceof EfsFileSystem f) {
            a.put("automaticBackups", text(f.automaticBackups()));
        } else {
            StoreKinds.of(store).ifPresent(kind -> a.putAll(kind.attributesOf(store)));
        }
        return a;
    }

    private static String text(Observed<Boolean> observed) {
        return observed.isKnown() ? String.valueOf(Boolean.TRUE.equals(observed.value())) : "unknown";
    }
}
