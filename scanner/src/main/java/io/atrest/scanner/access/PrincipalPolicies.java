package io.atrest.scanner.access;

import io.atrest.scanner.inventory.IamPrincipal;
import java.util.List;

/**
 * The statements that decide what one user or role may do with KMS keys: the Allows and Denies of
 * its identity policies (its own, and its groups'), and its permissions boundary's, each kept only
 * when it covers some KMS action.
 *
 * @param boundary the boundary's statements; null when it has none (nothing bounds it)
 * @param boundaryUnread why the boundary is set but its document is unknown; null otherwise
 */
record PrincipalPolicies(IamPrincipal principal, List<PolicyStatement> allows, List<PolicyStatement> denies,
                         List<PolicyStatement> boundary, String boundaryUnread) {

    PrincipalPolicies {
        allows = List.copyOf(allows);
        denies = List.copyOf(denies);
        boundary = boundary == null ? null : List.copyOf(boundary);
    }
}
