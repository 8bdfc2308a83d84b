package io.atrest.scanner.stores.fsx;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.Pages;
import io.atrest.scanner.fake.ProxyFake;
import java.util.Map;
import software.amazon.awssdk.services.fsx.FSxClient;
import software.amazon.awssdk.services.fsx.model.DescribeFileSystemsRequest;
import software.amazon.awssdk.services.fsx.model.DescribeFileSystemsResponse;
import software.amazon.awssdk.services.fsx.model.FileSystem;

/** A fake FSx: the region's file systems, paged by NextToken. */
public final class FakeFsx {
    private FakeFsx() {}

    public static FSxClient client(FakeAccount account, String region, CallLog log, int pageSize) {
        var here = account.in(region);
        return ProxyFake.of(FSxClient.class, account.id, "FSx", log, Map.of(
                "describeFileSystems", request -> {
                    Pages<FileSystem> page = Pages.of(here.of(FileSystem.class), ((DescribeFileSystemsRequest) request).nextToken(), pageSize);
                    return DescribeFileSystemsResponse.builder().fileSystems(page.items()).nextToken(page.next()).build();
                }));
    }

    /** Adds one store named {@code name} to the account's region (benchmarks fill organizations so). */
    public static void seed(FakeAccount account, String region, String name) {
        account.in(region).of(FileSystem.class).add(FileSystem.builder().fileSystemId(name).fileSystemType("WINDOWS").resourceARN("arn:aws:fsx:" + region + ":" + account.id + ":file-system/" + name)
                .build());
    }
}
