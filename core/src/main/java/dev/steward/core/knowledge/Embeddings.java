package dev.steward.core.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Embeddings as bytes in the database: float32, little-endian. Portable between PostgreSQL and H2. */
public final class Embeddings {
    private Embeddings() {
    }

    public static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
