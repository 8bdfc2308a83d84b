package io.atrest.scanner.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeOrganization;
import io.atrest.scanner.inventory.Account;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

class OrganizationWalkerTest {
    private final CallLog log = new CallLog();
    private final FakeOrganization organization = new FakeOrganization("100000000000", log, 3)
            .ou("ou-prod", "Prod", FakeOrganization.ROOT)
            .ou("ou-pay", "Payments", "ou-prod")
            .ou("ou-dev", "Dev", FakeOrganization.ROOT);

    OrganizationWalkerTest() {
        for (int i = 0; i < 12; i++) {
            String parent = i % 3 == 0 ? "ou-pay" : i % 3 == 1 ? "ou-dev" : FakeOrganization.ROOT;
            organization.account(String.valueOf(100000000000L + i), "account-" + i, i == 7 ? "SUSPENDED" : "ACTIVE", parent,
                    Map.of("team", "t" + i));
        }
    }

    @Test
    void walkingWithCallsInFlightGivesTheSameAccountsInTheListingOrder() {
        var oneAtATime = new OrganizationWalker(organization, new InventoryBuilder(), 1).walk("100000000000");
        var eightAtATime = new OrganizationWalker(organization, new InventoryBuilder(), 8).walk("100000000000");

        assertThat(eightAtATime.accounts()).isEqualTo(oneAtATime.accounts());
        assertThat(eightAtATime.accounts()).hasSize(11).first().satisfies(a -> {
            assertThat(a.ouPath()).containsExactly("Prod", "Payments");
            assertThat(a.tags()).containsEntry("team", "t0");
        });
        assertThat(eightAtATime.accounts()).extracting(Account::id).doesNotContain("100000000007");
    }

    @Test
    void readsSeveralAccountsAtOnce() {
        AtomicInteger inCall = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch threeWaiting = new CountDownLatch(3);
        // ListParents is held until three calls are waiting at once (or five seconds pass): only a walk
        // with several accounts in flight gets three there together.
        OrganizationsClient holding = (OrganizationsClient) Proxy.newProxyInstance(OrganizationsClient.class.getClassLoader(),
                new Class<?>[] {OrganizationsClient.class}, (proxy, method, args) -> {
                    boolean held = method.getName().equals("listParents");
                    if (held) {
                        most.accumulateAndGet(inCall.incrementAndGet(), Math::max);
                        threeWaiting.countDown();
                        threeWaiting.await(5, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(organization, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (held) {
                            inCall.decrementAndGet();
                        }
                    }
                });

        var view = new OrganizationWalker(holding, new InventoryBuilder(), 4).walk("100000000000");

        assertThat(view.accounts()).hasSize(11);
        assertThat(most.get()).isBetween(3, 4);
    }

    @Test
    void anAccountWhoseTagsCannotBeReadIsRecordedAndTheOthersAreWhole() {
        log.fail("Organizations:ListTagsForResource:100000000004", "AccessDeniedException", 400);
        InventoryBuilder sink = new InventoryBuilder();

        var view = new OrganizationWalker(organization, sink, 8).walk("100000000000");

        assertThat(view.accounts()).hasSize(11);
        assertThat(view.accounts()).filteredOn(a -> a.id().equals("100000000004")).singleElement()
                .satisfies(a -> assertThat(a.tags()).isEmpty());
        assertThat(view.accounts()).filteredOn(a -> a.id().equals("100000000005")).singleElement()
                .satisfies(a -> assertThat(a.tags()).containsEntry("team", "t5"));
        assertThat(sink.errorCount()).isEqualTo(1);
    }
}
