package io.atrest.scanner.inventory;

import java.util.List;

/**
 * A service control policy and where it is attached.
 *
 * @param targetIds root, OU and account ids it is attached to
 */
public record ServiceControlPolicy(String id, String arn, String name, boolean awsManaged, String document,
                                   List<String> targetIds) {

    public ServiceControlPolicy {
        targetIds = targetIds == null ? List.of() : List.copyOf(targetIds);
    }
}
