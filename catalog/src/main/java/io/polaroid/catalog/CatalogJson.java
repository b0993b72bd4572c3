package io.polaroid.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.polaroid.catalog.snapshot.Snapshot;
import io.polaroid.catalog.snapshot.SnapshotFactory;
import io.polaroid.catalog.stats.StatisticValues;
import io.polaroid.parquet.ColumnStatistics;
import io.polaroid.parquet.RowGroupInfo;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The on-disk JSON format of a persistent catalog, version {@value #FORMAT_VERSION}.
 *
 * <p>{@code catalog.json} holds the definitions — schemas and datasets (name, location, cache mode,
 * manifest file):
 * <pre>{"format":"polaroid-catalog","formatVersion":1,"schemas":["main"],
 *  "datasets":[{"schema":"main","name":"trades","location":"/data/trades","cache":"memory",
 *               "manifest":"manifests/main.trades-v1-1a2b3c4d.json"}]}</pre>
 *
 * <p>A manifest holds one snapshot: its version, schema (Arrow's JSON form), partition columns, and every
 * file with size, modification time, partition values and row-group statistics. Distinct file schemas are
 * stored once and referenced by index. Values (partition values, min, max) are written in the
 * representation of their column's type: JSON numbers for Long, numbers or "NaN"/"Infinity"/"-Infinity"
 * for Double, strings for BigDecimal and String, booleans for Boolean.
 * <pre>{"format":"polaroid-manifest","formatVersion":1,"version":3,"schema":{...},"partitionColumns":["year"],
 *  "fileSchemas":[{...}],
 *  "files":[{"path":"/data/trades/year=2024/a.parquet","size":1234,"mtime":1700000000000,"rows":1000,
 *            "schema":0,"partitions":{"year":2024},
 *            "rowGroups":[{"index":0,"rows":1000,"bytes":1100,"stats":{"price":[0,1.5,99.0]}}]}]}</pre>
 */
final class CatalogJson {
    static final int FORMAT_VERSION = 1;
    private static final String CATALOG_FORMAT = "polaroid-catalog";
    private static final String MANIFEST_FORMAT = "polaroid-manifest";

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CatalogJson() {
    }

    /** A dataset's definition as {@code catalog.json} lists it. */
    record DatasetEntry(DatasetName name, String location, CacheMode cache, String manifest) {
    }

    /** What {@code catalog.json} holds. */
    record Definitions(List<String> schemas, List<DatasetEntry> datasets) {
    }

    // ---- catalog.json ----

    static byte[] writeDefinitions(Definitions definitions) {
        ObjectNode root = NODES.objectNode();
        root.put("format", CATALOG_FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        ArrayNode schemas = root.putArray("schemas");
        definitions.schemas().forEach(schemas::add);
        ArrayNode datasets = root.putArray("datasets");
        for (DatasetEntry entry : definitions.datasets()) {
            ObjectNode node = datasets.addObject();
            node.put("schema", entry.name().schema());
            node.put("name", entry.name().name());
            node.put("location", entry.location());
            node.put("cache", entry.cache().sqlName());
            node.put("manifest", entry.manifest());
        }
        return toBytes(root);
    }

    static Definitions readDefinitions(byte[] bytes) throws IOException {
        JsonNode root = parse(bytes, CATALOG_FORMAT);
        List<String> schemas = new ArrayList<>();
        for (JsonNode schema : array(root, "schemas")) {
            schemas.add(text(schema, "schema name"));
        }
        List<DatasetEntry> datasets = new ArrayList<>();
        for (JsonNode node : array(root, "datasets")) {
            DatasetName name = new DatasetName(text(node, "schema"), text(node, "name"));
            datasets.add(new DatasetEntry(name, text(node, "location"), CacheMode.parse(text(node, "cache")),
                    text(node, "manifest")));
        }
        return new Definitions(schemas, datasets);
    }

    // ---- manifests ----

    static byte[] writeManifest(Snapshot snapshot) {
        ObjectNode root = NODES.objectNode();
        root.put("format", MANIFEST_FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("dataset", snapshot.name().toString());
        root.put("version", snapshot.version());
        root.set("schema", schemaNode(snapshot.schema()));
        ArrayNode partitionColumns = root.putArray("partitionColumns");
        snapshot.partitionColumns().forEach(partitionColumns::add);

        Map<Schema, Integer> schemaIds = new LinkedHashMap<>();
        ArrayNode fileSchemas = root.putArray("fileSchemas");
        ArrayNode files = root.putArray("files");
        Map<String, ArrowType> datasetTypes = types(snapshot.schema());
        for (DataFile file : snapshot.files()) {
            Integer schemaId = schemaIds.get(file.schema());
            if (schemaId == null) {
                schemaId = schemaIds.size();
                schemaIds.put(file.schema(), schemaId);
                fileSchemas.add(schemaNode(file.schema()));
            }
            ObjectNode node = files.addObject();
            node.put("path", file.path().toString());
            node.put("size", file.size());
            node.put("mtime", file.lastModifiedMillis());
            node.put("rows", file.rowCount());
            node.put("schema", schemaId);
            ObjectNode partitions = node.putObject("partitions");
            file.partitionValues().forEach((column, value) ->
                    partitions.set(column, encodeValue(value, datasetTypes.get(column))));
            Map<String, ArrowType> fileTypes = types(file.schema());
            ArrayNode rowGroups = node.putArray("rowGroups");
            for (RowGroupInfo rowGroup : file.rowGroups()) {
                ObjectNode group = rowGroups.addObject();
                group.put("index", rowGroup.index());
                group.put("rows", rowGroup.rowCount());
                group.put("bytes", rowGroup.compressedBytes());
                ObjectNode stats = group.putObject("stats");
                rowGroup.statistics().forEach((column, statistics) -> {
                    ArrowType type = fileTypes.get(column);
                    if (type != null) {
                        stats.set(column, encodeStatistics(statistics, type));
                    }
                });
            }
        }
        return toBytes(root);
    }

    /** The summed {@code size} of the files a manifest lists, without decoding schemas or statistics. */
    static long manifestDataBytes(byte[] bytes) throws IOException {
        long total = 0;
        for (JsonNode node : array(parse(bytes, MANIFEST_FORMAT), "files")) {
            total += number(node, "size");
        }
        return total;
    }

    static Snapshot readManifest(byte[] bytes, DatasetEntry entry, SnapshotFactory factory) throws IOException {
        JsonNode root = parse(bytes, MANIFEST_FORMAT);
        long version = number(root, "version");
        Schema schema = schemaOf(field(root, "schema"));
        List<String> partitionColumns = new ArrayList<>();
        for (JsonNode column : array(root, "partitionColumns")) {
            partitionColumns.add(text(column, "partition column"));
        }
        List<Schema> fileSchemas = new ArrayList<>();
        for (JsonNode node : array(root, "fileSchemas")) {
            fileSchemas.add(schemaOf(node));
        }
        Map<String, ArrowType> datasetTypes = types(schema);
        List<DataFile> files = new ArrayList<>();
        for (JsonNode node : array(root, "files")) {
            int schemaId = (int) number(node, "schema");
            if (schemaId < 0 || schemaId >= fileSchemas.size()) {
                throw new IOException("file schema index " + schemaId + " out of range");
            }
            Schema fileSchema = fileSchemas.get(schemaId);
            Map<String, Object> partitions = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = field(node, "partitions").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> partition = it.next();
                partitions.put(partition.getKey(), decodeValue(partition.getValue(), datasetTypes.get(partition.getKey())));
            }
            Map<String, ArrowType> fileTypes = types(fileSchema);
            List<RowGroupInfo> rowGroups = new ArrayList<>();
            for (JsonNode group : array(node, "rowGroups")) {
                Map<String, ColumnStatistics> statistics = new HashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = field(group, "stats").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> stat = it.next();
                    ArrowType type = fileTypes.get(stat.getKey());
                    if (type != null) {
                        statistics.put(stat.getKey(), decodeStatistics(stat.getValue(), type));
                    }
                }
                rowGroups.add(new RowGroupInfo((int) number(group, "index"), number(group, "rows"),
                        number(group, "bytes"), statistics));
            }
            files.add(new DataFile(Path.of(text(field(node, "path"), "path")), number(node, "size"),
                    number(node, "mtime"), partitions, number(node, "rows"), rowGroups, fileSchema));
        }
        try {
            return factory.restore(entry.name(), entry.location(), entry.cache(), version, schema, partitionColumns, files);
        } catch (IllegalArgumentException e) {
            throw new IOException("inconsistent manifest: " + e.getMessage(), e);
        }
    }

    // ---- values ----

    private static JsonNode encodeStatistics(ColumnStatistics statistics, ArrowType type) {
        ArrayNode node = NODES.arrayNode();
        node.add(statistics.nullCount());
        node.add(encodeValue(statistics.min(), type));
        node.add(encodeValue(statistics.max(), type));
        return node;
    }

    private static ColumnStatistics decodeStatistics(JsonNode node, ArrowType type) throws IOException {
        if (!node.isArray() || node.size() != 3) {
            throw new IOException("statistics must be [nulls, min, max], not " + node);
        }
        long nullCount = node.get(0).asLong(-1);
        return new ColumnStatistics(Math.max(nullCount, -1), decodeValue(node.get(1), type), decodeValue(node.get(2), type));
    }

    /** Encodes a value by its column's type; a value that does not fit the type is stored as unknown (null). */
    static JsonNode encodeValue(Object value, ArrowType type) {
        Object normalized = type == null ? null : StatisticValues.normalize(value, type);
        if (normalized == null) {
            return NODES.nullNode();
        }
        return switch (StatisticValues.kindOf(type)) {
            case LONG -> NODES.numberNode((Long) normalized);
            case DOUBLE -> {
                double d = (Double) normalized;
                yield Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(Double.toString(d));
            }
            case DECIMAL -> NODES.textNode(((BigDecimal) normalized).toString());
            case STRING -> NODES.textNode((String) normalized);
            case BOOLEAN -> NODES.booleanNode((Boolean) normalized);
            case NONE -> NODES.nullNode();
        };
    }

    static Object decodeValue(JsonNode node, ArrowType type) throws IOException {
        if (node == null || node.isNull() || type == null) {
            return null;
        }
        Object value = switch (StatisticValues.kindOf(type)) {
            case LONG -> node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
            case DOUBLE -> node.isNumber() ? (Object) node.doubleValue() : node.isTextual() ? parseDouble(node.textValue()) : null;
            case DECIMAL -> node.isTextual() ? parseDecimal(node.textValue()) : null;
            case STRING -> node.isTextual() ? node.textValue() : null;
            case BOOLEAN -> node.isBoolean() ? node.booleanValue() : null;
            case NONE -> null;
        };
        if (value == null) {
            throw new IOException("value " + node + " does not fit type " + type);
        }
        return value;
    }

    private static Double parseDouble(String text) throws IOException {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IOException("not a number: '" + text + "'", e);
        }
    }

    private static BigDecimal parseDecimal(String text) throws IOException {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IOException("not a decimal: '" + text + "'", e);
        }
    }

    // ---- helpers ----

    private static Map<String, ArrowType> types(Schema schema) {
        Map<String, ArrowType> types = new HashMap<>();
        for (Field field : schema.getFields()) {
            types.putIfAbsent(field.getName(), field.getType());
        }
        return types;
    }

    private static JsonNode schemaNode(Schema schema) {
        try {
            return MAPPER.readTree(schema.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Arrow wrote schema JSON that does not parse: " + schema, e);
        }
    }

    private static Schema schemaOf(JsonNode node) throws IOException {
        try {
            return Schema.fromJSON(MAPPER.writeValueAsString(node));
        } catch (IOException | RuntimeException e) {
            throw new IOException("invalid Arrow schema: " + e.getMessage(), e);
        }
    }

    private static byte[] toBytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize catalog JSON", e);
        }
    }

    private static JsonNode parse(byte[] bytes, String format) throws IOException {
        JsonNode root = MAPPER.readTree(bytes);
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        if (!format.equals(root.path("format").asText())) {
            throw new IOException("not a " + format + " file");
        }
        long version = number(root, "formatVersion");
        if (version != FORMAT_VERSION) {
            throw new IOException("format version " + version + " is not supported (this Polaroid reads version "
                    + FORMAT_VERSION + ")");
        }
        return root;
    }

    private static JsonNode field(JsonNode node, String name) throws IOException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IOException("missing field '" + name + "'");
        }
        return value;
    }

    private static Iterable<JsonNode> array(JsonNode node, String name) throws IOException {
        JsonNode value = field(node, name);
        if (!value.isArray()) {
            throw new IOException("field '" + name + "' must be an array");
        }
        return value;
    }

    private static long number(JsonNode node, String name) throws IOException {
        JsonNode value = field(node, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IOException("field '" + name + "' must be an integer, not " + value);
        }
        return value.longValue();
    }

    private static String text(JsonNode node, String name) throws IOException {
        JsonNode value = node.isTextual() ? node : field(node, name);
        if (!value.isTextual()) {
            throw new IOException("'" + name + "' must be a string, not " + value);
        }
        return value.textValue();
    }
}
