package io.polaroid.jdbc.auto;

import io.polaroid.jdbc.config.ConnectionProperty;
import java.util.List;

/** The connection properties the auto mode reads itself; every other property goes to the mode it opens. */
final class AutoProperties {
    static final String DEFAULT_FALLBACK = "remote,embedded,arrow";

    static final ConnectionProperty MODE = new ConnectionProperty("mode",
            "The mode to open first: embedded, remote or arrow (also standalone, distributed, portable), or auto "
                    + "to choose by the fallback chain and dataSizeThresholdMb. Overrides the environment variable "
                    + "BACKEND_MODE.", "",
            List.of("auto", "embedded", "remote", "arrow", "standalone", "distributed", "portable"));
    static final ConnectionProperty SERVER = ConnectionProperty.of("server",
            "The Flight SQL server of the remote mode as host:port (port 50051 if left out). Overrides the "
                    + "environment variable GRPC_SERVER.", "");
    static final ConnectionProperty CATALOG = ConnectionProperty.of("catalog",
            "The catalog directory of the embedded mode. As a fallback the directory must exist; only an explicit "
                    + "mode=embedded creates it (or, without catalog, opens a transient in-memory catalog).", "");
    static final ConnectionProperty PATH = ConnectionProperty.of("path",
            "The files of the arrow mode: a file, a directory or a glob.", "");
    static final ConnectionProperty FALLBACK = ConnectionProperty.of("fallback",
            "The modes to try, in order, after the one chosen first fails to open (comma-separated; none for no "
                    + "fallback). Without mode, this is also the order of preference; a mode is tried only when its "
                    + "input (server, catalog, path) is given.", DEFAULT_FALLBACK);
    static final ConnectionProperty DATA_SIZE_THRESHOLD_MB = ConnectionProperty.of("dataSizeThresholdMb",
            "Without mode: when the local data (the files under path, or the datasets of catalog) holds more than "
                    + "this many MiB on disk, remote is tried first; at most this many, the local modes are tried "
                    + "first. Empty: the fallback order alone decides.", "");
    static final ConnectionProperty CONNECT_TIMEOUT_MS = ConnectionProperty.of("connectTimeoutMs",
            "How long reaching the server may take in milliseconds before the next mode is tried (the remote "
                    + "mode's own default is 10000; auto waits less so a fallback opens quickly).", "2000");

    static final List<ConnectionProperty> ALL = List.of(MODE, SERVER, CATALOG, PATH, FALLBACK, DATA_SIZE_THRESHOLD_MB,
            CONNECT_TIMEOUT_MS);

    /** Environment variable naming the mode, as {@link #MODE} does. */
    static final String BACKEND_MODE = "BACKEND_MODE";
    /** Environment variable naming the server, as {@link #SERVER} does. */
    static final String GRPC_SERVER = "GRPC_SERVER";

    private AutoProperties() {
    }
}
