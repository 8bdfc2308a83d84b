package io.atrest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.InventoryDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The fictional organization night by night. The packaged organization is how it looks on the
 * last night; each {@link Change} says on which night (as a share of the simulated span) something
 * happened, and how things looked before. Stores appear, get fixed, regress and get fixed again,
 * and two KMS keys are scheduled for deletion while data is still encrypted under them. Beyond
 * the original six kinds, a few stores of every other kind ({@code stores}) show in the reports.
 */
final class DemoHistory {
    static final String RESOURCE = "/demo/organization.json";

    /** Something that happened on the night at {@code at} (0..1 of the span); {@code before} rewrites the nights before it. */
    private record Change(String what, double at, double until, Consumer<ObjectNode> before) {
        /** True when the organization of night {@code night} of {@code nights} still looks as it did before the change. */
        boolean pending(int night, int nights) {
            int from = (int) Math.round(at * (nights - 1));
            int to = until < 0 ? Integer.MAX_VALUE : (int) Math.round(until * (nights - 1));
            return until < 0 ? night < from : night >= from && night < to;
        }
    }

    private final ObjectNode lastNight;
    private final int nights;
    private final Instant last;

    /**
     * @param nights how many nights to simulate, the last one at {@code last}
     */
    DemoHistory(int nights, Instant last) {
        if (nights < 1) {
            throw new UserError("--nights must be at least 1");
        }
        this.nights = nights;
        this.last = last;
        this.lastNight = load();
    }

    int nights() {
        return nights;
    }

    /** When night {@code night} (0-based) is scanned. */
    Instant scannedAt(int night) {
        return last.minus(Duration.ofDays(nights - 1 - night));
    }

    /** The organization as a scan on night {@code night} (0-based) sees it. */
    Inventory night(int night) {
        ObjectNode org = lastNight.deepCopy();
        org.put("collectedAt", scannedAt(night).toString());
        // The packaged keys' deletion dates are placed relative to the night they were scheduled.
        scheduleDeletion(org, "5e1f0c2a-1111-4a5b-9c0d-222222220003", 0.93, 14);
        scheduleDeletion(org, "7a2b3c4d-3333-4e5f-8a9b-333333330003", 0.80, 30);
        for (Change change : changes()) {
            if (change.pending(night, nights)) {
                change.before().accept(org);
            }
        }
        return InventoryDocument.read(org, RESOURCE + " (night " + (night + 1) + " of " + nights + ")");
    }

    /** What changed over the span, oldest first: a fix reverts to the weakness before it, a regression is a window of weakness. */
    private List<Change> changes() {
        return List.of(
                new Change("EBS encryption by default turned on in the payments account", 0.08, -1, org -> {
                    ebsDefaults(org, "222222222222", "us-east-1").set("encryptionByDefault", observed(JsonNodeFactory.instance.booleanNode(false)));
                    ebsDefaults(org, "222222222222", "eu-west-1").set("encryptionByDefault", observed(JsonNodeFactory.instance.booleanNode(false)));
                }),
                new Change("cardholder data moved to the payments customer-managed key", 0.12, -1,
                        org -> bucket(org, "acme-payments-cardholder-data").set("encryption", observed(encryption("SSE_S3", null, false)))),
                new Change("automatic rotation enabled on the payments key", 0.20, -1,
                        org -> key(org, "5e1f0c2a-1111-4a5b-9c0d-222222220001").set("rotationEnabled", observed(JsonNodeFactory.instance.booleanNode(false)))),
                new Change("versioning enabled on the Terraform state bucket", 0.18, -1,
                        org -> bucket(org, "acme-terraform-state").set("versioning", observed(versioning("NEVER_ENABLED", false)))),
                new Change("card-tokens table created", 0.25, -1,
                        org -> remove(org, "dynamoTables", "name", "card-tokens")),
                new Change("Block Public Access turned on for the raw analytics bucket", 0.33, -1,
                        org -> bucket(org, "acme-analytics-raw").set("publicAccessBlock", observed(publicAccessBlock(false)))),
                new Change("curated data lake bucket moved to its customer-managed key", 0.28, -1,
                        org -> bucket(org, "acme-datalake-dev-curated").set("encryption", observed(encryption("SSE_S3", null, false)))),
                new Change("a public payments volume snapshot made private", 0.38, -1,
                        org -> find(org, "snapshots", "snapshotId", "snap-0pay000000000001").set("publiclyRestorable",
                                observed(JsonNodeFactory.instance.booleanNode(true)))),
                new Change("user-sessions table created without PITR or a customer key", 0.45, -1,
                        org -> remove(org, "dynamoTables", "name", "user-sessions")),
                new Change("payments exports bucket lost Block Public Access during a migration, then got it back", 0.50, 0.58,
                        org -> bucket(org, "acme-payments-exports").set("publicAccessBlock", observed(publicAccessBlock(false)))),
                new Change("campaigns database made publicly accessible", 0.62, -1,
                        org -> find(org, "rdsInstances", "identifier", "campaigns").put("publiclyAccessible", false)),
                new Change("payments archive versioning suspended by a cost-saving script, then re-enabled", 0.70, 0.78,
                        org -> bucket(org, "acme-payments-archive").set("versioning", observed(versioning("SUSPENDED", true)))),
                new Change("an analytics key scheduled for deletion", 0.80, -1,
                        org -> enable(key(org, "7a2b3c4d-3333-4e5f-8a9b-333333330003"))),
                new Change("analytics warehouse created, encrypted with the analytics key", 0.15, -1,
                        org -> remove(org, "stores", "arn", "arn:aws:redshift:us-east-1:333333333333:cluster:insights")),
                new Change("the newsletter queue opened to everyone for a web form", 0.55, -1,
                        org -> find(org, "stores", "arn", "arn:aws:sqs:us-east-1:444444444444:newsletter-signups")
                                .set("resourcePolicy", observed(JsonNodeFactory.instance.nullNode()))),
                new Change("the 2019 ledger key scheduled for deletion while the ledger bucket still uses it", 0.93, -1,
                        org -> enable(key(org, "5e1f0c2a-1111-4a5b-9c0d-222222220003"))));
    }

