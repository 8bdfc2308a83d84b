package io.atrest.sql.ingest;

import io.atrest.scanner.check.Finding;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * 64 bits of SHA-256 over everything that makes a finding's state: equal hashes, same state.
 * Computed from the fields directly, so unchanged findings cost no JSON at all.
 */
final class StateHash {
    private StateHash() {}

    static long of(Finding f) {
        MessageDigest sha = SHA256.get(); // digest() below resets it for the next finding
        feed(sha, f.severity().name());
        feed(sha, f.outcome().name());
        feed(sha, f.reason() == null ? null : f.reason().name());
        feed(sha, f.failedOperation());
        feed(sha, f.classification());
        feed(sha, f.message());
        for (Map.Entry<String, String> e : new TreeMap<>(f.evidence()).entrySet()) {
            feed(sha, e.getKey());
            feed(sha, e.getValue());
        }
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    /**
     * A quick 64-bit digest of a finding and its check: every field {@link #of(Finding)} reads,
     * and the check id, hashed char by char (FNV-1a, each field closed by its length and a mix;
     * evidence entries summed, so their order does not matter). Not for comparing stored states:
     * for telling, cheaply, that a resource's findings have not changed since the last night.
     */
    static long quick(Finding f) {
        long h = 0x9E3779B97F4A7C15L;
        h = quick(h, f.checkId());
        h = quick(h, f.severity().name());
        h = quick(h, f.outcome().name());
        h = quick(h, f.reason() == null ? null : f.reason().name());
        h = quick(h, f.failedOperation());
        h = quick(h, f.classification());
        h = quick(h, f.message());
        long evidence = f.evidence().size();
        for (Map.Entry<String, String> e : f.evidence().entrySet()) {
            evidence += mix(quick(quick(0x632BE59BD9B4E019L, e.getKey()), e.getValue()));
        }
        return mix(h ^ mix(evidence));
    }

    private static long quick(long h, String value) {
        if (value == null) {
            return mix(h + 0x2545F4914F6CDD1DL);
        }
        for (int i = 0; i < value.length(); i++) {
            h = (h ^ value.charAt(i)) * 0x100000001b3L;
        }
        return mix(h + value.length());
    }

    /** 64 bits of a plain string, for check ids in digests. */
    static long of(String text) {
        long h = 0xcbf29ce484222325L; // FNV-1a
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: spreads bits so that sums of mixed values make a good set digest. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static void feed(MessageDigest sha, String value) {
        if (value == null) {
            sha.update((byte) 0);
        } else {
            sha.update((byte) 1);
            sha.update(value.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
    }

    /** One digest per thread: looking SHA-256 up per finding cost more than hashing a short finding. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(StateHash::sha256);

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
