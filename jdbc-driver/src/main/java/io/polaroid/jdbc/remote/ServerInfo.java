package io.polaroid.jdbc.remote;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.complex.DenseUnionVector;

/**
 * What a Flight SQL server says about itself in {@code GetSqlInfo}: its name and version, its SQL
 * dialect (quoting, identifier case, NULL order, keywords, functions). Read once when connecting. A
 * server that does not implement the call, or leaves values out, gets defaults.
 */
final class ServerInfo {
    /** The name Polaroid's server gives in {@code FLIGHT_SQL_SERVER_NAME}. */
    private static final String POLAROID = "Polaroid";

    private final Map<Integer, Object> values;

    ServerInfo(Map<Integer, Object> values) {
        this.values = Map.copyOf(values);
    }

    static ServerInfo read(ServerLink link) {
        FlightInfo info;
        try {
            info = link.sql().getSqlInfo(new int[0]);
        } catch (FlightRuntimeException e) {
            if (e.status().code() == FlightStatusCode.UNIMPLEMENTED) {
                return new ServerInfo(Map.of());
            }
            throw e;
        }
        Map<Integer, Object> values = new HashMap<>();
        SmallResults.forEachBatch(link, info, root -> {
            UInt4Vector names = (UInt4Vector) root.getVector("info_name");
            DenseUnionVector data = (DenseUnionVector) root.getVector("value");
            for (int row = 0; row < root.getRowCount(); row++) {
                Object value = data.getObject(row);
                if (!names.isNull(row) && value != null) {
                    values.put((int) names.getValueAsLong(row), value);
                }
            }
        });
        return new ServerInfo(values);
    }

    Optional<String> text(SqlInfo key) {
        Object value = values.get(key.getNumber());
        return value == null || value instanceof Collection || value instanceof Map ? Optional.empty()
                : Optional.of(value.toString());
    }

    Optional<Long> number(SqlInfo key) {
        Object value = values.get(key.getNumber());
        return value instanceof Number ? Optional.of(((Number) value).longValue()) : Optional.empty();
    }

    /** A list of strings (keywords, function names); empty when the server sent none. */
    List<String> texts(SqlInfo key) {
        Object value = values.get(key.getNumber());
        if (!(value instanceof Collection)) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (Object each : (Collection<?>) value) {
            texts.add(Objects.toString(each, ""));
        }
        return texts;
    }

    /**
     * Whether the server plans a {@code CommandStatementQuery} in {@code GetFlightInfo} without running it,
     * whatever the statement: Polaroid's server runs a statement only when its ticket is redeemed, and tells
     * an update by a schema without columns. Such a server can plan a one-off statement in one round trip,
     * and an update planned that way is not run. Other servers may run a statement in GetFlightInfo (an
     * update sent there would then run), so they get the prepared-statement protocol.
     */
    boolean plansStatementsWithoutRunning() {
        return text(SqlInfo.FLIGHT_SQL_SERVER_NAME).filter(POLAROID::equals).isPresent();
    }

    /** Server name and version for messages, e.g. "Polaroid 0.1.0". */
    String describe() {
        String name = text(SqlInfo.FLIGHT_SQL_SERVER_NAME).orElse("Flight SQL server");
        return text(SqlInfo.FLIGHT_SQL_SERVER_VERSION).map(version -> name + " " + version).orElse(name);
    }
}
