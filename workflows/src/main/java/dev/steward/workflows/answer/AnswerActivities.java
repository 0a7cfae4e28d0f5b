package dev.steward.workflows.answer;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface AnswerActivities {
    Answer generate(AnswerRequest request);
}
