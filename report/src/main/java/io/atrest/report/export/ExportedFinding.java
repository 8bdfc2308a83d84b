package io.atrest.report.export;

import io.atrest.sql.StoredFinding;

/**
 * One finding as an export writes it: the stored finding, its status in the run, and whether its
 * resource is gone (a failure fixed by deleting the resource: its last state, archived).
 */
public record ExportedFinding(StoredFinding finding, FindingStatus status, boolean resourceGone) {

    /** The id exports give the finding, the same in every run: its resource and its check. */
    public String id() {
        return finding.resourceArn() + "/" + finding.checkId();
    }
}
