package io.polaroid.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.sql.FlightSqlClient;

/** Reads query results in tests. */
final class Results {
    private Results() {
    }

    static long rowCount(FlightSqlClient client, FlightInfo info) throws Exception {
        long rows = 0;
        try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
            while (stream.next()) {
                rows += stream.getRoot().getRowCount();
            }
        }
        return rows;
    }

    /** The number in the first row and column. */
    static long singleLong(FlightSqlClient client, FlightInfo info) throws Exception {
        try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
            assertTrue(stream.next(), "no rows");
            return ((Number) stream.getRoot().getVector(0).getObject(0)).longValue();
        }
    }

    /** Runs {@code sql} and returns the number in its first row and column. */
    static long singleLong(FlightSqlClient client, String sql) throws Exception {
        return singleLong(client, client.execute(sql));
    }

    /** The values of {@code column}, as text. */
    static List<String> strings(FlightSqlClient client, FlightInfo info, String column) throws Exception {
        List<String> values = new ArrayList<>();
        try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
            while (stream.next()) {
                var vector = stream.getRoot().getVector(column);
                for (int i = 0; i < stream.getRoot().getRowCount(); i++) {
                    values.add(String.valueOf(vector.getObject(i)));
                }
            }
        }
        return values;
    }
}
