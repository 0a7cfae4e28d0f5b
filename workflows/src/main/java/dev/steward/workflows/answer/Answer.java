package dev.steward.workflows.answer;

public record Answer(String text) {
}
