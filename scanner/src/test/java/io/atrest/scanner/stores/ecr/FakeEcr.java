package io.atrest.scanner.stores.ecr;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.Pages;
import io.atrest.scanner.fake.ProxyFake;
import java.util.Map;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecr.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.Tag;

/** A fake ECR: the region's repositories, paged by nextToken, and their tags by ARN. */
public final class FakeEcr {
    private FakeEcr() {}

    public static EcrClient client(FakeAccount account, String region, CallLog log, int pageSize) {
        var here = account.in(region);
        return ProxyFake.of(EcrClient.class, account.id, "Ecr", log, Map.of(
                "describeRepositories", request -> {
                    Pages<Repository> page = Pages.of(here.of(Repository.class), ((DescribeRepositoriesRequest) request).nextToken(), pageSize);
                    return DescribeRepositoriesResponse.builder().repositories(page.items()).nextToken(page.next()).build();
                },
                "listTagsForResource", request -> ListTagsForResourceResponse.builder().tags(
                        here.tags.getOrDefault(((ListTagsForResourceRequest) request).resourceArn(), Map.of()).entrySet().stream()
                                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build()));
    }

    /** Adds one store named {@code name} to the account's region (benchmarks fill organizations so). */
    public static void seed(FakeAccount account, String region, String name) {
        account.in(region).of(Repository.class).add(Repository.builder().repositoryName(name).repositoryArn("arn:aws:ecr:" + region + ":" + account.id + ":repository/" + name).build());
    }
}
