package io.atrest.report.html;

/** Builds SVG markup; every piece of text goes through {@link #text}, so nothing from AWS becomes markup. */
final class Svg {
    private final StringBuilder out = new StringBuilder(4096);

    Svg open(String id, int width, int height, String title, String description) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" aria-labelledby=\"").append(id).append("-t ").append(id).append("-d\">")
                .append("<title id=\"").append(id).append("-t\">").append(text(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-d\">").append(text(description)).append("</desc>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" class=\"").append(cssClass).append("\"/>");
        return this;
    }

    Svg label(double x, double y, String anchor, String cssClass, String label) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" class=\"").append(cssClass).append("\">").append(text(label)).append("</text>");
        return this;
    }

    Svg path(String points, String stroke, boolean dashed) {
        out.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"2.5\" stroke-linejoin=\"round\"")
                .append(dashed ? " stroke-dasharray=\"7 4\"" : "").append(" points=\"").append(points).append("\"/>");
        return this;
    }

    /** A marker with its own tooltip: the value behind a point is readable without guessing from the axis. */
    Svg dot(double x, double y, double radius, String fill, String tooltip) {
        out.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(radius))
                .append("\" fill=\"").append(fill)
                .append("\"><title>").append(text(tooltip)).append("</title></circle>");
        return this;
    }

    Svg rect(double x, double y, double width, double height, String fill, String tooltip) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" fill=\"").append(fill).append("\"><title>").append(text(tooltip))
                .append("</title></rect>");
        return this;
    }

    String close() {
        return out.append("</svg>").toString();
    }

    static String n(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
