package io.atrest.scanner.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrest.scanner.check.Scene;
import io.atrest.scanner.inventory.InventoryDocument.InventoryFormatException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryDocumentTest {
    @TempDir
    Path dir;

    private final Inventory inventory = new Scene()
            .with(Scene.customerKey("k", KeyState.PENDING_DELETION, Observed.absent()))
            .with(Scene.bucket("b", Scene.kms("alias/k"), "restricted"))
            .error(Scene.denied("s3", "GetBucketPolicy", "arn:aws:s3:::b"))
            .inventory();

    @Test
    void roundTripsPlainAndGzip() {
        for (String name : new String[] {"inv.json", "inv.json.gz"}) {
            Path file = dir.resolve(name);
            InventoryDocument.write(inventory, file);
            assertThat(InventoryDocument.read(file)).isEqualTo(inventory);
        }
    }

    @Test
    void keepsTheDifferenceBetweenAbsentAndUnknown() {
        Inventory back = InventoryDocument.read(new ByteArrayInputStream(
                InventoryDocument.toJson(new Scene().with(new S3Bucket("1", "b", "r", null,
                        Observed.failed(Scene.denied("s3", "GetBucketEncryption", null)), Observed.absent(),
                        Observed.of(PublicAccessBlock.ALL), Observed.absent(), Observed.absent())).inventory())
                        .getBytes(StandardCharsets.UTF_8)), "test");
        S3Bucket b = back.buckets().get(0);
        assertThat(b.encryption().isKnown()).isFalse();
        assertThat(b.encryption().error().operation()).isEqualTo("GetBucketEncryption");
        assertThat(b.policy().isKnown()).isTrue();
        assertThat(b.policy().value()).isNull();
    }

    @Test
    void refusesANewerSchemaAndJunkWithAClearMessage() throws Exception {
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, "{\"schemaVersion\": 99, \"accounts\": []}");
        assertThatThrownBy(() -> InventoryDocument.read(newer))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("newer than this atrest understands");
        Path junk = dir.resolve("junk.json");
        Files.writeString(junk, "not json at all");
        assertThatThrownBy(() -> InventoryDocument.read(junk)).isInstanceOf(InventoryFormatException.class);
        assertThatThrownBy(() -> InventoryDocument.read(dir.resolve("missing.json")))
                .isInstanceOf(InventoryFormatException.class).hasMessageContaining("missing.json");
    }
}
