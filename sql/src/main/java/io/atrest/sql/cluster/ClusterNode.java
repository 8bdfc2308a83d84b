package io.atrest.sql.cluster;

import java.time.Instant;

/** A scheduler node of the cluster as Quartz's job store knows it: when it last checked in. */
public record ClusterNode(String name, Instant lastCheckin, long checkinIntervalMillis) {

    /** True when the node has been silent for longer than Quartz waits before taking it for dead. */
    public boolean silentAt(Instant now) {
        return lastCheckin.plusMillis(checkinIntervalMillis + 7_500).isBefore(now);
    }
}
