package dev.parley.server.demo;

import dev.parley.proto.Hangouts.Formatting;
import dev.parley.proto.Hangouts.LinkData;
import dev.parley.proto.Hangouts.Segment;
import dev.parley.proto.Hangouts.SegmentType;
import java.util.ArrayList;
import java.util.List;

/**
 * The small markup the demo script is written in, turned into message segments: {@code **bold**},
 * {@code *italic*}, {@code ~~strikethrough~~}, {@code ==underline==} (marks toggle, so they nest),
 * {@code [text](url)} and bare {@code http(s)://} links, {@code \n} for a line break and a
 * backslash before any other character to take it literally. The server never parses what people
 * type; this is only for the demo's own content.
 */
final class DemoText {
  private static final String TRAILING_PUNCTUATION = ".,!?;:";

  private final List<Segment> segments = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private boolean bold;
  private boolean italic;
  private boolean strikethrough;
  private boolean underline;

  private DemoText() {}

  static List<Segment> segments(String markup) {
    DemoText t = new DemoText();
    t.parse(markup);
    return List.copyOf(t.segments);
  }

  /** Plain text segment with the given formatting. */
  static Segment text(String text, boolean bold, boolean italic) {
    return Segment.newBuilder()
        .setType(SegmentType.SEGMENT_TYPE_TEXT)
        .setText(text)
        .setFormatting(formatting(bold, italic, false, false))
        .build();
  }

  private void parse(String s) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        if (s.charAt(i + 1) == 'n') {
          flush();
          segments.add(
              Segment.newBuilder()
                  .setType(SegmentType.SEGMENT_TYPE_LINE_BREAK)
                  .setText("\n")
                  .setFormatting(formatting(false, false, false, false))
                  .build());
        } else {
          text.append(s.charAt(i + 1));
        }
        i += 2;
      } else if (s.startsWith("**", i)) {
        flush();
        bold = !bold;
        i += 2;
      } else if (s.startsWith("~~", i)) {
        flush();
        strikethrough = !strikethrough;
        i += 2;
      } else if (s.startsWith("==", i)) {
        flush();
        underline = !underline;
        i += 2;
      } else if (c == '*') {
        flush();
        italic = !italic;
        i++;
      } else if (c == '[' && explicitLinkEnd(s, i) > 0) {
        int close = s.indexOf("](", i);
        int end = explicitLinkEnd(s, i);
        link(s.substring(i + 1, close), s.substring(close + 2, end));
        i = end + 1;
      } else if (startsUrl(s, i)) {
        int end = urlEnd(s, i);
        String url = s.substring(i, end);
        link(url, url);
        i = end;
      } else {
        text.append(c);
        i++;
      }
    }
    flush();
  }

  private static int explicitLinkEnd(String s, int open) {
    int close = s.indexOf("](", open);
    if (close < 0 || s.indexOf('\n', open) >= 0 && s.indexOf('\n', open) < close) {
      return -1;
    }
    return s.indexOf(')', close + 2);
  }

  private static boolean startsUrl(String s, int i) {
    boolean atWordStart =
        i == 0 || Character.isWhitespace(s.charAt(i - 1)) || s.charAt(i - 1) == '(';
    return atWordStart && (s.startsWith("https://", i) || s.startsWith("http://", i));
  }

  private static int urlEnd(String s, int start) {
    int end = start;
    while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
      end++;
    }
    while (end > start && TRAILING_PUNCTUATION.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    String url = s.substring(start, end);
    if (url.endsWith(")") && url.indexOf('(') < 0) {
      end--;
    }
    return end;
  }

  private void link(String label, String target) {
    flush();
    segments.add(
        Segment.newBuilder()
            .setType(SegmentType.SEGMENT_TYPE_LINK)
            .setText(label)
            .setFormatting(formatting(bold, italic, strikethrough, underline))
            .setLinkData(LinkData.newBuilder().setLinkTarget(target))
            .build());
  }

  private void flush() {
    if (text.length() > 0) {
      segments.add(
          Segment.newBuilder()
              .setType(SegmentType.SEGMENT_TYPE_TEXT)
              .setText(text.toString())
              .setFormatting(formatting(bold, italic, strikethrough, underline))
              .build());
      text.setLength(0);
    }
  }

  static Formatting formatting(
      boolean bold, boolean italic, boolean strikethrough, boolean underline) {
    return Formatting.newBuilder()
        .setBold(bold)
        .setItalic(italic)
        .setStrikethrough(strikethrough)
        .setUnderline(underline)
        .build();
  }
}
