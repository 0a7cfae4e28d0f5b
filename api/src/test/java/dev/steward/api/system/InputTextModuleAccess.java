package dev.steward.api.system;

import tools.jackson.databind.JacksonModule;

/** Opens the package-private input module to the fuzz test. */
public final class InputTextModuleAccess {
    private InputTextModuleAccess() {
    }

    public static JacksonModule module() {
        return new InputTextModule().cleanStrings();
    }
}
