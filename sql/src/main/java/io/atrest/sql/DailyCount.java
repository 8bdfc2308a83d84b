package io.atrest.sql;

import java.time.LocalDate;

/** A count of events on one day: findings that began failing, or that were fixed. */
public record DailyCount(LocalDate onDay, long events) {}
