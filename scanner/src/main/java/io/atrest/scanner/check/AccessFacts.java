package io.atrest.scanner.check;

import io.atrest.scanner.access.Guardrails;
import io.atrest.scanner.access.IdentityIndex;
import io.atrest.scanner.access.KeyAccess;
import io.atrest.scanner.access.KeyAccessEvaluator;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.iam.PolicyParseException;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Organization;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access facts of one evaluation, each worked out once on first use: every account's
 * identity index, the SCPs that bind it, and every customer key's access matrix. Thread-safe.
 */
final class AccessFacts {
    private final Inventory inventory;
    private final Map<String, Optional<IdentityIndex>> indexes = new ConcurrentHashMap<>();
    private final Map<String, Optional<KeyAccess>> matrices = new ConcurrentHashMap<>();

    AccessFacts(Inventory inventory) {
        this.inventory = inventory;
    }

    /** The account's identity index; empty when its IAM walk failed or is not in this inventory. */
    Optional<IdentityIndex> identities(String accountId) {
        return indexes.computeIfAbsent(accountId, id -> inventory.identities().stream()
                .filter(i -> i.accountId().equals(id)).findFirst().map(IdentityIndex::of));
    }

    /** Why the account's identities are missing: its failed IAM walk, or their absence from the inventory. */
    CollectionError identitiesGap(String accountId, Evaluation evaluation) {
        return evaluation.entryFailure(accountId)
                .or(() -> evaluation.failure(accountId, null, "iam", "GetAccountAuthorizationDetails"))
                .or(() -> evaluation.failure(accountId, null, "iam", null))
                .orElseGet(() -> new CollectionError(accountId, null, "iam", "GetAccountAuthorizationDetails", ErrorReason.NOT_FOUND,
                        "NotCollected", "this inventory holds no IAM identities for the account", null));
    }

    /** The key's access matrix; empty for a key whose policy is unread or does not parse (its checks say why). */
    Optional<KeyAccess> keyAccess(KmsKey key, Evaluation evaluation) {
        return matrices.computeIfAbsent(key.arn(), arn -> {
            if (!key.policy().isPresent()) {
                return Optional.empty();
            }
            PolicyDocument policy;
            try {
                policy = evaluation.policyDocument(key.policy().value());
            } catch (PolicyParseException e) {
                return Optional.empty();
            }
            IdentityIndex index = identities(key.accountId()).orElse(null);
            return Optional.of(KeyAccessEvaluator.evaluate(key, policy, index, index == null ? identitiesGap(key.accountId(), evaluation) : null,
                    guardrails(key.accountId(), evaluation), organizationId()));
        });
    }

    private String organizationId() {
        Organization organization = inventory.organization();
        return organization == null ? null : organization.id();
    }

    /** The SCPs binding the account, as far as they are known. */
    private Guardrails guardrails(String accountId, Evaluation evaluation) {
        Organization organization = inventory.organization();
        if (organization == null || organization.isStandalone() || accountId.equals(organization.managementAccountId())) {
            return Guardrails.none();
        }
        Optional<CollectionError> failed = inventory.errors().stream().filter(e -> "organizations".equals(e.service())
                && (e.operation().startsWith("ListPolicies") || e.operation().equals("DescribePolicy")
                || e.operation().equals("ListTargetsForPolicy") || e.operation().equals("ListParents") && accountId.equals(e.accountId())))
                .findFirst();
        if (failed.isPresent()) {
            return Guardrails.unknown("organizations:" + failed.get().operation() + " failed (" + failed.get().errorCode() + ")");
        }
        Optional<Account> account = evaluation.account(accountId);
        return account.isPresent() ? Guardrails.of(account.get(), inventory.serviceControlPolicies())
                : Guardrails.unknown("the account is not in the organization walk");
    }
}
