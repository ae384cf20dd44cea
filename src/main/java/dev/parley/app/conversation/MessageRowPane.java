package dev.parley.app.conversation;

import dev.parley.app.session.Person;
import dev.parley.app.ui.Avatar;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A message row: others' bubbles on the left after an avatar column (the avatar only on the first
 * of a run), the user's own on the right; "Seen by" avatars under the bubble. Lays itself out so
 * that its height for a given width is exact (the list asks before it sizes the cell).
 */
final class MessageRowPane extends Region {
  static final double AVATAR_SIZE = 32;
  static final double SEEN_SIZE = 16;
  private static final double AVATAR_GAP = 8;
  private static final double MAX_BUBBLE_WIDTH = 560;
  private static final double BUBBLE_SHARE = 0.75;
  private static final PseudoClass OWN = PseudoClass.getPseudoClass("own");
  private static final PseudoClass FIRST = PseudoClass.getPseudoClass("first");
  private static final PseudoClass LAST = PseudoClass.getPseudoClass("last");

  private final TimelineContext context;
  private final Avatar avatar;
  private final Bubble bubble;
  private final HBox seen = new HBox(2);
  private final List<Avatar> seenAvatars = new ArrayList<>();
  // Installed when the pointer first comes near: a tooltip is a popup window, two per row made
  // opening a conversation slower.
  private Tooltip timeTip;
  private Tooltip seenTip;
  private TimelineRow.Message row;
  private boolean remeasureRequested;

  MessageRowPane(TimelineContext context) {
    this.context = context;
    getStyleClass().add("message-row");
    avatar = new Avatar(context.images(), AVATAR_SIZE);
    bubble = new Bubble(context);
    seen.getStyleClass().add("seen-by");
    avatar.getStyleClass().add("clickable");
    avatar.setOnMouseClicked(e -> showSenderProfile(avatar));
    bubble.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> installTimeTip());
    seen.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> installSeenTip());
    getChildren().addAll(avatar, bubble, seen);
  }

  void update(TimelineRow.Message row) {
    this.row = row;
    pseudoClassStateChanged(OWN, row.own());
    pseudoClassStateChanged(FIRST, row.firstInGroup());
    pseudoClassStateChanged(LAST, row.lastInGroup());
    boolean showAvatar = row.showAvatar();
    avatar.setVisible(showAvatar);
    avatar.setPerson(showAvatar ? row.sender() : null);
    bubble.update(row);
    if (timeTip != null) {
      timeTip.setText(row.fullTime());
    }

    List<Person> seenBy = row.seenBy();
    while (seenAvatars.size() < seenBy.size()) {
      Avatar seenAvatar = new Avatar(context.images(), SEEN_SIZE);
      seenAvatar.getStyleClass().add("clickable");
      seenAvatar.setOnMouseClicked(
          e -> {
            if (seenAvatar.person() != null) {
              context.showProfile().accept(seenAvatar, seenAvatar.person().id());
            }
          });
      seenAvatars.add(seenAvatar);
    }
    int shown = Math.min(seenBy.size(), 8);
    for (int i = 0; i < shown; i++) {
      seenAvatars.get(i).setPerson(seenBy.get(i));
    }
    seen.getChildren().setAll(seenAvatars.subList(0, shown));
    seen.setVisible(!seenBy.isEmpty());
    if (seenTip != null) {
      seenTip.setText(seenText());
    }
    // A screen reader reads the row as "Alice, 10:42: hello" (the text capped, as shown).
    String spoken = dev.parley.client.ChatMessageSegment.toPlainText(row.segments());
    setAccessibleText(
        row.senderName()
            + ", "
            + row.time()
            + ": "
            + (spoken.length() > 500 ? spoken.substring(0, 500) + "…" : spoken));
    remeasureRequested = false;
    requestLayout();
  }

  private void installTimeTip() {
    if (timeTip == null && row != null) {
      timeTip = new Tooltip(row.fullTime());
      Tooltip.install(bubble, timeTip);
    }
  }

  private void installSeenTip() {
    if (seenTip == null && row != null) {
      seenTip = new Tooltip(seenText());
      Tooltip.install(seen, seenTip);
    }
  }

  private String seenText() {
    List<Person> seenBy = row.seenBy();
    return seenBy.isEmpty()
        ? ""
        : context
            .text()
            .get(
                "message.seenBy",
                String.join(
                    ", ", seenBy.stream().map(p -> MessageText.oneLine(p.fullName())).toList()));
  }

  /** Shows the sender's card by {@code anchor} (their avatar or name). */
  void showSenderProfile(Node anchor) {
    if (row != null && row.sender() != null && !row.own()) {
      context.showProfile().accept(anchor, row.sender().id());
    }
  }

  Bubble bubble() {
    return bubble;
  }

  TimelineRow.Message row() {
    return row;
  }

  private double bubbleLeft() {
    return row != null && row.own() ? 0 : AVATAR_SIZE + AVATAR_GAP;
  }

  private double bubbleWidth(double contentWidth) {
    double available = Math.max(0, contentWidth - bubbleLeft());
    double max = Math.min(MAX_BUBBLE_WIDTH, Math.max(120, available * BUBBLE_SHARE));
    max = Math.min(max, available);
    double pref = bubble.prefWidth(-1);
    return Math.max(Math.min(pref, max), Math.min(bubble.minWidth(-1), max));
  }

  private boolean hasSeen() {
    return row != null && !row.seenBy().isEmpty();
  }

  @Override
  protected double computePrefWidth(double height) {
    return 0; // the list decides the width; the bubble wraps inside it
  }

  @Override
  protected double computePrefHeight(double width) {
    Insets in = getInsets();
    double content = (width < 0 ? getWidth() : width) - in.getLeft() - in.getRight();
    double bubbleHeight = bubble.prefHeight(bubbleWidth(content));
    double h = Math.max(bubbleHeight, row != null && row.showAvatar() ? AVATAR_SIZE : 0);
    if (hasSeen()) {
      h += 3 + SEEN_SIZE;
    }
    return in.getTop() + h + in.getBottom();
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected void layoutChildren() {
    Insets in = getInsets();
    double content = getWidth() - in.getLeft() - in.getRight();
    double bw = bubbleWidth(content);
    double bh = bubble.prefHeight(bw);
    boolean own = row != null && row.own();
    double bx = own ? in.getLeft() + content - bw : in.getLeft() + bubbleLeft();
    double top = in.getTop();
    bubble.resizeRelocate(bx, top, bw, bh);
    if (!remeasureRequested && Math.abs(computePrefHeight(getWidth()) - getHeight()) > 1) {
      // Something changed size after the list measured this row (a font arrived late): have the
      // list measure again. Once per update, so a rounding quirk cannot loop.
      remeasureRequested = true;
      Platform.runLater(this::requestLayout);
    }
    avatar.resizeRelocate(in.getLeft(), top, AVATAR_SIZE, AVATAR_SIZE);
    if (hasSeen()) {
      double sw = seen.prefWidth(-1);
      double sx = own ? bx + bw - sw : bx;
      seen.resizeRelocate(sx, top + bh + 3, sw, SEEN_SIZE);
    }
  }
}
