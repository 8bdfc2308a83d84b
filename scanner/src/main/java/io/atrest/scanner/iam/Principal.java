package io.atrest.scanner.iam;

import java.util.List;
import java.util.Map;

/**
 * A statement's Principal: either everyone ({@code "*"} or {@code {"AWS": "*"}}) or named
 * principals by type (AWS, Service, Federated, CanonicalUser).
 */
public record Principal(boolean everyone, Map<String, List<String>> byType) {

    public static final Principal NONE = new Principal(false, Map.of());

    public Principal {
        byType = Map.copyOf(byType);
    }

    /** AWS principals: account ids, account roots, role, user and session ARNs. */
    public List<String> aws() {
        return byType.getOrDefault("AWS", List.of());
    }

    public List<String> services() {
        return byType.getOrDefault("Service", List.of());
    }
}
