package dev.steward.workflows.answer;

/**
 * What the answer step decided.
 *
 * @param skip         smart mode decided the message needs no answer (text is empty)
 * @param withoutModel the text was made without the model (nothing relevant known, or an excerpt while the
 *                     model is unreachable), so the quota unit is given back
 */
public record Answer(String text, boolean skip, boolean withoutModel) {

    public Answer(String text) {
        this(text, false, false);
    }

    public static Answer skipped() {
        return new Answer("", true, false);
    }

    public static Answer withoutModel(String text) {
        return new Answer(text, false, true);
    }
}
