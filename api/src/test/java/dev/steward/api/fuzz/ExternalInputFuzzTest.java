package dev.steward.api.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.steward.workflows.message.IncomingMessage;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes what reaches the api from outside: interaction bodies (after the signature) and the JSON bodies
 * of every {@code @RequestBody} of every controller. Each input must end as a parsed value or a clean
 * refusal (a Jackson error or a validation failure, both 400); anything else is a finding. Regression mode
 * (the default) replays the seeds in {@code ExternalInputFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes for
 * the bounded {@code maxDuration} (CI does).
 */
class ExternalInputFuzzTest {
    static final JsonMapper JSON = FuzzSupport.apiMapper();
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final List<Class<?>> BODIES = requestBodyTypes();

    @FuzzTest(maxDuration = "20s")
    void externalInputIsParsedOrRefusedCleanly(FuzzedDataProvider data) {
        int target = data.consumeInt(0, BODIES.size());
        byte[] body = data.consumeRemainingAsBytes();
        if (target == BODIES.size()) {
            interaction(body);
        } else {
            requestBody(BODIES.get(target), body);
        }
    }

    private static void interaction(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException malformed) {
            return; // the endpoint answers 400
        }
        if (node == null) {
            return;
        }
        IncomingMessage message = FuzzSupport.parseAsk(node);
        if (message != null) {
            assertThat(message.content()).isNotBlank().doesNotContain("\u0000");
            assertThat(message.guildId()).isNotEmpty();
        }
    }

    private static void requestBody(Class<?> type, byte[] body) {
        Object value;
        try {
            value = JSON.readValue(body, type);
        } catch (JacksonException refused) {
            return; // 400
        }
        if (value == null) {
            return;
        }
        VALIDATOR.validate(value); // violations are a 400; the call itself must not blow up
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType() == String.class) {
                String text = (String) FuzzSupport.read(component, value);
                assertThat(text == null || !text.contains("\u0000")).as(component.getName() + " keeps NUL").isTrue();
            }
        }
    }

    /** Every controller's request body type, found the way Spring finds the controllers. */
    static List<Class<?>> requestBodyTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<Class<?>> types = new ArrayList<>();
        scanner.findCandidateComponents("dev.steward.api").forEach(bean -> {
            try {
                for (Method method : Class.forName(bean.getBeanClassName()).getDeclaredMethods()) {
                    for (Parameter parameter : method.getParameters()) {
                        if (parameter.isAnnotationPresent(RequestBody.class) && parameter.getType().isRecord()
                                && !types.contains(parameter.getType())) {
                            types.add(parameter.getType());
                        }
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });
        types.sort((a, b) -> a.getName().compareTo(b.getName()));
        assertThat(types).as("request bodies found").hasSizeGreaterThan(5);
        return types;
    }
}
