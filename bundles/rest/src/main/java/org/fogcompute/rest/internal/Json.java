package org.fogcompute.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;
import org.fogcompute.api.ValidationException;

/**
 * Strict JSON: unknown properties, duplicate keys, strings where numbers belong, fractions where integers belong,
 * trailing content and absurd nesting are all refused with a 400 that names the field; a value the domain refuses
 * (out of range, bad id) is a 422 naming it.
 */
final class Json {
    private final JsonMapper mapper;

    Json() {
        JsonMapper built = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addModule(new JavaTimeModule())
                .build();
        built.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                .maxNumberLength(40).maxStringLength(256 * 1024).build());
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            built.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        built.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        built.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        this.mapper = built;
    }

    <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ApiException.badRequest(null, "a JSON request body is required");
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (IOException e) {
            throw translate(e);
        }
        if (value == null) {
            throw ApiException.badRequest(null, "a JSON request body is required, got null");
        }
        return value;
    }

    byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    com.fasterxml.jackson.databind.ObjectMapper mapper() {
        return mapper;
    }

    static RuntimeException translate(IOException e) {
        if (e instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            while (cause != null && !(cause instanceof ValidationException) && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (cause instanceof ValidationException invalid) {
                return ApiException.unprocessable(qualified(instantiation, invalid.field()), invalid.getMessage());
            }
            return ApiException.unprocessable(path(instantiation), "invalid value: " + rootMessage(instantiation));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return ApiException.badRequest(path(unknown), "unknown field '" + unknown.getPropertyName()
                    + "'; allowed: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidFormatException format) {
            String expected = format.getTargetType() == null ? "another type" : describe(format.getTargetType());
            return ApiException.badRequest(path(format), path(format) + " must be " + expected + ", got "
                    + abbreviate(String.valueOf(format.getValue())));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            String expected = mismatch.getTargetType() == null ? "another type" : describe(mismatch.getTargetType());
            return ApiException.badRequest(field, (field == null ? "the body" : field) + " must be " + expected);
        }
        if (e instanceof InputCoercionException coercion) {
            return ApiException.badRequest(null, "a number is out of range: " + coercion.getOriginalMessage());
        }
        if (e instanceof StreamConstraintsException constraints) {
            return ApiException.badRequest(null, "the body exceeds a limit: " + constraints.getOriginalMessage());
        }
        if (e instanceof JsonMappingException mapping) {
            return ApiException.badRequest(path(mapping), "malformed request: " + mapping.getOriginalMessage());
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException parse) {
            return ApiException.badRequest(null, "malformed JSON: " + parse.getOriginalMessage());
        }
        return ApiException.badRequest(null, "unreadable request body");
    }

    /** Joins the JSON path to a domain field name that may already repeat its last part (capacity.cpuCores). */
    private static String qualified(JsonMappingException e, String field) {
        String prefix = path(e);
        if (prefix == null || field == null) {
            return field == null ? prefix : field;
        }
        int cut = Math.max(prefix.lastIndexOf('.'), prefix.lastIndexOf(']'));
        String last = prefix.substring(cut + 1);
        if (field.equals(last) || field.startsWith(last + ".")) {
            return prefix.substring(0, cut + 1) + field;
        }
        return prefix + "." + field;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant such as 2026-01-01T00:00:00Z";
        }
        return "an object";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return abbreviate(String.valueOf(root.getMessage()));
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
