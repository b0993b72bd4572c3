package io.polaroid.cli;

import io.polaroid.server.DatasetBinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --data-root} and {@code --dataset} options of the commands that serve a catalog
 * ({@code serve}, {@code http}): where SQL may read files from, and the datasets bound at start. A picocli
 * mixin.
 */
public final class DataOptions {
    @Option(names = "--data-root", paramLabel = "DIR",
            description = "A directory SQL may read files from; repeat for several (default: no restriction).")
    private List<String> dataRoots = new ArrayList<>();

    @Option(names = "--dataset", paramLabel = "NAME=PATH",
            description = "Register (or refresh) a dataset at start: name=path or schema.name=path; repeatable.")
    private List<String> datasets = new ArrayList<>();

    /** The data roots, {@code ~} expanded, absolute and normalized. */
    public List<Path> dataRoots(PolaroidHome home) {
        return dataRoots.stream().map(home::expandHome).map(root -> root.toAbsolutePath().normalize()).toList();
    }

    /** @throws io.polaroid.error.PolaroidException 22023 for a binding that is not name=path */
    public List<DatasetBinding> datasets() {
        return datasets.stream().map(DatasetBinding::parse).toList();
    }
}
