package dev.parley.app.conversation;

import dev.parley.app.session.SendState;
import dev.parley.client.ImageAttachment;
import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One message bubble: sender name, the text, pictures, "Show more", and the time with the send
 * state in the bottom-right corner. When the text is the last thing in the bubble the time sits on
 * its last line (an invisible spacer at the end of the text keeps room for it), as Telegram does.
 */
final class Bubble extends Region {
  private static final double GAP = 4;
  private static final PseudoClass OWN = PseudoClass.getPseudoClass("own");
  private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
  private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
  private static final PseudoClass ME_ACTION = PseudoClass.getPseudoClass("me-action");
  private static final List<PseudoClass> POSITIONS =
      List.of(
          PseudoClass.getPseudoClass("single"),
          PseudoClass.getPseudoClass("first"),
          PseudoClass.getPseudoClass("middle"),
          PseudoClass.getPseudoClass("last"));

  private final TimelineContext context;
  private final Label name = new Label();
  private final TextFlow flow = new TextFlow();
  private final HBox meta;

  /**
   * Keeps room at the end of the text for the time: sized like the meta line (explicitly, since a
   * region caches its computed size), sitting on the baseline.
   */
  private final Region spacer =
      new Region() {
        @Override
        public double getBaselineOffset() {
          return getPrefHeight();
        }
      };

  private final VBox pictures = new VBox(GAP);
  private final Label time = new Label();
  private final FontIcon stateIcon = new FontIcon();
  // Made for the first message that needs them: few do, and each link is a control with a skin to
  // style, which made opening a conversation slower.
  private Hyperlink showMore;
  private Hyperlink failed;
  private final List<ImageThumbnail> thumbnails = new ArrayList<>();
  private TimelineRow.Message row;
  private boolean metaInline;

  Bubble(TimelineContext context) {
    this.context = context;
    meta = new HBox(3, time, stateIcon);
    getStyleClass().add("bubble");
    name.getStyleClass().add("bubble-name");
    name.setMinWidth(0);
    name.getStyleClass().add("clickable");
    name.setOnMouseClicked(
        e -> {
          if (row != null && row.sender() != null) {
            context.showProfile().accept(name, row.sender().id());
          }
        });
    flow.getStyleClass().add("bubble-text");
    spacer.getStyleClass().add("bubble-meta-spacer");
    spacer.setMouseTransparent(true);
    pictures.getStyleClass().add("bubble-pictures");
    time.getStyleClass().add("bubble-time");
    stateIcon.getStyleClass().add("bubble-state-icon");
    meta.getStyleClass().add("bubble-meta");
    // The spacer measures the meta line; when that changes (its CSS arrives, the time changes),
    // the text must be measured again.
    meta.widthProperty().addListener((obs, was, is) -> syncSpacer());
    meta.heightProperty().addListener((obs, was, is) -> syncSpacer());
    meta.setAlignment(Pos.CENTER_RIGHT);
    getChildren().addAll(name, flow, pictures, meta);
  }

  private Hyperlink showMoreLink() {
    if (showMore == null) {
      showMore = new Hyperlink(context.text().get("message.showMore"));
      showMore.getStyleClass().add("bubble-show-more");
      showMore.setOnAction(e -> context.showMore().accept(row.key()));
      getChildren().add(getChildren().indexOf(meta), showMore);
    }
    return showMore;
  }

  private Hyperlink failedLink() {
    if (failed == null) {
      failed = new Hyperlink(context.text().get("message.failed"));
      failed.getStyleClass().add("bubble-failed");
      FontIcon alert = new FontIcon("mdi2a-alert-circle-outline");
      alert.getStyleClass().add("bubble-failed-icon");
      failed.setGraphic(alert);
      failed.setOnAction(e -> context.retry().accept(row.message()));
      failed.setFocusTraversable(false);
      meta.getChildren().add(failed);
    }
    return failed;
  }

