package io.atrest.scanner.stores.ecr;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Repositorys use the key tier their classification demands. */
public final class EcrKeyTier extends KeyTierCheck<EcrRepository> {

    public static final CheckInfo INFO = CheckInfo.builder("ecr-key-tier")
            .title("Repositorys use the key tier their classification demands")
            .resourceType(EcrRepository.TYPE)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts the repository (none < provider-owned < AWS-managed KMS < "
                    + "customer-managed KMS) meets the minimum the policy sets for its classification level.")
            .rationale("Images carry code, and often configuration and secrets baked into their layers; their key "
                    + "should match what they carry.")
            .remediation("Create a repository encrypted with a customer-managed key of the right level and push the "
                    + "images to it; the encryption of a repository cannot be changed.",
                    "aws ecr create-repository --repository-name <new-repository> --encryption-configuration "
                    + "encryptionType=KMS,kmsKey=<key-arn>")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<EcrRepository> stores(Inventory inventory) {
        return inventory.storesOf(EcrRepository.class);
    }
}
