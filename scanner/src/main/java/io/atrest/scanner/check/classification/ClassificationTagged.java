package io.atrest.scanner.check.classification;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.StoreCheck;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.ClassificationSource;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Every data store says how sensitive its data is: its own tag, or one inherited as the policy allows. */
public final class ClassificationTagged extends StoreCheck<DataStore> {

    public static final CheckInfo INFO = CheckInfo.builder("classification-tagged")
            .title("Data stores carry a data classification")
            .resourceType(ResourceType.DataStore)
            .severity(Severity.MEDIUM)
            .passesWhen("The store has a classification tag whose value is a level of the policy, or inherits one from its account "
                    + "tags or OU where the policy allows it.")
            .rationale("Every other judgement depends on knowing how sensitive the data is; an unclassified store is judged "
                    + "against a default that may be far too lax for what it really holds.")
            .remediation("Tag the store in its service console (Tags > Manage tags) with DataClassification = public, "
                            + "internal, confidential or restricted (the keys and levels your policy names).",
                    "aws resourcegroupstaggingapi tag-resources --resource-arn-list <arn> --tags DataClassification=<level>")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<DataStore> stores(Inventory inventory) {
        return inventory.dataStores();
    }

    @Override
    protected Verdict judge(DataStore store, Observed<Classification> classification, Evaluation evaluation) {
        if (!classification.isKnown()) {
            return Verdict.notEvaluated(classification.error());
        }
        Classification c = classification.value();
        if (c.rejectedValue() != null) {
            return Verdict.fail("classification tag value '" + c.rejectedValue() + "' is not a level of the policy")
                    .with("value", c.rejectedValue()).with("assumed", c.level().name());
        }
        if (c.source() == ClassificationSource.POLICY_DEFAULT) {
            return Verdict.fail("no classification: judged as " + c.level().name() + " by default")
                    .with("assumed", c.level().name());
        }
        return Verdict.pass("classified " + c.level().name()).with("level", c.level().name()).with("source", c.source());
    }
}
