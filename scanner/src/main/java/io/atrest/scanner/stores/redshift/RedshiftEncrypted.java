package io.atrest.scanner.stores.redshift;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.EncryptionCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Redshift clusters are encrypted at rest. */
public final class RedshiftEncrypted extends EncryptionCheck<RedshiftCluster> {

    public static final CheckInfo INFO = CheckInfo.builder("redshift-encrypted")
            .title("Redshift clusters are encrypted at rest")
            .resourceType(RedshiftCluster.TYPE)
            .severity(Severity.HIGH)
            .passesWhen("DescribeClusters reports the cluster Encrypted: with a KMS key it names, or with the AWS-owned key "
                    + "Redshift uses when it names none.")
            .rationale("A warehouse holds the company's joined-up data; unencrypted, every snapshot and backup of it is too.")
            .remediation("Redshift console > cluster > Actions > Modify > Database configurations > Encryption: use AWS KMS "
                    + "(Redshift migrates the data to an encrypted cluster; plan the resize time).",
                    "aws redshift modify-cluster --cluster-identifier <cluster> --encrypted --kms-key-id <key-arn>")
            .mappedTo("FSBP Redshift.10", "Config redshift-cluster-configuration-check", "Prowler redshift_cluster_encrypted_at_rest")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<RedshiftCluster> stores(Inventory inventory) {
        return inventory.storesOf(RedshiftCluster.class);
    }
}
