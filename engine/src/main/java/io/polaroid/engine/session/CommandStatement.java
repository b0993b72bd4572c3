package io.polaroid.engine.session;

import io.polaroid.catalog.CacheMode;
import io.polaroid.catalog.Catalog;
import io.polaroid.catalog.DatasetDescriptor;
import io.polaroid.catalog.DatasetName;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.sql.command.Command;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A catalog command. Commands take no parameters; each runs as one catalog operation, which the catalog
 * applies entirely or not at all.
 */
final class CommandStatement extends EngineStatement {
    /** Datasets get no memory cache unless asked for: reading files is the safe default. */
    static final CacheMode DEFAULT_CACHE = CacheMode.NONE;

    private static final Schema SHOW_DATASETS = new Schema(List.of(
            ResultSchemas.field("schema", SqlTypeName.VARCHAR),
            ResultSchemas.field("name", SqlTypeName.VARCHAR),
            ResultSchemas.field("location", SqlTypeName.VARCHAR),
            ResultSchemas.field("cache", SqlTypeName.VARCHAR),
            ResultSchemas.field("files", SqlTypeName.INTEGER),
            ResultSchemas.field("rows", SqlTypeName.BIGINT),
            ResultSchemas.field("bytes", SqlTypeName.BIGINT)));

    private final Command command;

    CommandStatement(String sql, Command command) {
        super(sql);
        this.command = command;
    }

    @Override
    public boolean returnsRows() {
        return command.returnsRows();
    }

    @Override
    public boolean changesCatalog() {
        return !command.returnsRows() && !(command instanceof Command.SetSchema);
    }

    @Override
    public Schema resultSchema() {
        return command.returnsRows() ? SHOW_DATASETS : UpdateCountResult.emptySchema();
    }

    @Override
    public Schema parameterSchema() {
        return UpdateCountResult.emptySchema();
    }

    @Override
    QueryResult execute(EngineSession session, List<Object> parameters, ExecutionOptions options) {
        if (!parameters.isEmpty()) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "catalog commands take no parameters");
        }
        options.cancellation().throwIfCancelled();
        Catalog catalog = session.services().catalog();
        if (command instanceof Command.CreateDataset) {
            Command.CreateDataset create = (Command.CreateDataset) command;
            CacheMode cache = create.cache().map(CacheMode::parse).orElse(DEFAULT_CACHE);
            catalog.createDataset(resolve(session, create.name()), create.location(), cache, create.ifNotExists());
            return new UpdateCountResult(0);
        } else if (command instanceof Command.RefreshDataset) {
            catalog.refreshDataset(resolve(session, ((Command.RefreshDataset) command).name()));
            return new UpdateCountResult(0);
        } else if (command instanceof Command.DropDataset) {
            Command.DropDataset drop = (Command.DropDataset) command;
            catalog.dropDataset(resolve(session, drop.name()), drop.ifExists());
            return new UpdateCountResult(0);
        } else if (command instanceof Command.ShowDatasets) {
            List<Object[]> rows = new ArrayList<>();
            for (DatasetDescriptor dataset : catalog.datasets()) {
                rows.add(new Object[] {dataset.name().schema(), dataset.name().name(), dataset.location(),
                        dataset.cache().sqlName(), dataset.fileCount(), dataset.rowCount(), dataset.bytes()});
            }
            return new ListResult(SHOW_DATASETS, rows, session.services().rootAllocator());
        } else if (command instanceof Command.CreateSchema) {
            Command.CreateSchema create = (Command.CreateSchema) command;
            catalog.createSchema(create.name(), create.ifNotExists());
            return new UpdateCountResult(0);
        } else if (command instanceof Command.DropSchema) {
            Command.DropSchema drop = (Command.DropSchema) command;
            catalog.dropSchema(drop.name(), drop.ifExists());
            return new UpdateCountResult(0);
        } else if (command instanceof Command.SetSchema) {
            session.setCurrentSchema(((Command.SetSchema) command).name());
            return new UpdateCountResult(0);
        }
        throw new IllegalStateException("unknown command " + command);
    }

    private static DatasetName resolve(EngineSession session, Command.QualifiedName name) {
        String schema = name.schema().orElse(session.currentSchema());
        if (name.schema().isPresent() && !session.services().catalog().schemaExists(schema)) {
            throw new PolaroidException(ErrorCode.UNDEFINED_SCHEMA, "schema " + schema + " does not exist");
        }
        return new DatasetName(schema, name.name());
    }
}
