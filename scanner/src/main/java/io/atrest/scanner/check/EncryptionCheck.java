package io.atrest.scanner.check;

import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.StoreEncryption;
import io.atrest.scanner.policy.Classification;

/** "The store is encrypted at rest", for any kind of store. Every store can be, so never NOT_APPLICABLE by default. */
public abstract class EncryptionCheck<T extends DataStore> extends StoreCheck<T> {

    @Override
    protected Verdict judge(T store, Observed<Classification> classification, Evaluation evaluation) {
        Observed<StoreEncryption> encryption = store.storeEncryption();
        if (!encryption.isKnown()) {
            return Verdict.notEvaluated(encryption.error());
        }
        StoreEncryption e = encryption.value();
        if (e.kind() == StoreEncryption.Kind.NONE) {
            return Verdict.fail("not encrypted at rest").with("encrypted", false);
        }
        Verdict pass = Verdict.pass("encrypted at rest").with("encrypted", true);
        return e.kind() == StoreEncryption.Kind.KMS ? pass.with("kmsKey", e.effectiveKeyRef()) : pass;
    }
}
