package io.atrest.scanner.inventory;

/** A store with a resource policy of its own (a queue, a topic, a secret, a vault). */
public interface PolicyStore extends DataStore {

    /** The resource policy's JSON; null when the store has none; unknown when it could not be read. */
    Observed<String> resourcePolicy();
}
