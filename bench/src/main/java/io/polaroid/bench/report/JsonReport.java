package io.polaroid.bench.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.polaroid.bench.run.Measurement;
import io.polaroid.bench.run.QueryOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/** Writes a {@link BenchReport} as JSON for scripts: every run's time, not only the summary. */
public final class JsonReport {
    private JsonReport() {
    }

    /** Writes to {@code out}, which stays open (it may be System.out). */
    public static void write(BenchReport report, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("command", report.command());
            json.writeStringField("started", report.started().toString());
            json.writeNumberField("elapsedSeconds", report.elapsedSeconds());
            machine(json, report);
            json.writeObjectFieldStart("settings");
            json.writeNumberField("warmups", Math.max(1, report.settings().warmups()));
            json.writeNumberField("runs", report.settings().runs());
            json.writeNumberField("budgetSeconds", report.settings().budgetSeconds());
            json.writeNumberField("queryTimeoutSeconds", report.settings().queryTimeoutSeconds());
            json.writeEndObject();
            json.writeArrayFieldStart("data");
            for (String description : report.dataDescriptions()) {
                json.writeString(description);
            }
            json.writeEndArray();
            targets(json, report);
            json.writeArrayFieldStart("queries");
            for (QueryOutcome outcome : report.outcomes()) {
                query(json, report, outcome);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void machine(JsonGenerator json, BenchReport report) throws IOException {
        MachineInfo machine = report.machine();
        json.writeObjectFieldStart("machine");
        json.writeStringField("cpu", machine.cpu());
        json.writeNumberField("cores", machine.cores());
        json.writeNumberField("memoryBytes", machine.memoryBytes());
        json.writeStringField("os", machine.os());
        json.writeStringField("jvm", machine.jvm());
        json.writeNumberField("maxHeapBytes", machine.maxHeapBytes());
        json.writeArrayFieldStart("jvmArguments");
        for (String argument : machine.jvmArguments()) {
            json.writeString(argument);
        }
        json.writeEndArray();
        json.writeStringField("loadAverageAtStart", report.loadAtStart());
        json.writeStringField("loadAverageAtEnd", report.loadAtEnd());
        json.writeEndObject();
    }

    private static void targets(JsonGenerator json, BenchReport report) throws IOException {
        json.writeArrayFieldStart("targets");
        for (TargetSummary target : report.targets()) {
            json.writeStartObject();
            json.writeStringField("id", target.id());
            json.writeStringField("label", target.label());
            json.writeStringField("description", target.description());
            number(json, "setupSeconds", target.setupSeconds());
            json.writeObjectFieldStart("datasetRows");
            for (Map.Entry<String, Long> rows : target.datasetRows().entrySet()) {
                json.writeNumberField(rows.getKey(), rows.getValue());
            }
            json.writeEndObject();
            optional(json, "error", target.error());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void query(JsonGenerator json, BenchReport report, QueryOutcome outcome) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", outcome.query().id());
        json.writeStringField("title", outcome.query().title());
        json.writeStringField("sql", outcome.query().sql());
        json.writeBooleanField("answersAgree", outcome.problems().isEmpty());
        json.writeArrayFieldStart("problems");
        for (String problem : outcome.problems()) {
            json.writeString(problem);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("targets");
        for (Map.Entry<String, Measurement> entry : outcome.measurements().entrySet()) {
            Measurement m = entry.getValue();
            json.writeObjectFieldStart(entry.getKey());
            if (m.ok()) {
                json.writeNumberField("rows", m.rows());
                json.writeNumberField("medianMillis", m.medianMillis());
                json.writeNumberField("minMillis", m.minMillis());
                json.writeNumberField("firstRunMillis", m.firstRunMillis());
                json.writeArrayFieldStart("runMillis");
                for (double millis : m.runMillis()) {
                    json.writeNumber(millis);
                }
                json.writeEndArray();
            }
            optional(json, "error", m.error());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeObjectFieldStart("ratios");
        for (Comparison comparison : report.comparisons()) {
            Optional<Double> ratio = outcome.ratio(comparison.targetId(), comparison.baselineId());
            if (ratio.isPresent()) {
                json.writeNumberField(comparison.targetId() + "/" + comparison.baselineId(), ratio.get());
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void number(JsonGenerator json, String name, double value) throws IOException {
        if (Double.isNaN(value)) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
    }

    private static void optional(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
    }
}
