package org.fogcompute.cache.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

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

    <T> T read(byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cached value is not a " + type.getName(), e);
        }
    }

    static byte[] envelope(long expiresAtMillis, byte[] json) {
        return ByteBuffer.allocate(Long.BYTES + json.length).putLong(expiresAtMillis).put(json).array();
    }

    static long expiresAt(byte[] envelope) {
        return ByteBuffer.wrap(envelope).getLong();
    }

    static byte[] json(byte[] envelope) {
        byte[] json = new byte[envelope.length - Long.BYTES];
        System.arraycopy(envelope, Long.BYTES, json, 0, json.length);
        return json;
    }
}
