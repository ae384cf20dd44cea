package dev.parley.client;

/** What a {@link ChatMessageSegment} is: plain text, a hyperlink or a line break. */
public enum SegmentType {
  /** Text, possibly formatted. */
  TEXT,
  /** Hyperlinked text; its target is {@link ChatMessageSegment#linkTarget()}. */
  LINK,
  /** A line break; its text is usually {@code "\n"}. */
  LINE_BREAK
}
