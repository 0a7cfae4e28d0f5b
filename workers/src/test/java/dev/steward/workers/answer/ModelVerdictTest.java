package dev.steward.workers.answer;

import dev.steward.workers.knowledge.Passage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelVerdictTest {
    @Test
    void answerWithCitedPassages() {
        assertThat(ModelVerdict.parse("{\"action\":\"answer\",\"answer\":\" Yes. \",\"sources\":[1,\"[2]\"],\"reason\":\"r\"}"))
                .contains(new ModelVerdict(false, "Yes.", "r", List.of(1, 2), false));
    }

    @Test
    void theModelCanSayTheMemberWantsAPerson() {
        assertThat(ModelVerdict.parse("{\"action\":\"answer\",\"answer\":\"Sure.\",\"human\":true}")).get()
                .extracting(ModelVerdict::human).isEqualTo(true);
    }

    @Test
    void plainPhrasesAskingForAPersonAreNoticedWithoutTheModel() {
        assertThat(List.of("Can I talk to a human?", "I want a real person", "agent", "Human please!",
                "please let me speak with someone from staff", "connect me to an agent", "is there live support"))
                .allMatch(HumanRequest::asked);
        assertThat(List.of("How do I reset my password?", "my travel agent booked it", "humans are weird",
                "the person who wrote the docs", "", "I talked to my team"))
                .noneMatch(HumanRequest::asked);
    }

    @Test
    void skipNeedsNoAnswer() {
        assertThat(ModelVerdict.parse("{\"action\":\"skip\",\"reason\":\"small talk\"}")).get()
                .extracting(ModelVerdict::skip).isEqualTo(true);
    }

    @Test
    void anythingElseIsNotAVerdict() {
        assertThat(ModelVerdict.parse("Sure! Here is the answer.")).isEmpty();
        assertThat(ModelVerdict.parse("[1, 2]")).isEmpty();
        assertThat(ModelVerdict.parse("{\"action\":\"answer\"}")).as("an answer without text").isEmpty();
        assertThat(ModelVerdict.parse("")).isEmpty();
    }

    @Test
    void sourcesNameOnlyPassagesThatExist() {
        List<Passage> passages = List.of(
                new Passage(1, "Handbook", "Billing", "text", null, 1, 1, 1),
                new Passage(2, "FAQ", "", "text", "https://acme.example/faq", 1, 1, 1));
        assertThat(Sources.line(List.of(2, 1, 7, 1), passages))
                .isEqualTo("\n-# Sources: [FAQ](<https://acme.example/faq>), Handbook");
        assertThat(Sources.line(List.of(9), passages)).isEmpty();
    }
}
