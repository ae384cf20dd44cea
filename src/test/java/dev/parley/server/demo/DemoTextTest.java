package dev.parley.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.Segment;
import dev.parley.proto.Hangouts.SegmentType;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTextTest {

  @Test
  void marksToggleBoldItalicStrikethroughAndUnderline() {
    List<Segment> segments = DemoText.segments("a **b *c*** ~~d~~ ==e==");

    assertThat(segments)
        .extracting(Segment::getText)
        .containsExactly("a ", "b ", "c", " ", "d", " ", "e");
    assertThat(segments.get(1).getFormatting().getBold()).isTrue();
    assertThat(segments.get(2).getFormatting().getBold()).isTrue();
    assertThat(segments.get(2).getFormatting().getItalic()).isTrue();
    assertThat(segments.get(4).getFormatting().getStrikethrough()).isTrue();
    assertThat(segments.get(6).getFormatting().getUnderline()).isTrue();
    assertThat(segments.get(0).getFormatting().hasBold()).as("all four flags are set").isTrue();
  }

  @Test
  void explicitAndBareLinksBecomeLinkSegments() {
    List<Segment> segments =
        DemoText.segments("see [the docs](https://example.org/a) or https://example.org/b.");

    assertThat(segments)
        .extracting(Segment::getType, Segment::getText)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SegmentType.SEGMENT_TYPE_TEXT, "see "),
            org.assertj.core.groups.Tuple.tuple(SegmentType.SEGMENT_TYPE_LINK, "the docs"),
            org.assertj.core.groups.Tuple.tuple(SegmentType.SEGMENT_TYPE_TEXT, " or "),
            org.assertj.core.groups.Tuple.tuple(
                SegmentType.SEGMENT_TYPE_LINK, "https://example.org/b"),
            org.assertj.core.groups.Tuple.tuple(SegmentType.SEGMENT_TYPE_TEXT, "."));
    assertThat(segments.get(1).getLinkData().getLinkTarget()).isEqualTo("https://example.org/a");
  }

  @Test
  void backslashNBreaksTheLineAndBackslashEscapesAMark() {
    List<Segment> segments = DemoText.segments("one\\ntwo \\*three\\*");

    assertThat(segments)
        .extracting(Segment::getType, Segment::getText)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SegmentType.SEGMENT_TYPE_TEXT, "one"),
            org.assertj.core.groups.Tuple.tuple(SegmentType.SEGMENT_TYPE_LINE_BREAK, "\n"),
            org.assertj.core.groups.Tuple.tuple(SegmentType.SEGMENT_TYPE_TEXT, "two *three*"));
  }
}
