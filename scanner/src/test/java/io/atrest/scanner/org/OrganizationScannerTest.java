package io.atrest.scanner.org;

import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.sink.InMemorySink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrest.scanner.aws.ReadOnlyAllowlist;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.fake.FakeOrganization;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.S3Bucket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganizationScannerTest {
    static final String MANAGEMENT = "111111111111";
    static final String PAYMENTS = "222222222222";
    static final String ANALYTICS = "333333333333";
    static final String SUSPENDED = "444444444444";

    private final CallLog log = new CallLog();
    private final Map<String, FakeAccount> world = new HashMap<>();
    private final FakeOrganization organization = new FakeOrganization(MANAGEMENT, log, 2)
            .ou("ou-prod", "Prod", FakeOrganization.ROOT)
            .ou("ou-pay", "Payments", "ou-prod")
            .account(MANAGEMENT, "management", "ACTIVE", FakeOrganization.ROOT, Map.of())
            .account(PAYMENTS, "payments", "ACTIVE", "ou-pay", Map.of("DataClassification", "restricted"))
            .account(ANALYTICS, "analytics", "ACTIVE", "ou-prod", Map.of())
            .account(SUSPENDED, "old", "SUSPENDED", FakeOrganization.ROOT, Map.of());

    OrganizationScannerTest() {
        for (String id : List.of(MANAGEMENT, PAYMENTS, ANALYTICS)) {
            FakeAccount account = new FakeAccount(id);
            account.bucket("bucket-" + id, "eu-west-1");
            account.key("eu-west-1", "key-" + id).alias("alias/app");
            account.key("us-east-1", "aws-" + id).awsManaged().alias("alias/aws/s3");
            world.put(id, account);
        }
    }

    private final AccountAccess access = accountId -> new FakeAccountClients(world.get(accountId), log, 2);

    /** What a scan collected, put back together, and how each account ended. */
    private record Scanned(Inventory inventory, List<AccountScan> accounts) {}

    private Scanned scan(AccountAccess how, ScanOptions options) {
        InMemorySink sink = new InMemorySink();
        ScanResult result = new OrganizationScanner(organization, MANAGEMENT, how, "us-east-1", options)
                .scan(Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC), sink);
        return new Scanned(sink.whole(), result.accounts());
    }

    private static ScanOptions all() {
        return new ScanOptions(Set.of(), Set.of(), List.of(), 4);
    }

    @Test
    void scansEveryActiveAccountInEveryEnabledRegion() {
        Scanned result = scan(access, all());

        assertThat(result.inventory().accounts()).extracting(Account::id).containsExactly(MANAGEMENT, PAYMENTS, ANALYTICS);
        Account payments = result.inventory().accounts().get(1);
        assertThat(payments.ouPath()).containsExactly("Prod", "Payments");
        assertThat(payments.tags()).containsEntry("DataClassification", "restricted");
        assertThat(result.inventory().buckets()).extracting(S3Bucket::name)
                .containsExactlyInAnyOrder("bucket-" + MANAGEMENT, "bucket-" + PAYMENTS, "bucket-" + ANALYTICS);
        assertThat(result.inventory().keys()).hasSize(6);
        assertThat(result.inventory().scope()).hasSize(6);
        assertThat(result.accounts()).allSatisfy(a -> assertThat(a.status()).isEqualTo(AccountScanStatus.COMPLETE));
        assertThat(result.inventory().organization().id()).isEqualTo("o-fake12345");
    }

    @Test
    void excludedRegionsAreNeverScannedWhetherEnabledOrListed() {
        Scanned enabled = scan(access, new ScanOptions(Set.of(), Set.of(), List.of(), 4, ScanOptions.DEFAULT_ACCOUNT_DEADLINE,
                Set.of("eu-west-1")));
        assertThat(enabled.inventory().scope()).extracting(AccountRegion::region).containsOnly("us-east-1").hasSize(3);
        assertThat(enabled.inventory().keys()).extracting(KmsKey::region).containsOnly("us-east-1");
        Scanned listed = scan(access, new ScanOptions(Set.of(), Set.of(), List.of("eu-west-1", "us-east-1"), 4,
                ScanOptions.DEFAULT_ACCOUNT_DEADLINE, Set.of("us-east-1")));
        assertThat(listed.inventory().scope()).extracting(AccountRegion::region).containsOnly("eu-west-1");
    }

    @Test
    void aFullScanCallsOnlyAllowlistedReadOperations() {
        scan(access, all());
        assertThat(log.calls()).isNotEmpty().allSatisfy(call -> {
            String[] parts = call.split(":");
            assertThat(ReadOnlyAllowlist.allows(parts[0], parts[1])).as(call).isTrue();
        });
    }

    @Test
    void selectsAndExcludesAccountsAndRefusesUnknownOnes() {
        Scanned only = scan(access, new ScanOptions(Set.of(PAYMENTS, ANALYTICS), Set.of(ANALYTICS), List.of("eu-west-1"), 2));
        assertThat(only.inventory().accounts()).extracting(Account::id).containsExactly(PAYMENTS);
        assertThat(only.inventory().scope()).singleElement().satisfies(s -> assertThat(s.region()).isEqualTo("eu-west-1"));

        assertThatThrownBy(() -> scan(access, new ScanOptions(Set.of("999999999999"), Set.of(), List.of(), 1)))
                .isInstanceOf(UnknownAccountException.class)
                .hasMessageContaining("999999999999");
        assertThatThrownBy(() -> scan(access, new ScanOptions(Set.of(), Set.of(SUSPENDED), List.of(), 1)))
                .isInstanceOf(UnknownAccountException.class);
    }

    @Test
    void anAccountThatCannotBeEnteredFailsAloneAndTheRestGoOn() {
        AccountAccess refusing = accountId -> {
            if (accountId.equals(PAYMENTS)) {
                throw new AccountAccessException(new CollectionError(PAYMENTS, null, "sts", "AssumeRole",
                        ErrorReason.ACCESS_DENIED, "AccessDenied", "not authorized", "arn:aws:iam::222222222222:role/R"), null);
            }
            return access.open(accountId);
        };
        Scanned result = scan(refusing, all());

        assertThat(result.accounts()).filteredOn(a -> a.accountId().equals(PAYMENTS)).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AccountScanStatus.FAILED));
        assertThat(result.accounts()).filteredOn(a -> !a.accountId().equals(PAYMENTS))
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(AccountScanStatus.COMPLETE));
        assertThat(result.inventory().errors()).anySatisfy(e -> assertThat(e.qualifiedOperation()).isEqualTo("sts:AssumeRole"));
        assertThat(result.inventory().buckets()).hasSize(2);
    }

    @Test
    void anAccountWithFailedCallsIsPartial() {
        log.fail("Kms:ListKeys@" + ANALYTICS, "AccessDeniedException", 400);
        Scanned result = scan(access, all());
        assertThat(result.accounts()).filteredOn(a -> a.accountId().equals(ANALYTICS)).singleElement()
                .satisfies(a -> {
                    assertThat(a.status()).isEqualTo(AccountScanStatus.PARTIAL);
                    assertThat(a.errors()).isEqualTo(2); // both regions
                });
    }

    @Test
    void aSlowAccountIsCutAtItsDeadlineAndTheOthersFinish() {
        log.fail("Kms:ListKeys@" + ANALYTICS, () -> {
            try {
                Thread.sleep(120_000); // far past the deadline: the scan must not wait for it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        long started = System.nanoTime();
        Scanned result = scan(access, new ScanOptions(Set.of(), Set.of(), List.of(), 4, java.time.Duration.ofMillis(500)));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).as("cut at the deadline, not after the slow call")
                .isLessThan(java.time.Duration.ofSeconds(60));
        assertThat(result.accounts()).filteredOn(a -> a.accountId().equals(ANALYTICS)).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AccountScanStatus.PARTIAL));
        assertThat(result.inventory().errors()).anySatisfy(e -> {
            assertThat(e.accountId()).isEqualTo(ANALYTICS);
            assertThat(e.reason()).isEqualTo(ErrorReason.TIMEOUT);
            assertThat(e.service()).isEqualTo("kms");
        });
        assertThat(result.accounts()).filteredOn(a -> !a.accountId().equals(ANALYTICS))
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(AccountScanStatus.COMPLETE));
    }

    @Test
    void bucketsCutAtTheDeadlineAreOneTimeoutNotOnePerBucket() {
        for (int i = 0; i < 10; i++) {
            world.get(ANALYTICS).bucket("slow-" + i, "us-east-1");
        }
        log.fail("S3:GetBucketEncryption@" + ANALYTICS, () -> {
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        Scanned result = scan(access, new ScanOptions(Set.of(), Set.of(), List.of(), 4, java.time.Duration.ofMillis(500)));
        assertThat(result.inventory().errors()).filteredOn(e -> e.accountId().equals(ANALYTICS) && e.reason() == ErrorReason.TIMEOUT)
                .singleElement().satisfies(e -> assertThat(e.service()).isEqualTo("s3"));
    }

    @Test
    void collectsServiceControlPoliciesAndWhereTheyAttach() {
        organization.scp("p-ebs", "DenyUnencryptedEbs", "{\"Version\":\"2012-10-17\"}", "ou-prod");
        Scanned result = scan(access, all());
        assertThat(result.inventory().serviceControlPolicies()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("DenyUnencryptedEbs");
            assertThat(p.targetIds()).containsExactly("ou-prod");
        });
        Account payments = result.inventory().accounts().get(1);
        assertThat(payments.parentIds()).containsExactly(FakeOrganization.ROOT, "ou-prod", "ou-pay");
    }

    @Test
    void withoutOrganizationsTheCallerIsScannedAlone() {
        organization.inUse = false;
        Scanned result = scan(access, all());
        assertThat(result.inventory().organization().isStandalone()).isTrue();
        assertThat(result.inventory().accounts()).extracting(Account::id).containsExactly(MANAGEMENT);
    }
}
