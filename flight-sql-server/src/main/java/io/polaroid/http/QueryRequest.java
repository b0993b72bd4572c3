package io.polaroid.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /query}: {@code {"sql": "...", "format": "json", "params": [1, "a", null]}}.
 *
 * <p>Read with Jackson's streaming parser rather than data binding: the request is three fields, and a
 * strict hand-walk gives each mistake a message that names the field (an unknown field is refused, not
 * ignored, so a typo such as {@code "parms"} does not silently run the query without its parameters).
 * Parameters are JSON scalars: strings, numbers (integers as Long, others as BigDecimal, so no digit is
 * lost), booleans and null; the engine converts them to the parameter types it inferred (a string
 * {@code "2024-01-31"} binds to a DATE parameter).
 *
 * @param sql    the statement
 * @param format how the result is encoded
 * @param params one value per {@code ?}, in order
 */
record QueryRequest(String sql, ResultFormat format, List<Object> params) {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build())
            .build();

    QueryRequest {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(format, "format");
        params = Collections.unmodifiableList(new ArrayList<>(params));  // nulls are values here
    }

    /** @throws HttpFailure 400 naming what is wrong with the body */
    static QueryRequest parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw HttpFailure.badRequest("the request body must be a JSON object such as "
                        + "{\"sql\": \"SELECT 1\", \"format\": \"json\"}");
            }
            String sql = null;
            ResultFormat format = ResultFormat.JSON;
            List<Object> params = List.of();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "sql":
                        sql = text(parser, value, field);
                        break;
                    case "format":
                        format = ResultFormat.parse(text(parser, value, field));
                        break;
                    case "params":
                        params = params(parser, value);
                        break;
                    default:
                        throw HttpFailure.badRequest("unknown field '" + field
                                + "' in the request; expected sql, format and params");
                }
            }
            if (parser.nextToken() != null) {
                throw HttpFailure.badRequest("the request body holds more than one JSON value");
            }
            if (sql == null || sql.isBlank()) {
                throw HttpFailure.badRequest("the request has no SQL: send {\"sql\": \"SELECT ...\"}");
            }
            return new QueryRequest(sql, format, params);
        } catch (JsonParseException e) {
            throw HttpFailure.badRequest("the request body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw HttpFailure.badRequest("the request body cannot be read as JSON: " + e.getMessage());
        }
    }

    private static String text(JsonParser parser, JsonToken value, String field) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw HttpFailure.badRequest("'" + field + "' must be a string, not " + describe(value));
        }
        return parser.getText();
    }

    private static List<Object> params(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (value != JsonToken.START_ARRAY) {
            throw HttpFailure.badRequest("'params' must be an array of values, not " + describe(value));
        }
        List<Object> params = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            params.add(scalar(parser, token, params.size() + 1));
        }
        return params;
    }

    private static Object scalar(JsonParser parser, JsonToken token, int ordinal) throws IOException {
        switch (token) {
            case VALUE_NULL:
                return null;
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? new BigDecimal(parser.getBigIntegerValue()) : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();
            default:
                throw HttpFailure.badRequest("parameter " + ordinal + " is " + describe(token)
                        + "; parameters are strings, numbers, booleans or null");
        }
    }

    private static String describe(JsonToken token) {
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.name();
        }
    }
}
