package dev.steward.testing.ollama;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** WireMock answering {@code POST /api/chat} the way a non-streaming Ollama does. */
public final class OllamaStubs {
    private OllamaStubs() {
    }

    public static MappingBuilder chatAnswers(String content) {
        return post(urlPathEqualTo("/api/chat")).willReturn(okJson(chatResponse(content)));
    }

    public static MappingBuilder chatFails(int status) {
        return post(urlPathEqualTo("/api/chat")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"model failed\"}"));
    }

    public static void answer(WireMockServer ollama, String content) {
        ollama.stubFor(chatAnswers(content));
    }

    public static String chatResponse(String content) {
        String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return """
                {"model":"test-model","created_at":"2026-11-23T10:00:00Z",
                 "message":{"role":"assistant","content":"%s"},
                 "done":true,"done_reason":"stop","total_duration":1000,"load_duration":10,
                 "prompt_eval_count":12,"prompt_eval_duration":100,"eval_count":8,"eval_duration":100}
                """.formatted(escaped);
    }
}
