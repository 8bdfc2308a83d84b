package io.atrest.scanner.stores.kinesis;

import io.atrest.scanner.check.CliName;
import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;

/** Kinesis data streams, declared once. */
public final class KinesisKind {
    public static final StoreKind<KinesisStream> KIND = StoreKind.of(KinesisStream.TYPE, KinesisStream.class)
            .title("Kinesis data streams")
            .cliName("stream", CliName.Form.NAME)
            .task("kinesis")
            .call("Kinesis", "ListStreams", "kinesis:ListStreams")
            .call("Kinesis", "DescribeStreamSummary", "kinesis:DescribeStreamSummary")
            .call("Kinesis", "ListTagsForStream", "kinesis:ListTagsForStream")
            .listing(Listing.of("kinesis:ListStreams"))
            .collector(new KinesisCollector())
            .checks(KinesisEncrypted::new, KinesisKeyTier::new)
            .build();

    private KinesisKind() {}
}
