package dev.parley.app.conversation;

import dev.parley.client.ChatMessageSegment;
import dev.parley.client.SegmentType;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes message text safe and cheap to show: strips control and bidi-override characters (so one
 * message cannot reverse the text after it) and shows at most {@link #PAGE_CHARS} characters and
 * {@link #PAGE_SEGMENTS} segments per "page"; "Show more" reveals one more page.
 */
final class MessageText {
  static final int PAGE_CHARS = 4_000;
  static final int PAGE_SEGMENTS = 500;

  /** The segments to show, and whether some were held back. */
  record Prepared(List<ChatMessageSegment> segments, boolean truncated) {}

  private MessageText() {}

  static Prepared prepare(List<ChatMessageSegment> source, int pages) {
    long charBudget = (long) PAGE_CHARS * Math.max(1, pages);
    long segmentBudget = (long) PAGE_SEGMENTS * Math.max(1, pages);
    List<ChatMessageSegment> out = new ArrayList<>(Math.min(source.size(), 64));
    boolean truncated = false;
    for (int i = 0; i < source.size(); i++) {
      if (out.size() >= segmentBudget || charBudget <= 0) {
        truncated = true;
        break;
      }
      ChatMessageSegment segment = source.get(i);
      if (segment.type() == SegmentType.LINE_BREAK) {
        out.add(segment.text().equals("\n") ? segment : ChatMessageSegment.lineBreak());
        charBudget--;
        continue;
      }
      String text = clean(segment.text());
      if (text.length() > charBudget) {
        int cut = (int) charBudget;
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
          cut--;
        }
        text = text.substring(0, cut);
        truncated = true;
      }
      if (!text.isEmpty()) {
        out.add(text.equals(segment.text()) ? segment : segment.toBuilder().text(text).build());
      }
      charBudget -= text.length();
      if (truncated) {
        break;
      }
    }
    return new Prepared(List.copyOf(out), truncated);
  }

  /** {@code s} without control characters (new lines and tabs stay) and explicit bidi controls. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    int i = 0;
    while (i < s.length() && !strip(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    sb.append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!strip(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** One line for a name or title: cleaned, new lines as spaces. */
  static String oneLine(String s) {
    return clean(s).replace('\n', ' ').replace('\t', ' ');
  }

  private static boolean strip(char c) {
    if (c == '\n' || c == '\t') {
      return false;
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return true;
    }
    // LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI: they would leak past the message.
    return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
  }
}
