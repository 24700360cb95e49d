package org.fogcompute.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI 3 description of the API, generated from the routes that are served and the records they read and
 * write, so that it lists exactly what exists.
 */
final class OpenApiDocument {
    private OpenApiDocument() {
    }

    static ObjectNode of(List<Route> routes, ObjectMapper mapper, String version) {
        ObjectNode root = mapper.createObjectNode();
        root.put("openapi", "3.0.3");
        ObjectNode info = root.putObject("info");
        info.put("title", "fog-compute coordinator API");
        info.put("version", version);
        info.put("description", "Errors answer {\"error\": message, \"field\": offending field or null}. "
                + "Roles: admin ⊇ operator ⊇ viewer; a node credential acts for its own node only.");
        root.putArray("servers").addObject().put("url", "/api");
        ObjectNode schemas = mapper.createObjectNode();
        ObjectNode paths = root.putObject("paths");
        for (Route route : routes) {
            String path = route.template;
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            ObjectNode operation = item.putObject(route.method.toLowerCase(Locale.ROOT));
            operation.put("summary", route.summary);
            operation.put("operationId", operationId(route));
            operation.putArray("tags").add(route.tag);
            operation.put("x-required-role", route.access.describe());
            if (route.access.isPublic()) {
                operation.putArray("security");
            }
            ArrayNode parameters = mapper.createArrayNode();
            for (String name : route.pathParameters()) {
                ObjectNode parameter = parameters.addObject();
                parameter.put("name", name).put("in", "path").put("required", true);
                parameter.putObject("schema").put("type", "string").put("pattern", org.fogcompute.api.Checks.ID_PATTERN);
            }
            for (String name : route.query) {
                ObjectNode parameter = parameters.addObject();
                parameter.put("name", name).put("in", "query").put("required", false);
                ObjectNode schema = parameter.putObject("schema");
                if (name.equals("offset") || name.equals("limit")) {
                    schema.put("type", "integer").put("minimum", name.equals("limit") ? 1 : 0);
                } else {
                    schema.put("type", "string");
                }
            }
            if (!parameters.isEmpty()) {
                operation.set("parameters", parameters);
            }
            if (route.requestBody != null) {
                ObjectNode body = operation.putObject("requestBody");
                body.put("required", true);
                body.putObject("content").putObject("application/json").set("schema",
                        reference(route.requestBody, schemas, mapper));
            }
            ObjectNode responses = operation.putObject("responses");
            ObjectNode success = responses.putObject(Integer.toString(route.status));
            success.put("description", "success");
            if (route.response != null) {
                ObjectNode schema = reference(route.response, schemas, mapper);
                if (route.shape == Route.Shape.LIST) {
                    ObjectNode array = mapper.createObjectNode().put("type", "array");
                    array.set("items", schema);
                    schema = array;
                } else if (route.shape == Route.Shape.PAGE) {
                    schema = page(schema, mapper);
                }
                success.putObject("content").putObject("application/json").set("schema", schema);
            }
            for (int code : errorCodes(route)) {
                ObjectNode error = responses.putObject(Integer.toString(code));
                error.put("description", describe(code));
                error.putObject("content").putObject("application/json").putObject("schema")
                        .put("$ref", "#/components/schemas/Error");
            }
        }
        ObjectNode components = root.putObject("components");
        define(Views.Error.class, schemas, mapper);
        components.set("schemas", schemas);
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("bearerFormat", "JWT");
        root.putArray("security").addObject().putArray("bearer");
        return root;
    }

    private static String operationId(Route route) {
        StringBuilder id = new StringBuilder(route.method.toLowerCase(Locale.ROOT));
        for (String part : route.template.split("[/{}-]")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    private static List<Integer> errorCodes(Route route) {
        java.util.TreeSet<Integer> codes = new java.util.TreeSet<>(route.errors);
        codes.add(429);
        if (!route.access.isPublic()) {
            codes.add(401);
            codes.add(403);
        }
        if (route.requestBody != null) {
            codes.add(400);
            codes.add(413);
            codes.add(415);
            codes.add(422);
        }
        if (!route.pathParameters().isEmpty() || !route.query.isEmpty()) {
            codes.add(422);
        }
        if (!route.method.equals("GET")) {
            codes.add(503);
        }
        return List.copyOf(codes);
    }

    private static String describe(int code) {
        return switch (code) {
            case 400 -> "malformed JSON, unknown field or wrong type";
            case 401 -> "missing, invalid or expired credentials";
            case 403 -> "the caller's role does not allow this";
            case 404 -> "unknown id";
            case 409 -> "duplicate id or a step the current state does not allow";
            case 413 -> "body or batch too large";
            case 415 -> "body is not application/json";
            case 422 -> "a value out of range or not matching its pattern";
            case 429 -> "rate limit exceeded, or a mailbox full; see Retry-After";
            case 503 -> "database or coordinator unavailable; nothing was changed";
            default -> "error";
        };
    }

    private static ObjectNode page(ObjectNode items, ObjectMapper mapper) {
        ObjectNode page = mapper.createObjectNode().put("type", "object");
        ObjectNode properties = page.putObject("properties");
        properties.putObject("items").put("type", "array").set("items", items);
        properties.putObject("total").put("type", "integer");
        properties.putObject("offset").put("type", "integer");
        properties.putObject("limit").put("type", "integer");
        return page;
    }

    private static ObjectNode reference(Class<?> type, ObjectNode schemas, ObjectMapper mapper) {
        if (!type.isRecord()) {
            return schemaOf(type, schemas, mapper);
        }
        define(type, schemas, mapper);
        return mapper.createObjectNode().put("$ref", "#/components/schemas/" + type.getSimpleName());
    }

    private static void define(Class<?> type, ObjectNode schemas, ObjectMapper mapper) {
        if (schemas.has(type.getSimpleName())) {
            return;
        }
        ObjectNode schema = schemas.putObject(type.getSimpleName());
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent component : type.getRecordComponents()) {
            properties.set(component.getName(), schemaOf(component.getGenericType(), schemas, mapper));
        }
    }

    private static ObjectNode schemaOf(Type type, ObjectNode schemas, ObjectMapper mapper) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = mapper.createObjectNode().put("type", "array");
                array.set("items", schemaOf(arguments[0], schemas, mapper));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = mapper.createObjectNode().put("type", "object");
                map.set("additionalProperties", schemaOf(arguments[1], schemas, mapper));
                return map;
            }
            return schemaOf(raw, schemas, mapper);
        }
        Class<?> raw = type instanceof Class<?> c ? c : Object.class;
        ObjectNode schema = mapper.createObjectNode();
        if (raw == String.class) {
            schema.put("type", "string");
        } else if (raw == int.class || raw == Integer.class) {
            schema.put("type", "integer").put("format", "int32");
        } else if (raw == long.class || raw == Long.class) {
            schema.put("type", "integer").put("format", "int64");
        } else if (raw == double.class || raw == Double.class || raw == float.class) {
            schema.put("type", "number");
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == Instant.class) {
            schema.put("type", "string").put("format", "date-time");
        } else if (raw == Duration.class) {
            schema.put("type", "string").put("description", "ISO-8601 duration");
        } else if (raw.isEnum()) {
            ArrayNode values = schema.put("type", "string").putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(constant.toString());
            }
        } else if (raw.isRecord()) {
            return reference(raw, schemas, mapper);
        } else {
            schema.put("type", "object");
        }
        return schema;
    }
}
