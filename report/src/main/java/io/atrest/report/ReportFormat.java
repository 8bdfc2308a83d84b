package io.atrest.report;

/** The formats reports are written in. */
public enum ReportFormat {
    /** Laid out for print: A4 pages, fonts embedded. */
    PDF("pdf"),
    /** One self-contained file for a screen: styles, script and SVG charts inline. */
    HTML("html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
