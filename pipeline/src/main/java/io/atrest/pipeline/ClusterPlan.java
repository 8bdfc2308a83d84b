package io.atrest.pipeline;

import io.atrest.scanner.inventory.CollectionError;
import java.util.List;

/**
 * A clustered run's plan, from one walk of the organization: the accounts tonight's run covers.
 *
 * @param organization the organization part (gzipped inventory: accounts, OU paths, tags, SCPs) every account job collects against
 * @param errors the walk's failed calls, stored with the run
 */
public record ClusterPlan(String organizationId, List<String> accountIds, byte[] organization, List<CollectionError> errors) {

    public ClusterPlan {
        accountIds = List.copyOf(accountIds);
        errors = List.copyOf(errors);
    }
}
