package org.fogcompute.cache.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values as JSON; in Redis each value is prefixed with its absolute expiry (8 bytes, epoch ms) so that a process
 * filling its memory level from Redis keeps the remaining time to live, not a fresh one.
 */
final class ValueCodec {
    private final ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("value of type " + value.getClass().getName()
                    + " cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    /** The value of an envelope (expiry then JSON), read in place. */
    <T> T read(byte[] envelope, Class<T> type) {
        try {
            return readers.computeIfAbsent(type, mapper::readerFor).readValue(envelope, Long.BYTES,
                    envelope.length - Long.BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cached value is not a " + type.getName(), e);
        }
    }

    /** Expiry and JSON of {@code value} in one array: what Redis stores and memory keeps. */
    byte[] envelope(long expiresAtMillis, Object value) {
        byte[] json = json(value);
        return ByteBuffer.allocate(Long.BYTES + json.length).putLong(expiresAtMillis).put(json).array();
    }

    static long expiresAt(byte[] envelope) {
        return ByteBuffer.wrap(envelope).getLong();
    }
}
