package io.atrest.scanner.stores.fsx;

import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;
import java.util.Map;

/** FSx file systems, declared once. */
public final class FsxKind {
    public static final StoreKind<FsxFileSystem> KIND = StoreKind.of(FsxFileSystem.TYPE, FsxFileSystem.class)
            .title("FSx file systems")
            .asff("Other")
            .task("fsx")
            .call("FSx", "DescribeFileSystems", "fsx:DescribeFileSystems")
            .listing(Listing.of("fsx:DescribeFileSystems"))
            .collector(new FsxCollector())
            .attributes(f -> Map.of("fileSystemType", String.valueOf(f.fileSystemType())))
            .checks(FsxKeyTier::new)
            .build();

    private FsxKind() {}
}
