package io.atrest.scanner.access;

import io.atrest.scanner.inventory.CollectionError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who can use one customer key, and how: its key policy (with the delegation to the account),
 * the identity policies and permissions boundaries of the account's users and roles, grants,
 * explicit denies and service control policies, joined as IAM joins them.
 *
 * @param accessors one entry per principal and capability
 * @param notes what the matrix left out or could not settle (an unread boundary, SCPs not applied)
 * @param gap a failed read that leaves the matrix incomplete (the IAM walk of an account the key
 *     delegates to, the key's grants); null when it is complete
 */
public record KeyAccess(String keyArn, String accountId, List<KeyAccessor> accessors, List<String> notes, CollectionError gap) {

    public KeyAccess {
        accessors = List.copyOf(accessors);
        notes = List.copyOf(notes);
    }

    public boolean complete() {
        return gap == null;
    }

    /** The accessors with {@code capability}, in the matrix's order. */
    public List<KeyAccessor> with(KeyCapability capability) {
        return accessors.stream().filter(a -> a.capability() == capability).toList();
    }

    /** The principals with {@code capability}, each once. */
    public Set<String> principalsWith(KeyCapability capability) {
        Set<String> principals = new LinkedHashSet<>();
        with(capability).forEach(a -> principals.add(a.principal()));
        return principals;
    }

    /** Whether {@code principal} appears in the matrix at all. */
    public boolean reaches(String principal) {
        return accessors.stream().anyMatch(a -> a.principal().equals(principal));
    }
}
