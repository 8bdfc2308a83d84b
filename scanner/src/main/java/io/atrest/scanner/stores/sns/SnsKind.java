package io.atrest.scanner.stores.sns;

import io.atrest.scanner.check.CliName;
import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;

/** SNS topics, declared once. */
public final class SnsKind {
    public static final StoreKind<SnsTopic> KIND = StoreKind.of(SnsTopic.TYPE, SnsTopic.class)
            .title("SNS topics")
            .cliName("topic-arn", CliName.Form.ARN)
            .task("sns")
            .call("Sns", "ListTopics", "sns:ListTopics")
            .call("Sns", "GetTopicAttributes", "sns:GetTopicAttributes")
            .call("Sns", "ListTagsForResource", "sns:ListTagsForResource")
            .listing(Listing.of("sns:ListTopics"))
            .collector(new SnsCollector())
            .checks(SnsEncrypted::new, SnsKeyTier::new, SnsNotPublic::new)
            .build();

    private SnsKind() {}
}
