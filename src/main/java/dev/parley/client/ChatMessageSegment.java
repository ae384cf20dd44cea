package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.util.List;
import java.util.Objects;

/**
 * One run of a chat message: text, a link or a line break, with bold, italic, strikethrough and
 * underline flags (PROTOCOL.md section 9). Immutable.
 *
 * <p>As in hangups, the type defaults to {@link SegmentType#LINK} when a link target is given and
 * to {@link SegmentType#TEXT} otherwise; an explicit type always wins.
 */
public final class ChatMessageSegment {
  private static final String LINE_BREAK_TEXT = "\n";

  private final String text;
  private final SegmentType type;
  private final boolean bold;
  private final boolean italic;
  private final boolean strikethrough;
  private final boolean underline;
  private final String linkTarget;

  private ChatMessageSegment(Builder b) {
    this.text = b.text;
    this.linkTarget = b.linkTarget;
    this.type =
        b.type != null ? b.type : (b.linkTarget != null ? SegmentType.LINK : SegmentType.TEXT);
    this.bold = b.bold;
    this.italic = b.italic;
    this.strikethrough = b.strikethrough;
    this.underline = b.underline;
  }

  /** An unformatted {@link SegmentType#TEXT} segment. */
  public static ChatMessageSegment text(String text) {
    return builder(text).build();
  }

  /**
   * An unformatted {@link SegmentType#LINK} segment showing {@code text} and pointing at {@code
   * target}.
   */
  public static ChatMessageSegment link(String text, String target) {
    return builder(text).linkTarget(Objects.requireNonNull(target, "target")).build();
  }

  /** An unformatted {@link SegmentType#LINE_BREAK} segment with text {@code "\n"}. */
  public static ChatMessageSegment lineBreak() {
    return builder(LINE_BREAK_TEXT).type(SegmentType.LINE_BREAK).build();
  }

  /** A builder for a segment showing {@code text}; everything else starts unset. */
  public static Builder builder(String text) {
    return new Builder(text);
  }

  /**
   * Turns what a person typed into segments using hangups' Markdown, HTML and auto-link rules
   * (PROTOCOL.md section 9). Never fails: text the rules do not cover stays text.
   */
  public static List<ChatMessageSegment> fromString(String text) {
    return MarkupParser.parse(Objects.requireNonNull(text, "text"));
  }

  /**
   * The plain text of {@code segments}: the texts of TEXT and LINK segments and a new line for each
   * LINE_BREAK (attachment lines are the caller's business).
   */
  public static String toPlainText(List<ChatMessageSegment> segments) {
    StringBuilder sb = new StringBuilder();
    for (ChatMessageSegment segment : segments) {
      sb.append(segment.type == SegmentType.LINE_BREAK ? LINE_BREAK_TEXT : segment.text);
    }
    return sb.toString();
  }

  /**
   * Reads a wire segment as hangups does: a missing or unknown type is TEXT, an empty target none.
   */
  public static ChatMessageSegment deserialize(Hangouts.Segment segment) {
    Hangouts.Formatting formatting = segment.getFormatting();
    String target = segment.getLinkData().getLinkTarget();
    return builder(segment.getText())
        .type(fromWire(segment.getType()))
        .bold(formatting.getBold())
        .italic(formatting.getItalic())
        .strikethrough(formatting.getStrikethrough())
        .underline(formatting.getUnderline())
        .linkTarget(target.isEmpty() ? null : target)
        .build();
  }

  /** The wire form: type, text and all four formatting flags always set, link data for links. */
  public Hangouts.Segment serialize() {
    Hangouts.Segment.Builder segment =
        Hangouts.Segment.newBuilder()
            .setType(toWire(type))
            .setText(text)
            .setFormatting(
                Hangouts.Formatting.newBuilder()
                    .setBold(bold)
                    .setItalic(italic)
                    .setStrikethrough(strikethrough)
                    .setUnderline(underline));
    if (linkTarget != null) {
      segment.setLinkData(Hangouts.LinkData.newBuilder().setLinkTarget(linkTarget));
    }
    return segment.build();
  }

