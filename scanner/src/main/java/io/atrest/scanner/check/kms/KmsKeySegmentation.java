package io.atrest.scanner.check.kms;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.KeyCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.Severity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One customer key protects data of one classification level only. */
public final class KmsKeySegmentation extends KeyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("kms-key-segmentation")
            .title("A customer KMS key protects data of one classification only")
            .resourceType(ResourceType.AwsKmsKey)
            .severity(Severity.MEDIUM)
            .passesWhen("All the stores a customer-managed key protects have the same classification level.")
            .rationale("Whoever may use a key may read everything under it: sharing one key between restricted and internal data "
                    + "gives the internal data's users a path to the restricted data.")
            .remediation("Create a key per classification level (or per application), then re-encrypt the stores of the other "
                            + "levels under their own key (S3: change default encryption and copy objects in place; "
                            + "EBS/RDS: snapshot, copy with the new key, restore).",
                    "aws kms create-key --description \"<level> data of <application>\" --tags TagKey=DataClassification,TagValue=<level>")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(KmsKey key, Evaluation evaluation) {
        if (!key.customerManaged()) {
            return Verdict.notApplicable("AWS-managed keys are shared by design").with("manager", key.manager());
        }
        List<DataStore> stores = evaluation.storesProtectedBy(key);
        if (stores.isEmpty()) {
            return Verdict.notApplicable("protects no store seen in the scan");
        }
        Map<String, String> levelByStore = new TreeMap<>();
        for (DataStore store : stores) {
            Observed<Classification> c = evaluation.classification(store);
            if (!c.isKnown()) {
                return Verdict.notEvaluated(c.error()).with("store", store.arn());
            }
            levelByStore.put(store.arn(), c.value().level().name());
        }
        List<String> levels = levelByStore.values().stream().distinct().sorted().toList();
        return levels.size() == 1
                ? Verdict.pass("protects " + levels.get(0) + " data only").with("level", levels.get(0)).with("stores", stores.size())
                : Verdict.fail("protects data of " + levels.size() + " levels: " + levels).with("levels", levels)
                        .with("stores", levelByStore.toString());
    }

}
