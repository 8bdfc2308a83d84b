package io.atrest.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders each page of a report PDF to a PNG, for the gallery in docs/reports.md.
 *
 * <p>Usage: {@code ReportGallery REPORT.pdf OUTPUT_DIR PREFIX} writes {@code PREFIX-1.png}, ...
 */
public final class ReportGallery {
    private ReportGallery() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ReportGallery REPORT.pdf OUTPUT_DIR PREFIX");
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        try (PDDocument document = Loader.loadPDF(Path.of(args[0]).toFile())) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 80, ImageType.RGB);
                Path png = out.resolve(args[2] + "-" + (page + 1) + ".png");
                ImageIO.write(image, "png", png.toFile());
                System.out.println(png);
            }
        }
    }
}