  public String text() {
    return text;
  }

  public SegmentType type() {
    return type;
  }

  public boolean bold() {
    return bold;
  }

  public boolean italic() {
    return italic;
  }

  public boolean strikethrough() {
    return strikethrough;
  }

  public boolean underline() {
    return underline;
  }

  /** The URL this segment links to, or null. */
  public String linkTarget() {
    return linkTarget;
  }

  public ChatMessageSegment withBold(boolean bold) {
    return toBuilder().bold(bold).build();
  }

  public ChatMessageSegment withItalic(boolean italic) {
    return toBuilder().italic(italic).build();
  }

  public ChatMessageSegment withStrikethrough(boolean strikethrough) {
    return toBuilder().strikethrough(strikethrough).build();
  }

  public ChatMessageSegment withUnderline(boolean underline) {
    return toBuilder().underline(underline).build();
  }

  /** A builder holding this segment's values, including its type. */
  public Builder toBuilder() {
    return builder(text)
        .type(type)
        .bold(bold)
        .italic(italic)
        .strikethrough(strikethrough)
        .underline(underline)
        .linkTarget(linkTarget);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ChatMessageSegment)) {
      return false;
    }
    ChatMessageSegment that = (ChatMessageSegment) o;
    return type == that.type
        && bold == that.bold
        && italic == that.italic
        && strikethrough == that.strikethrough
        && underline == that.underline
        && text.equals(that.text)
        && Objects.equals(linkTarget, that.linkTarget);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, type, bold, italic, strikethrough, underline, linkTarget);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ChatMessageSegment{").append(type);
    sb.append(", text=\"").append(text).append('"');
    if (bold) {
      sb.append(", bold");
    }
    if (italic) {
      sb.append(", italic");
    }
    if (strikethrough) {
      sb.append(", strikethrough");
    }
    if (underline) {
      sb.append(", underline");
    }
    if (linkTarget != null) {
      sb.append(", linkTarget=").append(linkTarget);
    }
    return sb.append('}').toString();
  }

  private static SegmentType fromWire(Hangouts.SegmentType type) {
    switch (type) {
      case SEGMENT_TYPE_LINK:
        return SegmentType.LINK;
      case SEGMENT_TYPE_LINE_BREAK:
        return SegmentType.LINE_BREAK;
      default:
        return SegmentType.TEXT;
    }
  }

  private static Hangouts.SegmentType toWire(SegmentType type) {
    switch (type) {
      case LINK:
        return Hangouts.SegmentType.SEGMENT_TYPE_LINK;
      case LINE_BREAK:
        return Hangouts.SegmentType.SEGMENT_TYPE_LINE_BREAK;
      default:
        return Hangouts.SegmentType.SEGMENT_TYPE_TEXT;
    }
  }

  /** Builds a {@link ChatMessageSegment}; the type is derived unless {@link #type} sets it. */
  public static final class Builder {
    private String text;
    private SegmentType type;
    private boolean bold;
    private boolean italic;
    private boolean strikethrough;
    private boolean underline;
    private String linkTarget;

    private Builder(String text) {
      text(text);
    }

    public Builder text(String text) {
      this.text = Objects.requireNonNull(text, "text");
      return this;
    }

    /** Sets the type explicitly; null derives it from the link target. */
    public Builder type(SegmentType type) {
      this.type = type;
      return this;
    }

    public Builder bold(boolean bold) {
      this.bold = bold;
      return this;
    }

    public Builder italic(boolean italic) {
      this.italic = italic;
      return this;
    }

    public Builder strikethrough(boolean strikethrough) {
      this.strikethrough = strikethrough;
      return this;
    }

    public Builder underline(boolean underline) {
      this.underline = underline;
      return this;
    }

    /** The URL to link to, or null for none. */
    public Builder linkTarget(String linkTarget) {
      this.linkTarget = linkTarget;
      return this;
    }

    public ChatMessageSegment build() {
      return new ChatMessageSegment(this);
    }
  }
}
