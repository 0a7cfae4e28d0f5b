package dev.steward.workflows.answer;

/**
 * What the answer step decided.
 *
 * @param skip         smart mode decided the message needs no answer (text is empty)
 * @param withoutModel the text was made without the model (nothing relevant known, or an excerpt while the
 *                     model is unreachable), so the quota unit is given back
 * @param wantsHuman   the member asked for a person (a plain phrase, or the model's structured output)
 */
public record Answer(String text, boolean skip, boolean withoutModel, boolean wantsHuman) {

    public Answer(String text) {
        this(text, false, false, false);
    }

    public static Answer skipped() {
        return new Answer("", true, false, false);
    }

    /** Smart mode's skip when nothing relevant is known: the model was not asked, so the unit is given back. */
    public static Answer skippedWithoutModel() {
        return new Answer("", true, true, false);
    }

    public static Answer withoutModel(String text) {
        return new Answer(text, false, true, false);
    }

    public Answer withWantsHuman(boolean wants) {
        return new Answer(text, skip, withoutModel, wantsHuman || wants);
    }
}
