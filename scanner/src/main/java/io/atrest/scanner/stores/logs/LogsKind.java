package io.atrest.scanner.stores.logs;

import io.atrest.scanner.check.CliName;
import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;

/** CloudWatch Logs log groups, declared once. */
public final class LogsKind {
    public static final StoreKind<LogGroup> KIND = StoreKind.of(LogGroup.TYPE, LogGroup.class)
            .title("CloudWatch Logs log groups")
            .cliName("log-group", CliName.Form.NAME)
            .asff("Other")
            .task("logs")
            .call("CloudWatchLogs", "DescribeLogGroups", "logs:DescribeLogGroups")
            .call("CloudWatchLogs", "ListTagsForResource", "logs:ListTagsForResource")
            .listing(Listing.of("logs:DescribeLogGroups"))
            .collector(new LogsCollector())
            .checks(LogGroupKeyTier::new)
            .build();

    private LogsKind() {}
}