    private void scheduleDeletion(ObjectNode org, String keyId, double at, int waitingDays) {
        int night = (int) Math.round(at * (nights - 1));
        key(org, keyId).put("deletionDate", scannedAt(night).plus(Duration.ofDays(waitingDays)).toString());
    }

    private static void enable(ObjectNode key) {
        key.put("state", "ENABLED");
        key.putNull("deletionDate");
        key.set("rotationEnabled", observed(JsonNodeFactory.instance.booleanNode(true)));
    }

    private static ObjectNode observed(JsonNode value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("value", value);
        return node;
    }

    private static ObjectNode encryption(String type, String keyRef, boolean bucketKey) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", type);
        node.put("kmsKeyRef", keyRef);
        node.put("bucketKeyEnabled", bucketKey);
        return node;
    }

    private static ObjectNode publicAccessBlock(boolean on) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (String setting : List.of("blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets")) {
            node.put(setting, on);
        }
        return node;
    }

    private static ObjectNode versioning(String status, boolean mfaDelete) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("status", status);
        node.put("mfaDelete", mfaDelete);
        return node;
    }

    private static ObjectNode ebsDefaults(ObjectNode org, String accountId, String region) {
        for (JsonNode item : org.withArray("ebsDefaults")) {
            if (accountId.equals(item.path("accountId").asText()) && region.equals(item.path("region").asText())) {
                return (ObjectNode) item;
            }
        }
        throw new IllegalStateException("the demo organization has no EBS defaults for " + accountId + " in " + region);
    }

    private static ObjectNode bucket(ObjectNode org, String name) {
        return find(org, "buckets", "name", name);
    }

    private static ObjectNode key(ObjectNode org, String keyId) {
        return find(org, "keys", "keyId", keyId);
    }

    private static ObjectNode find(ObjectNode org, String array, String field, String value) {
        for (JsonNode item : org.withArray(array)) {
            if (value.equals(item.path(field).asText())) {
                return (ObjectNode) item;
            }
        }
        throw new IllegalStateException("the demo organization has no " + array + " entry with " + field + " " + value);
    }

    private static void remove(ObjectNode org, String array, String field, String value) {
        ArrayNode items = org.withArray(array);
        for (Iterator<JsonNode> it = items.iterator(); it.hasNext(); ) {
            if (value.equals(it.next().path(field).asText())) {
                it.remove();
                return;
            }
        }
        throw new IllegalStateException("the demo organization has no " + array + " entry with " + field + " " + value);
    }

    private static ObjectNode load() {
        try (InputStream in = DemoHistory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo organization is missing from the jar: " + RESOURCE);
            }
            return (ObjectNode) new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
