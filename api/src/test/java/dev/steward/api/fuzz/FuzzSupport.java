package dev.steward.api.fuzz;

import dev.steward.api.interactions.AskParsingAccess;
import dev.steward.workflows.message.IncomingMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.RecordComponent;

final class FuzzSupport {
    private FuzzSupport() {
    }

    /** The api's mapper as Spring builds it: with the module that drops NUL and control characters. */
    static JsonMapper apiMapper() {
        return JsonMapper.builder().addModule(dev.steward.api.system.InputTextModuleAccess.module()).build();
    }

    static IncomingMessage parseAsk(JsonNode node) {
        return AskParsingAccess.parse(node);
    }

    static Object read(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
