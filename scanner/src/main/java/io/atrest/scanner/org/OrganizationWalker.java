package io.atrest.scanner.org;

import io.atrest.scanner.aws.AwsErrors;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.Organization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.Parent;

/**
 * Walks the organization: every account that is not suspended, with its OU path and tags.
 * Without Organizations (or without the right to read it) the caller's account is the whole
 * organization, and the reason is recorded.
 */
public final class OrganizationWalker {
    private static final Logger LOG = LoggerFactory.getLogger(OrganizationWalker.class);

    private final OrganizationsClient organizations;
    private final InventoryBuilder sink;
    private final int inFlight;
    private final Map<String, String> ouNames = new ConcurrentHashMap<>();
    private final Map<String, Parent> parents = new ConcurrentHashMap<>();

    public OrganizationWalker(OrganizationsClient organizations, InventoryBuilder sink) {
        this(organizations, sink, 1);
    }

    /**
     * @param inFlight how many accounts' parents and tags are read at once: each account costs a
     *                 few Organizations calls, so an organization of hundreds is walked in
     *                 seconds, not minutes, while staying well under the Organizations rate limit
     */
    public OrganizationWalker(OrganizationsClient organizations, InventoryBuilder sink, int inFlight) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("inFlight must be at least 1: " + inFlight);
        }
        this.organizations = organizations;
        this.sink = sink;
        this.inFlight = inFlight;
    }

    /**
     * @throws OrganizationUnreadable when the organization or its account list cannot be read
     *     (denied, or throttled past every retry): the caller decides what the night scans
     */
    public OrganizationView walk(String callerAccountId) {
        Organization organization;
        try {
            var described = organizations.describeOrganization().organization();
            organization = new Organization(described.id(), described.masterAccountId());
        } catch (AwsOrganizationsNotInUseException e) {
            LOG.info("account {} is not in an organization: scanning it alone", callerAccountId);
            return standalone(callerAccountId);
        } catch (SdkException e) {
            throw new OrganizationUnreadable("DescribeOrganization", null, e);
        }
        List<software.amazon.awssdk.services.organizations.model.Account> listed = new ArrayList<>();
        try {
            organizations.listAccountsPaginator(b -> b.build()).stream().flatMap(page -> page.accounts().stream()).forEach(account -> {
                if ("ACTIVE".equals(account.statusAsString())) {
                    listed.add(account);
                } else {
                    LOG.info("skipping account {} ({})", account.id(), account.statusAsString());
                }
            });
        } catch (SdkException e) {
            // A member account may describe its organization but not list it.
            throw new OrganizationUnreadable("ListAccounts", organization, e);
        }
        List<Account> accounts = new ArrayList<>(listed.size());
        if (inFlight == 1 || listed.size() < 2) {
            listed.forEach(account -> accounts.add(describe(account)));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(inFlight, listed.size()), runnable -> {
                Thread thread = new Thread(runnable, "atrest-org-walk");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<Account>> described = new ArrayList<>(listed.size());
                listed.forEach(account -> described.add(pool.submit(() -> describe(account))));
                for (Future<Account> account : described) {
                    accounts.add(account.get()); // in the listing's order
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while walking the organization", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return new OrganizationView(organization, accounts);
    }

    /** One listed account with its OU path and tags; what cannot be read is recorded and left out. */
    private Account describe(software.amazon.awssdk.services.organizations.model.Account listed) {
        List<Parent> path = parentPath(listed.id());
        List<String> names = path.stream().filter(p -> p.id().startsWith("ou-")).map(p -> ouName(p.id())).toList();
        return new Account(listed.id(), listed.name(), listed.email(), listed.statusAsString(),
                names, tags(listed.id()), path.stream().map(Parent::id).toList());
    }

    static OrganizationView standalone(String accountId) {
        return new OrganizationView(Organization.standalone(accountId), List.of(standaloneAccount(accountId)));
    }

    static Account standaloneAccount(String accountId) {
        return new Account(accountId, null, null, "ACTIVE", List.of(), Map.of());
    }

    /**
     * The account's parents from the root down (root, then OUs). A path that cannot be read is
     * recorded and left short.
     */
    private List<Parent> parentPath(String accountId) {
        List<Parent> path = new ArrayList<>();
        String child = accountId;
        try {
            for (int depth = 0; depth < 10; depth++) { // AWS allows five OU levels under the root
                Parent parent = parent(child);
                if (parent == null) {
                    break;
                }
                path.add(0, parent);
                if (parent.type() != software.amazon.awssdk.services.organizations.model.ParentType.ORGANIZATIONAL_UNIT) {
                    break;
                }
                child = parent.id();
            }
        } catch (SdkException e) {
            sink.error(AwsErrors.toError(e, accountId, null, "organizations", "ListParents", accountId));
        }
        return path;
    }

    private Parent parent(String childId) {
        Parent cached = parents.get(childId);
        if (cached != null) {
            return cached;
        }
        List<Parent> found = organizations.listParents(r -> r.childId(childId)).parents();
        Parent parent = found.isEmpty() ? null : found.get(0);
        if (parent != null && childId.startsWith("ou-")) {
            parents.put(childId, parent);
        }
        return parent;
    }

    /** The OU's name; its id when the name cannot be read (the error is recorded once). */
    private String ouName(String ouId) {
        return ouNames.computeIfAbsent(ouId, id -> {
            try {
                return organizations.describeOrganizationalUnit(r -> r.organizationalUnitId(id)).organizationalUnit().name();
            } catch (SdkException e) {
                sink.error(AwsErrors.toError(e, null, null, "organizations", "DescribeOrganizationalUnit", id));
                return id;
            }
        });
    }

    private Map<String, String> tags(String accountId) {
        Map<String, String> tags = new LinkedHashMap<>();
        try {
            organizations.listTagsForResourcePaginator(r -> r.resourceId(accountId)).stream()
                    .flatMap(page -> page.tags().stream())
                    .forEach(t -> tags.put(t.key(), t.value()));
        } catch (SdkException e) {
            sink.error(AwsErrors.toError(e, accountId, null, "organizations", "ListTagsForResource", accountId));
        }
        return tags;
    }

}
