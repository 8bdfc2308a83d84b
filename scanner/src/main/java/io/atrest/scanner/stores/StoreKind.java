package io.atrest.scanner.stores;

import io.atrest.scanner.aws.ReadOperation;
import io.atrest.scanner.check.Check;
import io.atrest.scanner.check.CliName;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.DataStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One kind of data store, declared once, in the spirit of Cloud Custodian's {@code resource_type}:
 * its type and record, the collection task that finds it and the calls that task makes (with
 * their IAM actions), which of them list it, how it is collected in one account and region, its
 * attributes for history and reports, and its checks. The allowlist, the IAM policy, the API-call
 * reference, the scan's task table, listing gaps, resource attributes and the check catalog read
 * it from here ({@link StoreKinds}).
 *
 * @param title what the kind is called in the docs ("Redshift clusters")
 * @param asffType the ASFF resource type of its findings: its own name, or "Other" where ASFF has none
 * @param task the collection task's name: failures of the whole task (timeouts) carry it as their service
 * @param cliName how its checks' fix commands name one of its stores, when they do
 */
public record StoreKind<T extends DataStore>(
        ResourceType type,
        Class<T> record,
        String title,
        String asffType,
        String task,
        List<ReadOperation> calls,
        List<Listing> listings,
        StoreCollector collector,
        Function<T, Map<String, String>> attributes,
        List<Supplier<? extends Check>> checks,
        Optional<CliName> cliName) {

    public StoreKind {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(collector, "collector");
        calls = List.copyOf(calls);
        listings = List.copyOf(listings);
        checks = List.copyOf(checks);
        Objects.requireNonNull(cliName, "cliName");
        if (calls.isEmpty() || listings.isEmpty()) {
            throw new IllegalArgumentException(type + " declares no call or no listing");
        }
    }

    /** Starts the declaration of a kind of store. */
    public static <T extends DataStore> Builder<T> of(ResourceType type, Class<T> record) {
        return new Builder<>(type, record);
    }

    /** The kind's attributes of one store, beyond those every store has (classification, encryption, key). */
    public Map<String, String> attributesOf(DataStore store) {
        return attributes.apply(record.cast(store));
    }

    /** New instances of the kind's checks, in reference order. */
    public List<Check> newChecks() {
        return checks.stream().<Check>map(Supplier::get).toList();
    }

    /** Declares a kind of store field by field. */
    public static final class Builder<T extends DataStore> {
        private final ResourceType type;
        private final Class<T> record;
        private String title;
        private String asffType;
        private String task;
        private final List<ReadOperation> calls = new ArrayList<>();
        private final List<Listing> listings = new ArrayList<>();
        private StoreCollector collector;
        private Function<T, Map<String, String>> attributes = store -> Map.of();
        private final List<Supplier<? extends Check>> checks = new ArrayList<>();
        private CliName cliName;

        private Builder(ResourceType type, Class<T> record) {
            this.type = type;
            this.record = record;
            this.asffType = type.name();
        }

        public Builder<T> title(String title) {
            this.title = title;
            return this;
        }

        /** ASFF has no resource type for this kind: its findings export as "Other". */
        public Builder<T> asff(String asffType) {
            this.asffType = asffType;
            return this;
        }

        public Builder<T> task(String task) {
            this.task = task;
            return this;
        }

        /** A call the collector makes: the SDK's service and operation names, and the IAM action that allows it. */
        public Builder<T> call(String sdkService, String operation, String iamAction) {
            calls.add(new ReadOperation(sdkService, operation, iamAction));
            return this;
        }

        /** A call that lists the kind ({@link Listing}). */
        public Builder<T> listing(Listing listing) {
            listings.add(listing);
            return this;
        }

        public Builder<T> collector(StoreCollector collector) {
            this.collector = collector;
            return this;
        }

        public Builder<T> attributes(Function<T, Map<String, String>> attributes) {
            this.attributes = attributes;
            return this;
        }

        @SafeVarargs
        public final Builder<T> checks(Supplier<? extends Check>... checks) {
            this.checks.addAll(List.of(checks));
            return this;
        }

        /** The placeholder its checks' commands name one of its stores by ("queue-url"), and the form that fills it. */
        public Builder<T> cliName(String placeholder, CliName.Form form) {
            this.cliName = CliName.of(placeholder, form);
            return this;
        }

        public StoreKind<T> build() {
            return new StoreKind<>(type, record, Objects.requireNonNull(title, "title"), asffType, Objects.requireNonNull(task, "task"),
                    calls, listings, collector, attributes, checks, Optional.ofNullable(cliName));
        }
    }
}
