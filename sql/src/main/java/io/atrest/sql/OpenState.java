package io.atrest.sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One current finding state of a resource, as ingest needs it: which row holds it, its hash,
 * its outcome, when its failing streak began and its quick digest. A resource's open states are
 * kept together in one {@code resource_open_states} row (see V5), encoded by {@link #encode} and
 * {@link #decode}: entries separated by '|', fields by ',', the streak start in epoch microseconds.
 *
 * <p>The sixth field, the finding's {@link StateHash#quick quick digest}, lets ingest tell an
 * unchanged finding of a changed resource without hashing it with SHA-256. Rows written before
 * it existed (V5's migration, older versions of atrest) have five fields: {@link #NO_QUICK},
 * compared by state hash instead, and given their quick digest when the row is next rewritten.
 */
record OpenState(long findingId, long resourceId, String checkId, long stateHash, String outcome, Instant failingSince,
                 long quick) {

    /** No quick digest stored: compare by state hash. (A real quick digest of 0 is compared by state hash too.) */
    static final long NO_QUICK = 0L;

    OpenState {
        if (checkId.indexOf(',') >= 0 || checkId.indexOf('|') >= 0) {
            throw new IllegalArgumentException("check id holds a separator: " + checkId);
        }
    }

    /** Whether this state and a finding whose quick digest is {@code quick} are known to be the same without hashing. */
    boolean sameQuick(long quick) {
        return this.quick != NO_QUICK && this.quick == quick;
    }

    OpenState withQuick(long quick) {
        return quick == this.quick ? this : new OpenState(findingId, resourceId, checkId, stateHash, outcome, failingSince, quick);
    }

    static String encode(List<OpenState> states) {
        StringBuilder text = new StringBuilder(states.size() * 64);
        for (OpenState s : states) {
            if (!text.isEmpty()) {
                text.append('|');
            }
            text.append(s.checkId).append(',').append(s.findingId).append(',').append(s.stateHash).append(',')
                    .append(s.outcome).append(',');
            if (s.failingSince != null) {
                text.append(Math.addExact(Math.multiplyExact(s.failingSince.getEpochSecond(), 1_000_000L), s.failingSince.getNano() / 1000));
            }
            if (s.quick != NO_QUICK) {
                text.append(',').append(s.quick);
            }
        }
        return text.toString();
    }

    static List<OpenState> decode(long resourceId, String text) {
        List<OpenState> states = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return states;
        }
        for (String entry : text.split("\\|")) {
            String[] f = entry.split(",", -1);
            if (f.length != 5 && f.length != 6) {
                throw new IllegalStateException("unreadable open states of resource " + resourceId + ": " + entry);
            }
            Instant since = null;
            if (!f[4].isEmpty()) {
                long micros = Long.parseLong(f[4]);
                since = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
            }
            long quick = f.length == 6 ? Long.parseLong(f[5]) : NO_QUICK;
            states.add(new OpenState(Long.parseLong(f[1]), resourceId, f[0], Long.parseLong(f[2]), f[3], since, quick));
        }
        return states;
    }
}
