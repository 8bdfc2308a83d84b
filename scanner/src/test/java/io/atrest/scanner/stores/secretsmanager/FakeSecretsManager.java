package io.atrest.scanner.stores.secretsmanager;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.Pages;
import io.atrest.scanner.fake.ProxyFake;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/** A fake Secrets Manager: the region's secrets, paged by NextToken, and their resource policies by ARN (none: absent). */
public final class FakeSecretsManager {
    private FakeSecretsManager() {}

    public static SecretsManagerClient client(FakeAccount account, String region, CallLog log, int pageSize) {
        var here = account.in(region);
        return ProxyFake.of(SecretsManagerClient.class, account.id, "SecretsManager", log, Map.of(
                "listSecrets", request -> {
                    Pages<SecretListEntry> page = Pages.of(here.of(SecretListEntry.class), ((ListSecretsRequest) request).nextToken(), pageSize);
                    return ListSecretsResponse.builder().secretList(page.items()).nextToken(page.next()).build();
                },
                "getResourcePolicy", request -> {
                    String arn = ((GetResourcePolicyRequest) request).secretId();
                    return GetResourcePolicyResponse.builder().arn(arn).resourcePolicy(here.policies.get(arn)).build();
                }));
    }

    /** Adds one store named {@code name} to the account's region (benchmarks fill organizations so). */
    public static void seed(FakeAccount account, String region, String name) {
        account.in(region).of(SecretListEntry.class).add(SecretListEntry.builder().name(name).arn("arn:aws:secretsmanager:" + region + ":" + account.id + ":secret:" + name + "-AbCdEf")
                .build());
    }
}
