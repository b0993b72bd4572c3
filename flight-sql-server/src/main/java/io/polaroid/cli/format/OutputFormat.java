package io.polaroid.cli.format;

import java.util.function.Supplier;

/** The output formats users pick with {@code --format}. */
public enum OutputFormat {
    TABLE(TableFormat::new),
    CSV(CsvFormat::new),
    JSON(JsonFormat::new);

    private final Supplier<ResultFormat> factory;

    OutputFormat(Supplier<ResultFormat> factory) {
        this.factory = factory;
    }

    public ResultFormat create() {
        return factory.get();
    }
}
