package io.atrest.cli;

import io.atrest.scanner.access.KeyAccess;
import io.atrest.scanner.access.KeyAccessor;
import io.atrest.scanner.access.KeyCapability;
import io.atrest.scanner.access.StoredAccess;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who can use one key, principal by principal, as {@code atrest keys} shows it: read from a saved
 * inventory's access matrix (with what grants each access and its conditions) or from the lists a
 * stored run kept (principals and whether conditional).
 *
 * @param status "complete", "incomplete" (a read failed: more may have access), "unknown", or "n/a" for AWS-managed keys
 * @param leftOut principals a stored list left out for length
 */
record KeyGrantees(String status, List<Grantee> grantees, int leftOut) {

    /** One principal and what it can do with the key. */
    record Grantee(String principal, KeyAccessor.Kind kind, Set<KeyCapability> can, boolean conditional, String detail) {
        /** A person or workload: not the account's root user, not a service on a grant. */
        boolean counted() {
            return kind != KeyAccessor.Kind.ACCOUNT_ROOT && kind != KeyAccessor.Kind.SERVICE;
        }

        String canText() {
            return String.join(",", can.stream().map(KeyCapability::label).toList());
        }
    }

    static final KeyGrantees NOT_APPLICABLE = new KeyGrantees("n/a", List.of(), 0);

    /** The principals counted with {@code capability}. */
    long count(KeyCapability capability) {
        return grantees.stream().filter(g -> g.counted() && g.can().contains(capability)).count() + (capability == KeyCapability.DECRYPT ? leftOut : 0);
    }

    /** From a saved inventory's matrix: every principal, with what gives it access. */
    static KeyGrantees of(KeyAccess access) {
        Map<String, Grantee> byPrincipal = new LinkedHashMap<>();
        for (KeyAccessor a : access.accessors()) {
            String detail = String.join("; ", a.via()) + (a.conditions().isEmpty() ? "" : " if " + String.join("; ", a.conditions()));
            byPrincipal.merge(a.principal(), new Grantee(a.principal(), a.kind(), EnumSet.of(a.capability()),
                    a.reach() == KeyAccessor.Reach.CONDITIONAL, a.capability().label() + ": " + detail), KeyGrantees::merge);
        }
        return new KeyGrantees(access.complete() ? "complete" : "incomplete", List.copyOf(byPrincipal.values()), 0);
    }

    /** From a stored run's key attributes. */
    static KeyGrantees of(Map<String, String> attributes, String keyAccountId) {
        String status = attributes.get("access");
        if (status == null) {
            return "CUSTOMER".equals(attributes.get("manager")) ? new KeyGrantees("unknown", List.of(), 0) : NOT_APPLICABLE;
        }
        Map<String, Grantee> byPrincipal = new LinkedHashMap<>();
        int leftOut = 0;
        for (KeyCapability capability : KeyCapability.values()) {
            StoredAccess.Stored stored = StoredAccess.decode(attributes.get(capability.label()));
            leftOut = capability == KeyCapability.DECRYPT ? stored.leftOut() : leftOut;
            for (StoredAccess.Entry e : stored.entries()) {
                byPrincipal.merge(e.principal(), new Grantee(e.principal(), e.kind(keyAccountId), EnumSet.of(capability), e.conditional(), null),
                        KeyGrantees::merge);
            }
        }
        return new KeyGrantees(status, List.copyOf(byPrincipal.values()), leftOut);
    }

    private static Grantee merge(Grantee a, Grantee b) {
        Set<KeyCapability> can = EnumSet.copyOf(a.can());
        can.addAll(b.can());
        List<String> details = new ArrayList<>();
        if (a.detail() != null) {
            details.add(a.detail());
        }
        if (b.detail() != null) {
            details.add(b.detail());
        }
        return new Grantee(a.principal(), a.kind(), can, a.conditional() || b.conditional(), details.isEmpty() ? null : String.join(" | ", details));
    }
}
