package io.atrest.scanner.stores.fsx;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.Calls;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.collect.Tags;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.StoreCollector;
import java.util.List;
import software.amazon.awssdk.services.fsx.FSxClient;
import software.amazon.awssdk.services.fsx.model.FileSystem;

/** DescribeFileSystems per region and page: key, type and tags in one listing. */
final class FsxCollector implements StoreCollector {

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        FSxClient fsx = clients.client(FSxClient.class, FSxClient::builder, region);
        Observed<List<FileSystem>> systems = new Calls(accountId, region, sink).observe("fsx", "DescribeFileSystems", null,
                () -> fsx.describeFileSystemsPaginator(r -> { }).stream().flatMap(page -> page.fileSystems().stream()).toList());
        if (!systems.isKnown()) {
            return;
        }
        for (FileSystem fs : systems.value()) {
            sink.store(new FsxFileSystem(accountId, region, fs.fileSystemId(), fs.resourceARN(), fs.fileSystemTypeAsString(), fs.kmsKeyId(),
                    Tags.of(fs.tags(), t -> t.key(), t -> t.value())));
        }
    }
}
