package org.fogcompute.shell.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.deployments.DeploymentSpec;

/**
 * A deployment spec from a JSON file, or YAML when its name ends in {@code .yaml}/{@code .yml}: the fields of
 * {@code POST /api/deployments}, by Jackson as the REST API reads them (unknown fields and strings for numbers
 * refused). Errors name the field and the line but never quote the file's values (a refused value's message is cut
 * before the value it quotes, an unknown key is named only when it looks like a field name), so that pointing the
 * command at a file that is not a spec reveals next to nothing of it. Only regular files of at most
 * {@link #MAX_BYTES} are read (not a FIFO that would block the session, nor a growing file).
 */
final class DeploymentSpecFile {
    static final long MAX_BYTES = 64 * 1024;
    /** How a spec's field names look; another key is not repeated in a message. */
    private static final java.util.regex.Pattern FIELD_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    private DeploymentSpecFile() {
    }

    static DeploymentSpec read(Path file) {
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = fileName.endsWith(".yaml") || fileName.endsWith(".yml");
        ObjectMapper mapper = (yaml ? YAMLMapper.builder() : JsonMapper.builder())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        try {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            if (!Files.isRegularFile(file)) {
                throw new ValidationException("file", file + " is not a regular file");
            }
            byte[] content;
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (content.length > MAX_BYTES) {
                throw new ValidationException("file", file + " is larger than a spec (" + MAX_BYTES / 1024 + " KB)");
            }
            DeploymentSpec spec = mapper.readValue(content, DeploymentSpec.class);
            if (spec == null) {
                throw new ValidationException("file", file + " holds no deployment spec");
            }
            return spec;
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ValidationException refused) {
                String reason = refused.getMessage();
                int quoted = reason.indexOf(", got ");
                throw new ValidationException(refused.field(), file + ": " + (quoted < 0 ? reason
                        : reason.substring(0, quoted)) + where(e));
            }
            throw new ValidationException(field(e), file + ": " + field(e) + " is not valid" + where(e));
        } catch (JsonMappingException e) {
            String field = field(e);
            throw new ValidationException(field.isEmpty() ? "file" : field, file + ": "
                    + (field.isEmpty() ? "not a deployment spec" : "unknown or mistyped field '" + field + "'")
                    + where(e));
        } catch (JsonProcessingException e) {
            throw new ValidationException("file", file + ": not valid " + (yaml ? "YAML" : "JSON") + where(e));
        } catch (NoSuchFileException e) {
            throw new ValidationException("file", "no file " + file);
        } catch (IOException e) {
            throw new ValidationException("file", "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String field(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() == null ? String.valueOf(reference.getIndex())
                        : FIELD_NAME.matcher(reference.getFieldName()).matches() ? reference.getFieldName() : "?")
                .collect(Collectors.joining("."));
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ")";
    }
}
