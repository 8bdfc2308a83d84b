package io.atrest.report.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A check's mappings (CheckInfo.mappedTo: "FSBP S3.5", "CIS 2.1.1", "Prowler s3_...", "Config
 * s3-...") read as exports need them: the frameworks a control belongs to, the control ids in
 * them, and the equivalent checks of other tools, which are no framework.
 */
record Frameworks(List<String> standards, List<String> requirements, List<String> related) {
    static final String FSBP = "AWS Foundational Security Best Practices";
    static final String CIS_V3 = "CIS AWS Foundations Benchmark v3.0.0";
    static final String CIS_V4 = "CIS AWS Foundations Benchmark v4.0.0";

    static Frameworks of(List<String> mappedTo) {
        Set<String> standards = new LinkedHashSet<>();
        List<String> requirements = new ArrayList<>();
        List<String> related = new ArrayList<>();
        for (String m : mappedTo) {
            if (m.startsWith("FSBP ")) {
                standards.add(FSBP);
                requirements.add(m.substring(5));
            } else if (m.startsWith("CIS v4 ")) {
                standards.add(CIS_V4);
                requirements.add("CIS v4.0.0 " + m.substring(7));
            } else if (m.startsWith("CIS ")) {
                standards.add(CIS_V3);
                requirements.add("CIS v3.0.0 " + m.substring(4));
            } else {
                related.add(m);
            }
        }
        return new Frameworks(List.copyOf(standards), List.copyOf(requirements), List.copyOf(related));
    }
}
