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
public record OpenState(long findingId, long resourceId, String checkId, long stateHash, String outcome, Instant failingSince,
                 long quick) {

    /** No quick digest stored: compare by state hash. (A real quick digest of 0 is compared by state hash too.) */
    public static final long NO_QUICK = 0L;

    public OpenState {
        if (checkId.indexOf(',') >= 0 || checkId.indexOf('|') >= 0) {
            throw new IllegalArgumentException("check id holds a separator: " + checkId);
        }
    }

    /** Whether this state and a finding whose quick digest is {@code quick} are known to be the same without hashing. */
    public boolean sameQuick(long quick) {
        return this.quick != NO_QUICK && this.quick == quick;
    }

    public OpenState withQuick(long quick) {
        return quick == this.quick ? this : new OpenState(findingId, resourceId, checkId, stateHash, outcome, failingSince, quick);
    }

    public static String encode(List<OpenState> states) {
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

    public static List<OpenState> decode(long resourceId, String text) {
        List<OpenState> states = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return states;
        }
        // By hand rather than with String.split: ingest decodes some 200,000 entries a night, in a JVM
        // that has only just started, where the regular-expression path is slow.
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('|', start);
            if (end < 0) {
                end = text.length();
            }
            states.add(entry(resourceId, text, start, end));
            start = end + 1;
        }
        return states;
    }

    private static OpenState entry(long resourceId, String text, int start, int end) {
        int[] commas = new int[5];
        int found = 0;
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == ',') {
                if (found == commas.length) {
                    found++; // a seventh field: not ours
                    break;
                }
                commas[found++] = i;
            }
        }
        if (found != 4 && found != 5) {
            throw new IllegalStateException("unreadable open states of resource " + resourceId + ": " + text.substring(start, end));
        }
        try {
            String checkId = text.substring(start, commas[0]);
            long findingId = Long.parseLong(text, commas[0] + 1, commas[1], 10);
            long stateHash = Long.parseLong(text, commas[1] + 1, commas[2], 10);
            String outcome = text.substring(commas[2] + 1, commas[3]);
            int sinceEnd = found == 5 ? commas[4] : end;
            Instant since = null;
            if (sinceEnd > commas[3] + 1) {
                long micros = Long.parseLong(text, commas[3] + 1, sinceEnd, 10);
                since = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
            }
            long quick = found == 5 ? Long.parseLong(text, commas[4] + 1, end, 10) : NO_QUICK;
            return new OpenState(findingId, resourceId, checkId, stateHash, outcome, since, quick);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("unreadable open states of resource " + resourceId + ": " + text.substring(start, end), e);
        }
    }
}
