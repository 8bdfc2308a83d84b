package io.atrest.scanner.inventory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes an {@link Inventory} as JSON (gzip when the file name ends in .gz), so a
 * scan can be evaluated again later, without AWS, against another policy.
 */
public final class InventoryDocument {
    private static final ObjectMapper MAPPER = mapper();

    /** The document's mapper: each declared kind's record is written and read under its kind's name. */
    private static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        for (io.atrest.scanner.stores.StoreKind<?> kind : io.atrest.scanner.stores.StoreKinds.ALL) {
            mapper.registerSubtypes(new com.fasterxml.jackson.databind.jsontype.NamedType(kind.record(), kind.type().name()));
        }
        return mapper;
    }

    private InventoryDocument() {}

    public static void write(Inventory inventory, Path file) {
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw) {
            MAPPER.writeValue(out, inventory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write inventory " + file + ": " + e.getMessage(), e);
        }
    }

    public static Inventory read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            // NIO names only the path in most of its exceptions: say what went wrong.
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : String.valueOf(e.getMessage());
            throw new InventoryFormatException("cannot read inventory " + file + ": " + why, e);
        }
    }

    /** Reads plain or gzip JSON; {@code name} names the source in errors. */
    public static Inventory read(InputStream input, String name) {
        try {
            BufferedInputStream in = new BufferedInputStream(input);
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            InputStream body = (b1 == 0x1f && b2 == 0x8b) ? new GZIPInputStream(in) : in;
            return read(MAPPER.readTree(body), name);
        } catch (IOException e) {
            throw new InventoryFormatException("cannot read inventory " + name + ": " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /** Reads an inventory already parsed as JSON (the demo edits its organization night by night this way). */
    public static Inventory read(JsonNode tree, String name) {
        try {
            if (tree == null || !tree.isObject()) {
                throw new InventoryFormatException(name + " is not an inventory document");
            }
            int version = tree.path("schemaVersion").asInt(-1);
            if (version < 1) {
                throw new InventoryFormatException(name + " has no schemaVersion: not an atrest inventory");
            }
            if (version > Inventory.SCHEMA_VERSION) {
                throw new InventoryFormatException(name + " has inventory schema " + version
                        + ", newer than this atrest understands (" + Inventory.SCHEMA_VERSION + "): upgrade atrest");
            }
            return MAPPER.treeToValue(tree, Inventory.class);
        } catch (IOException e) {
            throw new InventoryFormatException("cannot read inventory " + name + ": " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /** The inventory as JSON text, for tests and exports. */
    public static String toJson(Inventory inventory) {
        try {
            return MAPPER.writeValueAsString(inventory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Thrown for a file that is not a readable inventory of a version this program knows. */
    public static final class InventoryFormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InventoryFormatException(String message) {
            super(message);
        }

        public InventoryFormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
