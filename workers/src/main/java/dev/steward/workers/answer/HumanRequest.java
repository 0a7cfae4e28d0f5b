package dev.steward.workers.answer;

import java.util.regex.Pattern;

/** Plain phrases by which a member asks for a person; free, so no model call is needed to notice them. */
final class HumanRequest {
    private static final Pattern PHRASES = Pattern.compile(
            "\\b(talk|speak|chat|get in touch)\\s+(to|with)\\s+(a|an|the|some|your)?\\s*"
                    + "(human|person|people|agent|someone|somebody|staff|support|team|admin|moderator|mod)\\b"
                    + "|\\breal (person|human|people)\\b"
                    + "|\\b(human|live|support) (agent|person|being|support)\\b"
                    + "|\\b(need|want|get me|give me|connect me (to|with))\\s+(a|an)?\\s*(human|person|agent)\\b"
                    + "|^\\W*(agent|human|operator)\\W*(please|pls|plz)?\\W*$",
            Pattern.CASE_INSENSITIVE);

    private HumanRequest() {
    }

    static boolean asked(String message) {
        return message != null && PHRASES.matcher(message.strip()).find();
    }
}
