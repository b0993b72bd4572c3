package io.polaroid.server.flight;

import com.google.protobuf.Message;
import org.apache.arrow.flight.FlightProducer.StreamListener;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.sql.impl.FlightSql.DoPutUpdateResult;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Acknowledges a {@code DoPut} with a Flight SQL result message in its application metadata. The message
 * is copied into the gRPC response when it is sent, so the Arrow buffer holding it is freed right after.
 */
final class PutResults {
    private PutResults() {
    }

    /** Sends {@code DoPutUpdateResult(count)} and completes the call. */
    static void updateCount(StreamListener<PutResult> ack, long count, BufferAllocator allocator) {
        send(ack, DoPutUpdateResult.newBuilder().setRecordCount(count).build(), allocator);
        ack.onCompleted();
    }

    static void send(StreamListener<PutResult> ack, Message message, BufferAllocator allocator) {
        byte[] bytes = message.toByteArray();
        ArrowBuf buffer = allocator.buffer(bytes.length);
        try (PutResult result = PutResult.metadata(buffer)) {
            buffer.writeBytes(bytes);
            ack.onNext(result);
        }
    }
}
