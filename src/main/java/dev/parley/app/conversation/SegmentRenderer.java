package dev.parley.app.conversation;

import dev.parley.client.ChatMessageSegment;
import dev.parley.client.SegmentType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * Turns message segments into the children of a {@code TextFlow}: one {@link Text} per run with its
 * formatting, a {@link Hyperlink} for a link whose target {@link LinkPolicy} allows, and plain text
 * for any other link. Text is only ever text: nothing is parsed as markup.
 */
final class SegmentRenderer {
  static final String TEXT = "message-text";
  static final String LINK = "message-link";
  static final String BOLD = "bold";
  static final String ITALIC = "italic";
  private static final double MAX_LINK_WIDTH = 360;

  private SegmentRenderer() {}

  static List<Node> render(List<ChatMessageSegment> segments, Consumer<String> openLink) {
    List<Node> nodes = new ArrayList<>(segments.size());
    for (ChatMessageSegment segment : segments) {
      if (segment.type() == SegmentType.LINE_BREAK) {
        nodes.add(text("\n", segment));
      } else if (segment.type() == SegmentType.LINK && LinkPolicy.isAllowed(segment.linkTarget())) {
        nodes.add(link(segment, openLink));
      } else {
        String shown = segment.text();
        if (shown.isEmpty() && segment.linkTarget() != null) {
          shown = MessageText.oneLine(segment.linkTarget());
        }
        nodes.add(text(shown, segment));
      }
    }
    return nodes;
  }

  private static Text text(String content, ChatMessageSegment segment) {
    Text text = new Text(content);
    text.getStyleClass().add(TEXT);
    format(text, segment);
    text.setStrikethrough(segment.strikethrough());
    text.setUnderline(segment.underline());
    return text;
  }

  private static Hyperlink link(ChatMessageSegment segment, Consumer<String> openLink) {
    String target = LinkPolicy.normalise(segment.linkTarget());
    String shown = segment.text().isBlank() ? target : segment.text();
    Hyperlink link = new Hyperlink(shown);
    link.getStyleClass().add(LINK);
    format(link, segment);
    link.setUnderline(true);
    link.setFocusTraversable(false);
    link.setMnemonicParsing(false);
    link.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
    link.setMaxWidth(MAX_LINK_WIDTH);
    link.setTooltip(new Tooltip(target));
    link.setOnAction(
        e -> {
          link.setVisited(false);
          openLink.accept(target);
        });
    return link;
  }

  private static void format(Node node, ChatMessageSegment segment) {
    if (segment.bold()) {
      node.getStyleClass().add(BOLD);
    }
    if (segment.italic()) {
      node.getStyleClass().add(ITALIC);
    }
  }
}
