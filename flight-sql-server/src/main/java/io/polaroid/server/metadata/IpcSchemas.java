package io.polaroid.server.metadata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Schemas as Flight SQL sends them inside messages ({@code dataset_schema}, {@code parameter_schema},
 * {@code table_schema}): an encapsulated IPC schema message, the form every Flight SQL client reads.
 */
public final class IpcSchemas {
    private IpcSchemas() {
    }

    public static byte[] serialize(Schema schema) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            MessageSerializer.serialize(new WriteChannel(Channels.newChannel(bytes)), schema, IpcOption.DEFAULT);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a schema in memory", e);
        }
    }
}
