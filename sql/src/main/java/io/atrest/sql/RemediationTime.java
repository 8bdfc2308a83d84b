package io.atrest.sql;

/** How many failing findings of one severity were fixed in a window, and how long they had been open on average. */
public record RemediationTime(String severity, long remediated, double meanDays) {}
