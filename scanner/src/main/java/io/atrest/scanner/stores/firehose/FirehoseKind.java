package io.atrest.scanner.stores.firehose;

import io.atrest.scanner.check.CliName;
import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;

/** Firehose delivery streams, declared once. */
public final class FirehoseKind {
    public static final StoreKind<FirehoseStream> KIND = StoreKind.of(FirehoseStream.TYPE, FirehoseStream.class)
            .title("Firehose delivery streams")
            .cliName("stream", CliName.Form.NAME)
            .asff("Other")
            .task("firehose")
            .call("Firehose", "ListDeliveryStreams", "firehose:ListDeliveryStreams")
            .call("Firehose", "DescribeDeliveryStream", "firehose:DescribeDeliveryStream")
            .call("Firehose", "ListTagsForDeliveryStream", "firehose:ListTagsForDeliveryStream")
            .listing(Listing.of("firehose:ListDeliveryStreams"))
            .collector(new FirehoseCollector())
            .checks(FirehoseEncrypted::new, FirehoseKeyTier::new)
            .build();

    private FirehoseKind() {}
}
