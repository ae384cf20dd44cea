package dev.parley.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoScriptTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

  @Test
  void theWorldScriptHasSeveralHundredMessagesOverSeveralWeeksInOrder() {
    List<DemoStep> steps = DemoScript.load(DemoScript.WORLD, TODAY);

    assertThat(steps.stream().filter(s -> s.kind() == DemoStep.Kind.SAY)).hasSizeGreaterThan(300);
    LocalDateTime first = steps.get(0).at();
    LocalDateTime last = steps.get(steps.size() - 1).at();
    assertThat(Duration.between(first, last)).isGreaterThan(Duration.ofDays(21));
    assertThat(last.toLocalDate()).isEqualTo(TODAY);
    for (int i = 1; i < steps.size(); i++) {
      assertThat(steps.get(i).at())
          .as("step at line %d", steps.get(i).line())
          .isAfter(steps.get(i - 1).at());
    }
  }

  @Test
  void theWorldScriptUsesEveryKindOfStepAndEveryPerson() {
    List<DemoStep> steps = DemoScript.load(DemoScript.WORLD, TODAY);

    assertThat(steps.stream().map(DemoStep::kind).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(DemoStep.Kind.values());
    Set<String> actors = steps.stream().map(DemoStep::actor).collect(Collectors.toSet());
    assertThat(actors)
        .containsExactlyInAnyOrderElementsOf(
            DemoCast.everyone().stream().map(DemoPerson::key).toList());
    assertThat(steps.stream().filter(s -> s.picture() != null)).hasSizeGreaterThan(8);
    assertThat(steps.stream().filter(DemoStep::botAnswers)).isNotEmpty();
  }

  @Test
  void theVisitsAreFromDemoPeopleOnly() {
    List<DemoScript.Saying> sayings = DemoScript.sayings(DemoScript.VISITS);

    assertThat(sayings).hasSizeGreaterThan(20);
    assertThat(sayings)
        .allSatisfy(
            s -> assertThat(DemoCast.PEOPLE.stream().map(DemoPerson::key)).contains(s.who()));
  }

  @Test
  void stepsWithoutADelayFollowByTypingTimeAndDelaysWaitExactly() {
    List<DemoStep> steps =
        DemoScript.parse(
            List.of("day -1", "at 10:00", "one c maya you", "maya: hi", "+5m you: hello"), TODAY);

    assertThat(steps)
        .extracting(DemoStep::kind)
        .containsExactly(DemoStep.Kind.ONE_TO_ONE, DemoStep.Kind.SAY, DemoStep.Kind.SAY);
    assertThat(steps.get(0).at()).isEqualTo(TODAY.minusDays(1).atTime(10, 0));
    assertThat(steps.get(1).at()).isAfter(steps.get(0).at());
    assertThat(Duration.between(steps.get(1).at(), steps.get(2).at()))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void timeRunningBackwardsIsRefusedWithTheLine() {
    assertThatThrownBy(() -> DemoScript.parse(List.of("day -1", "at 10:00", "at 09:00"), TODAY))
        .hasMessageContaining("line 3");
  }

  @Test
  void onlyParticipantsMayActInAConversation() {
    assertThatThrownBy(() -> DemoScript.parse(List.of("day 0", "one c maya you", "leo: hi"), TODAY))
        .hasMessageContaining("leo is not in c");
    assertThatThrownBy(
            () ->
                DemoScript.parse(
                    List.of("day 0", "group g maya you,leo Name", "leo leaves", "leo: hi"), TODAY))
        .hasMessageContaining("line 4");
  }

  @Test
  void unknownPicturesAndPeopleAreRefused() {
    assertThatThrownBy(
            () -> DemoScript.parse(List.of("day 0", "one c maya you", "maya: {photo:nope}"), TODAY))
        .hasMessageContaining("no picture of kind nope");
    assertThatThrownBy(() -> DemoScript.parse(List.of("day 0", "one c maya zed"), TODAY))
        .hasMessageContaining("zed");
  }
}
