package io.atrest.report;

/** The formats reports are written in. */
public enum ReportFormat {
    PDF("pdf"),
    /** One self-contained file: charts are embedded as data URIs. */
    HTML("html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