  void update(TimelineRow.Message row) {
    this.row = row;
    boolean own = row.own();
    pseudoClassStateChanged(OWN, own);
    pseudoClassStateChanged(PENDING, row.state() == SendState.PENDING);
    pseudoClassStateChanged(FAILED, row.state() == SendState.FAILED);
    pseudoClassStateChanged(ME_ACTION, row.message().meAction());
    int position = (row.firstInGroup() ? 0 : 2) + (row.lastInGroup() ? 0 : 1);
    // single (first+last), first, last (not first), middle
    int index = position == 0 ? 0 : position == 1 ? 1 : position == 2 ? 3 : 2;
    for (int i = 0; i < POSITIONS.size(); i++) {
      pseudoClassStateChanged(POSITIONS.get(i), i == index);
    }

    name.setText(row.senderName());
    show(name, row.showSenderName());

    List<Node> nodes = SegmentRenderer.render(row.segments(), context.openLink());
    boolean hasText = !nodes.isEmpty();
    show(flow, hasText);

    List<ImageAttachment> images = row.images();
    while (thumbnails.size() < images.size()) {
      thumbnails.add(new ImageThumbnail(context.images(), context.text(), context.openImage()));
    }
    pictures.getChildren().setAll(thumbnails.subList(0, images.size()));
    for (int i = 0; i < images.size(); i++) {
      thumbnails.get(i).show(images.get(i));
    }
    show(pictures, !images.isEmpty());
    if (row.truncated() || showMore != null) {
      show(showMoreLink(), row.truncated());
    }

    time.setText(row.time());
    show(time, row.lastInGroup() || row.state() == SendState.PENDING);
    if (own && row.state() != SendState.FAILED) {
      stateIcon.setIconLiteral(
          row.state() == SendState.PENDING ? "mdi2c-clock-outline" : "mdi2c-check");
      show(stateIcon, true);
    } else {
      show(stateIcon, false);
    }
    boolean failedSend = own && row.state() == SendState.FAILED;
    if (failedSend || failed != null) {
      show(failedLink(), failedSend);
    }
    boolean hasMeta = time.isManaged() || stateIcon.isManaged() || failedSend;
    show(meta, hasMeta);

    metaInline = hasMeta && hasText && images.isEmpty() && !row.truncated();
    if (metaInline) {
      syncSpacer();
      nodes.add(spacer);
    }
    flow.getChildren().setAll(nodes);
    requestLayout();
  }

  /**
   * Sizes the spacer like the meta line; exact only once the meta line is styled (its font comes
   * from CSS), so the cell calls this again after applying CSS, before the list measures it.
   */
  void syncSpacer() {
    double w = Math.ceil(meta.prefWidth(-1)) + 8;
    double h = Math.ceil(meta.prefHeight(-1));
    if (spacer.getPrefWidth() != w || spacer.getPrefHeight() != h) {
      spacer.setMinSize(w, h);
      spacer.setPrefSize(w, h);
      spacer.setMaxSize(w, h);
    }
  }

  List<ImageThumbnail> thumbnails() {
    return thumbnails;
  }

  private static void show(Node node, boolean visible) {
    node.setVisible(visible);
    node.setManaged(visible);
  }

  @Override
  protected double computePrefWidth(double height) {
    Insets in = getInsets();
    double w = 0;
    for (Node child : getChildren()) {
      if (child.isManaged() && !(child == meta && metaInline)) {
        w = Math.max(w, child.prefWidth(-1));
      }
    }
    // One pixel of slack: a text flow given exactly its natural width may still wrap its last word.
    return Math.ceil(in.getLeft() + w + in.getRight()) + 1;
  }

  @Override
  protected double computeMinWidth(double height) {
    Insets in = getInsets();
    double w = meta.isManaged() ? meta.prefWidth(-1) : 24;
    return in.getLeft() + Math.max(24, w) + in.getRight();
  }

  @Override
  protected double computePrefHeight(double width) {
    Insets in = getInsets();
    double content = width < 0 ? prefWidth(-1) : width;
    content -= in.getLeft() + in.getRight();
    return in.getTop() + layoutContent(content, false) + in.getBottom();
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected void layoutChildren() {
    layoutContent(getWidth() - getInsets().getLeft() - getInsets().getRight(), true);
  }

  /** Lays the parts out top to bottom (or only measures them); the content height. */
  private double layoutContent(double w, boolean place) {
    Insets in = getInsets();
    double x = in.getLeft();
    double y = 0;
    boolean any = false;
    for (Node child : new Node[] {name, flow, pictures, showMore}) {
      if (child == null || !child.isManaged()) {
        continue;
      }
      if (any) {
        y += GAP;
      }
      double cw = child == pictures ? Math.min(w, child.prefWidth(-1)) : w;
      double ch = child.prefHeight(cw);
      if (place) {
        child.resizeRelocate(x, in.getTop() + y, cw, ch);
      }
      y += ch;
      any = true;
    }
    if (meta.isManaged()) {
      double mw = meta.prefWidth(-1);
      double mh = meta.prefHeight(-1);
      if (!metaInline) {
        if (any) {
          y += 2;
        }
        y += mh;
      }
      if (place) {
        meta.resizeRelocate(x + w - mw, in.getTop() + y - mh, mw, mh);
      }
    }
    return y;
  }
}
