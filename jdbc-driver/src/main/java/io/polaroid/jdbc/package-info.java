/**
 * Polaroid's JDBC driver: {@link io.polaroid.jdbc.PolaroidDriver}, built on Avatica over the session
 * contract {@link io.polaroid.engine.api.SqlSession}.
 *
 * <h2>URLs</h2>
 * <pre>
 *   jdbc:polaroid:embedded:                        a transient in-memory catalog, private to the connection
 *   jdbc:polaroid:embedded:/path/to/catalog        a persistent catalog; ~/ means the home directory
 *   jdbc:polaroid:embedded:/path;schema=analytics;queryMemoryLimit=2g
 * </pre>
 * The general form is {@code jdbc:polaroid:<mode>:<target>[;key=value]...}; {@code jdbc:polaroid://host:port}
 * is the remote mode. Properties follow the first {@code ;} in Avatica's and Calcite's
 * {@code key=value;key=value} form (quote a value with {@code '} or {@code "} to put a {@code ;} in it);
 * on the URL they override the same keys in the {@code Properties} given to {@code DriverManager}. A
 * malformed URL or an unknown mode fails with SQLState 08001.
 *
 * <h2>Properties</h2>
 * <ul>
 *   <li>{@code schema} (every mode): the schema unqualified names resolve against; default {@code main}.</li>
 *   <li>{@code queryMemoryLimit} (every mode): memory limit of each query, e.g. {@code 512m}, {@code 2g};
 *       a query that needs more fails with 53200.</li>
 *   <li>{@code memoryLimit}, {@code batchRows} (embedded): settings of the engine, shared by every
 *       connection to the same catalog directory in the JVM; the connection that opens the engine sets
 *       them and later ones that ask for other values get a warning.</li>
 * </ul>
 * {@code Driver.getPropertyInfo} lists the properties of a URL's mode with descriptions. Unknown
 * properties are reported as connection warnings.
 *
 * <h2>Structure</h2>
 * <ul>
 *   <li>{@code config}: URL parsing and property values;</li>
 *   <li>{@code mode}: {@link io.polaroid.jdbc.mode.ConnectionMode}, one per way to connect, each opening a
 *       {@link io.polaroid.jdbc.mode.Backend} (a session plus what keeps it alive); {@code embedded} is
 *       the first;</li>
 *   <li>this package: the Avatica front written once over the session: {@code SessionMeta} maps JDBC
 *       calls to the session, the statement classes add error translation, lock-free cancel and
 *       parameter binding;</li>
 *   <li>{@code cursor}: the Arrow cursor that reads result batches in place;</li>
 *   <li>{@code types}: the Arrow-to-JDBC type mapping and the dialect's type list (shared with the Flight
 *       SQL server);</li>
 *   <li>{@code metadata}: the rows of {@code DatabaseMetaData} results;</li>
 *   <li>{@code error}: PolaroidException to SQLException.</li>
 * </ul>
 *
 * <p>Every JVM that uses the driver needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED} (Apache Arrow
 * reads a private field of {@code java.nio.Buffer}); without it, connecting fails with SQLState 08001 and a
 * message that says where to put the flag.
 */
package io.polaroid.jdbc;
