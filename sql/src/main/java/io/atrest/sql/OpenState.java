package io.atrest.sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One current finding state of a resource, as ingest needs it: which row holds it, its hash,
 * its outcome and when its failing streak began. A resource's open states are kept together in
 * one {@code resource_open_states} row (see V5), encoded by {@link #encode} and {@link #decode}:
 * entries separated by '|', fields by ',', the streak start in epoch microseconds.
 */
record OpenState(long findingId, long resourceId, String checkId, long stateHash, String outcome, Instant failingSince) {

    OpenState {
        if (checkId.indexOf(',') >= 0 || checkId.indexOf('|') >= 0) {
            throw new IllegalArgumentException("check id holds a separator: " + checkId);
        }
    }

    static String encode(List<OpenState> states) {
        StringBuilder text = new StringBuilder(states.size() * 48);
        for (OpenState s : states) {
            if (!text.isEmpty()) {
                text.append('|');
            }
            text.append(s.checkId).append(',').append(s.findingId).append(',').append(s.stateHash).append(',')
                    .append(s.outcome).append(',');
            if (s.failingSince != null) {
                text.append(Math.addExact(Math.multiplyExact(s.failingSince.getEpochSecond(), 1_000_000L), s.failingSince.getNano() / 1000));
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
            if (f.length != 5) {
                throw new IllegalStateException("unreadable open states of resource " + resourceId + ": " + entry);
            }
            Instant since = null;
            if (!f[4].isEmpty()) {
                long micros = Long.parseLong(f[4]);
                since = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
            }
            states.add(new OpenState(Long.parseLong(f[1]), resourceId, f[0], Long.parseLong(f[2]), f[3], since));
        }
        return states;
    }
}
