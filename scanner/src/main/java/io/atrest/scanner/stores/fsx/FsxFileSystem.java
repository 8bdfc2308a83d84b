package io.atrest.scanner.stores.fsx;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * An FSx file system (Windows, Lustre, ONTAP, OpenZFS): always encrypted, with the AWS-managed
 * aws/fsx key unless another KMS key is named; scratch Lustre file systems use keys FSx owns.
 */
public record FsxFileSystem(
        String accountId,
        String region,
        String fileSystemId,
        String arn,
        String fileSystemType,
        String kmsKeyId,
        Map<String, String> tags) implements DataStore {

    public static final ResourceType TYPE = new ResourceType("AwsFsxFileSystem");

    public FsxFileSystem {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    @Override
    public String displayName() {
        return fileSystemId;
    }

    @Override
    public String resourceType() {
        return TYPE.name();
    }

    @Override
    public Observed<Map<String, String>> storeTags() {
        return Observed.of(tags);
    }

    @Override
    public Observed<StoreEncryption> storeEncryption() {
        return Observed.of(kmsKeyId == null ? StoreEncryption.PROVIDER_OWNED : StoreEncryption.kms(kmsKeyId, "alias/aws/fsx"));
    }
}
