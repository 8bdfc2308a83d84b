package io.atrest.scanner.stores.ecr;

import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;

/** ECR repositories, declared once. */
public final class EcrKind {
    public static final StoreKind<EcrRepository> KIND = StoreKind.of(EcrRepository.TYPE, EcrRepository.class)
            .title("ECR repositories")
            .task("ecr")
            .call("Ecr", "DescribeRepositories", "ecr:DescribeRepositories")
            .call("Ecr", "ListTagsForResource", "ecr:ListTagsForResource")
            .listing(Listing.of("ecr:DescribeRepositories"))
            .collector(new EcrCollector())
            .checks(EcrKeyTier::new)
            .build();

    private EcrKind() {}
}
