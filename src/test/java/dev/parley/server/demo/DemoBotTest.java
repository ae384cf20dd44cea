package dev.parley.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.Segment;
import dev.parley.proto.Hangouts.SegmentType;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoBotTest {

  @Test
  void theEchoRepeatsEverySegmentInBoldAfterYouSaid() {
    List<Segment> echo = DemoBot.echo(DemoText.segments("hi *there*\\nsee https://example.org"));

    assertThat(DemoBot.plainText(echo)).isEqualTo("You said: hi there\nsee https://example.org");
    assertThat(echo.get(0).getFormatting().getBold()).isFalse();
    assertThat(echo.subList(1, echo.size()))
        .filteredOn(s -> s.getType() != SegmentType.SEGMENT_TYPE_LINE_BREAK)
        .allSatisfy(s -> assertThat(s.getFormatting().getBold()).isTrue());
    assertThat(echo.get(2).getFormatting().getItalic()).as("formatting is kept").isTrue();
    assertThat(echo.get(echo.size() - 1).getType()).isEqualTo(SegmentType.SEGMENT_TYPE_LINK);
  }

  @Test
  void aLongMessageIsEchoedShortened() {
    String text = "ab".repeat(DemoBot.MAX_ECHO_CHARS);

    List<Segment> echo = DemoBot.echo(List.of(DemoText.text(text, false, false)));

    assertThat(DemoBot.plainText(echo)).hasSize("You said: ".length() + DemoBot.MAX_ECHO_CHARS + 1);
    assertThat(DemoBot.plainText(echo)).endsWith("…");
  }

  @Test
  void theDefaultTimingsAnswerWithinASecondAndVisitWithinTenSeconds() {
    DemoTimings t = DemoTimings.DEFAULT;

    assertThat(t.botReplyMax().toMillis()).isLessThan(1000);
    assertThat(t.firstVisitMax().plus(t.typing()).toSeconds()).isLessThan(10);
    assertThat(t.visitIntervalMin().toSeconds()).isEqualTo(60);
    assertThat(t.visitIntervalMax().toSeconds()).isEqualTo(120);
  }
}
