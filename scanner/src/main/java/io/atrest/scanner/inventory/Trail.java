package io.atrest.scanner.inventory;

/**
 * A CloudTrail trail as seen from one account, its own or an organization trail shadowed into it.
 *
 * @param homeRegion the region the trail was created in
 * @param logging whether it is delivering now (GetTrailStatus)
 * @param managementEvents which management events it records (GetEventSelectors)
 */
public record Trail(
        String accountId,
        String homeRegion,
        String name,
        String arn,
        boolean multiRegion,
        boolean organizationTrail,
        String kmsKeyId,
        boolean logFileValidation,
        String cloudWatchLogsGroupArn,
        Observed<Boolean> logging,
        Observed<ManagementEvents> managementEvents) {

    /** Whether a trail records management read and write events. */
    public record ManagementEvents(boolean read, boolean write) {
        public boolean all() {
            return read && write;
        }
    }
}
