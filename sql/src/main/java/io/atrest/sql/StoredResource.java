package io.atrest.sql;

import java.util.Map;

/** A resource as a stored run saw it: what it is and its attributes then (key, tier, classification, state, ...). */
public record StoredResource(String arn, String resourceType, String accountId, String region, String name,
                             Map<String, String> attributes) {

    public StoredResource {
        attributes = Map.copyOf(attributes);
    }
}
