package io.atrest.cli.schedule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The schedule as a YAML file ({@code atrest schedule --config FILE}); flags given on the command
 * line win over it.
 *
 * <pre>
 * cron: ["0 0 2 * * ?"]          # Quartz cron: seconds minutes hours day-of-month month day-of-week
 * timeZone: Europe/Paris
 * report:
 *   cron: "0 0 6 ? * MON"
 *   folder: /var/lib/atrest/reports
 *   formats: [pdf, html]
 *   since: 90d
 * </pre>
 */
public record ScheduleFile(List<String> cron, String timeZone, ReportSection report) {

    public record ReportSection(String cron, String folder, List<String> formats, String since) {
        @JsonCreator
        public ReportSection(@JsonProperty("cron") String cron, @JsonProperty("folder") String folder,
                      @JsonProperty("formats") List<String> formats, @JsonProperty("since") String since) {
            this.cron = cron;
            this.folder = folder;
            this.formats = formats == null ? List.of() : List.copyOf(formats);
            this.since = since;
        }
    }

    @JsonCreator
    public ScheduleFile(@JsonProperty("cron") List<String> cron, @JsonProperty("timeZone") String timeZone,
                 @JsonProperty("report") ReportSection report) {
        this.cron = cron == null ? List.of() : List.copyOf(cron);
        this.timeZone = timeZone;
        this.report = report;
    }

    public static ScheduleFile read(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            ScheduleFile parsed = yaml.readValue(Files.readString(file), ScheduleFile.class);
            return parsed == null ? new ScheduleFile(null, null, null) : parsed;
        } catch (NoSuchFileException e) {
            throw new ScheduleError("--config: " + file + " does not exist");
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            String where = e.getPath().size() > 1 ? e.getPath().get(0).getFieldName() + "." : "";
            throw new ScheduleError(file + ": unknown key '" + where + e.getPropertyName() + "' (known: "
                    + (where.isEmpty() ? "cron, timeZone, report" : "cron, folder, formats, since") + ")");
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw new ScheduleError(file + (where == null ? "" : ": line " + where.getLineNr() + ", column " + where.getColumnNr())
                    + ": " + e.getOriginalMessage().split("\n", 2)[0]);
        } catch (IOException e) {
            throw new ScheduleError("--config: cannot read " + file + ": " + e.getMessage());
        }
    }
}
