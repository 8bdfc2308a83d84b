package io.atrest.scanner.stores;

import io.atrest.scanner.aws.ReadOperation;
import io.atrest.scanner.check.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The part of docs/api-calls.md that the declared kinds of store write: for each kind, the calls
 * its collector makes with their IAM actions, which of them list it, its ASFF type and its checks.
 * Every build rewrites it between its markers; {@code DocsAreCurrentTest} guards it too.
 */
public final class StoreReference {
    static final String BEGIN = "<!-- stores: generated from StoreKinds by every build; do not edit by hand -->";
    static final String END = "<!-- end of stores -->";

    private StoreReference() {}

    /** Rewrites the generated part of {@code args[0]} (docs/api-calls.md) when it differs. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String text = Files.readString(file);
        String updated = withGenerated(text);
        if (!updated.equals(text)) {
            Files.writeString(file, updated);
        }
    }

    /** {@code document} with its generated part (between the markers) replaced by {@link #markdown}. */
    public static String withGenerated(String document) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the document has no generated part between " + BEGIN + " and " + END);
        }
        return document.substring(0, begin) + BEGIN + "\n" + markdown() + END + document.substring(end + END.length());
    }

    /** One row per declared kind of store. */
    public static String markdown() {
        StringBuilder md = new StringBuilder("\n| store | calls per account and region (IAM action) | lists it | ASFF type | checks |\n")
                .append("|---|---|---|---|---|\n");
        for (StoreKind<?> kind : StoreKinds.ALL) {
            md.append("| ").append(kind.title())
                    .append(" | ").append(kind.calls().stream().map(StoreReference::call).collect(Collectors.joining("<br>")))
                    .append(" | ").append(kind.listings().stream().map(StoreReference::listing).collect(Collectors.joining(", ")))
                    .append(" | ").append(kind.asffType())
                    .append(" | ").append(kind.newChecks().stream().map(Check::info).map(i -> "`" + i.id() + "`").collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        return md.append('\n').toString();
    }

    private static String call(ReadOperation op) {
        return "`" + op.operation() + "` (`" + op.iamAction() + "`)";
    }

    private static String listing(Listing listing) {
        return "`" + listing.operation() + "`" + (listing.resource() == null ? "" : " " + listing.resource());
    }
}
