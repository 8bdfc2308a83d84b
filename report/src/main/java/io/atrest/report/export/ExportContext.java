package io.atrest.report.export;

import io.atrest.scanner.check.Check;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.inventory.Partition;
import io.atrest.sql.AccountCoverage;
import io.atrest.sql.FindingChange;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an export of one run knows besides the findings: the run before it (what is new, still
 * open or fixed), the failures fixed by deleting their resource, where each account files its
 * account-wide findings, and the checks' metadata. Read once before the findings stream.
 */
public final class ExportContext {
    private final ScanRun run;
    private final ScanRun previous;
    private final Set<String> fixed;
    private final List<ExportedFinding> gone;
    private final Map<String, String> homeRegions;
    private final Map<String, CheckInfo> checks;
    private final String toolVersion;

    ExportContext(ScanRun run, ScanRun previous, Set<String> fixed, List<ExportedFinding> gone, Map<String, String> homeRegions,
                  String toolVersion) {
        this.run = run;
        this.previous = previous;
        this.fixed = Set.copyOf(fixed);
        this.gone = List.copyOf(gone);
        this.homeRegions = Map.copyOf(homeRegions);
        this.checks = CheckCatalog.standard().checks().stream().map(Check::info)
                .collect(Collectors.toMap(CheckInfo::id, Function.identity()));
        this.toolVersion = toolVersion;
    }

    /** The context of {@code run} in {@code store}. */
    public static ExportContext of(HistoryStore store, ScanRun run, String toolVersion) {
        Optional<ScanRun> previous = store.runLog().storedRunBefore(run.id());
        Set<String> fixed = new HashSet<>();
        List<ExportedFinding> gone = new java.util.ArrayList<>();
        if (previous.isPresent()) {
            for (FindingChange c : store.queries().diff(previous.get().id(), run.id())) {
                if (c.kind() != FindingChange.Kind.RESOLVED) {
                    continue;
                }
                fixed.add(c.resourceArn() + "/" + c.checkId());
                if (c.after() == null) {
                    gone.add(new ExportedFinding(new StoredFinding(c.checkId(), c.severity(), c.before(), null, null, c.resourceArn(),
                            c.resourceType(), c.resourceArn(), c.accountId(), c.region(), c.classification(),
                            "resource deleted while failing: " + c.message(), Map.of(), previous.get().id(), previous.get().id(), null),
                            FindingStatus.RESOLVED, true));
                }
            }
        }
        Map<String, String> homes = new HashMap<>();
        for (AccountCoverage a : store.queries().accountCoverage(run.id())) {
            String first = a.regions() == null || a.regions().isBlank() ? null : a.regions().split(",")[0].trim();
            homes.put(a.accountId(), Partition.homeRegion(Partition.ofRegion(first), first == null ? "us-east-1" : first));
        }
        return new ExportContext(run, previous.orElse(null), fixed, gone, homes, toolVersion);
    }

    public ScanRun run() {
        return run;
    }

    /** The stored run before this one, or null for the first. */
    public ScanRun previous() {
        return previous;
    }

    /** A stored finding of the run with its status. */
    public ExportedFinding classify(StoredFinding f) {
        FindingStatus status = switch (f.outcome()) {
            case "FAIL" -> f.failingSince() != null && !f.failingSince().isBefore(run.startedAt()) ? FindingStatus.NEW : FindingStatus.IN_PROGRESS;
            case "SUPPRESSED" -> FindingStatus.SUPPRESSED;
            case "PASS" -> fixed.contains(f.resourceArn() + "/" + f.checkId()) ? FindingStatus.RESOLVED : FindingStatus.PASSING;
            case "NOT_EVALUATED" -> FindingStatus.NOT_EVALUATED;
            default -> FindingStatus.NOT_APPLICABLE;
        };
        return new ExportedFinding(f, status, false);
    }

    /** Failures of the previous run whose resource is gone: fixed by deletion, exported as their last state. */
    public List<ExportedFinding> gone() {
        return gone;
    }

    /** The region a finding is filed in: its own, or for an account-wide one its account's partition's home region. */
    public String regionOf(StoredFinding f) {
        if (f.region() != null) {
            return f.region();
        }
        return homeRegions.getOrDefault(f.accountId(), "us-east-1");
    }

    public Optional<CheckInfo> check(String checkId) {
        return Optional.ofNullable(checks.get(checkId));
    }

    public String toolVersion() {
        return toolVersion;
    }

    /** Every account's home region, for tests and the publisher. */
    Map<String, String> homeRegions() {
        return homeRegions;
    }
}
