package io.polaroid.server;

import io.polaroid.catalog.DatasetName;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.Objects;

/**
 * A dataset the server registers (or refreshes) when it starts: {@code --dataset name=path}.
 *
 * @param name     the dataset, {@code name} or {@code schema.name}
 * @param location a file, a directory or a glob, as {@code CREATE DATASET} takes it
 */
public record DatasetBinding(DatasetName name, String location) {
    public DatasetBinding {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
    }

    /**
     * Parses {@code name=path} or {@code schema.name=path}.
     *
     * @throws PolaroidException 22023 when there is no {@code =}, or a part is empty
     */
    public static DatasetBinding parse(String text) {
        Objects.requireNonNull(text, "text");
        int equals = text.indexOf('=');
        String name = equals < 0 ? "" : text.substring(0, equals).strip();
        String location = equals < 0 ? "" : text.substring(equals + 1).strip();
        if (name.isEmpty() || location.isEmpty()) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "dataset '" + text + "' must be written name=path or schema.name=path");
        }
        int dot = name.indexOf('.');
        if (dot == 0 || dot == name.length() - 1 || name.indexOf('.', dot + 1) >= 0) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "dataset name '" + name + "' must be name or schema.name");
        }
        DatasetName dataset = dot < 0 ? DatasetName.of(name)
                : new DatasetName(name.substring(0, dot), name.substring(dot + 1));
        return new DatasetBinding(dataset, location);
    }
}
