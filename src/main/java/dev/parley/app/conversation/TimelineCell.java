package dev.parley.app.conversation;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * One reusable cell of the timeline. It keeps one node tree per row kind (day separator, unread
 * divider, system line, message), built on first use and refilled for every row it shows after.
 */
final class TimelineCell extends ListCell<TimelineRow> {
  private final TimelineContext context;
  private Label day;
  private HBox dayBox;
  private HBox divider;
  private Label systemLabel;
  private HBox system;
  private Tooltip systemTip;
  private MessageRowPane message;

  /**
   * The height of an empty cell. The list fills the space below the last row with empty cells until
   * the viewport is full; at height 0 that took one cell per pixel (hundreds), each later reused
   * for a real row, so a short conversation left the list holding hundreds of rows' nodes.
   */
  static final double EMPTY_HEIGHT = 48;

  TimelineCell(TimelineContext context) {
    this.context = context;
    getStyleClass().add("timeline-cell");
    setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    setText(null);
    setPrefWidth(0);
  }

  /** The message row this cell made (kept while it shows other kinds of row), or null. */
  MessageRowPane madeMessagePane() {
    return message;
  }

  @Override
  protected void updateItem(TimelineRow row, boolean empty) {
    super.updateItem(row, empty);
    setText(null);
    if (empty || row == null) {
      setGraphic(null);
      setAccessibleText(null);
      return;
    }
    if (row instanceof TimelineRow.Message m) {
      if (message == null) {
        message = new MessageRowPane(context);
      }
      setGraphic(message);
      message.update(m);
      setAccessibleText(message.getAccessibleText()); // what a screen reader says on focus
      if (getScene() != null) {
        applyCss(); // styled before the list measures it: sizes depend on fonts from CSS
        message.bubble().syncSpacer();
      }
    } else if (row instanceof TimelineRow.DaySeparator d) {
      if (dayBox == null) {
        day = new Label();
        day.getStyleClass().add("day-separator-label");
        dayBox = new HBox(day);
        dayBox.setAlignment(Pos.CENTER);
        dayBox.getStyleClass().add("day-separator");
      }
      day.setText(d.label());
      setAccessibleText(d.label());
      setGraphic(dayBox);
    } else if (row instanceof TimelineRow.UnreadDivider u) {
      if (divider == null) {
        Region left = line();
        Region right = line();
        Label label = new Label();
        label.getStyleClass().add("unread-divider-label");
        divider = new HBox(8, left, label, right);
        divider.setAlignment(Pos.CENTER);
        divider.getStyleClass().add("unread-divider");
      }
      ((Label) divider.getChildren().get(1)).setText(u.label());
      setAccessibleText(u.label());
      setGraphic(divider);
    } else if (row instanceof TimelineRow.SystemLine s) {
      if (system == null) {
        systemLabel = new Label();
        systemLabel.getStyleClass().add("system-line-label");
        systemLabel.setWrapText(true);
        systemLabel.setMinHeight(Region.USE_PREF_SIZE);
        systemTip = new Tooltip();
        systemLabel.setTooltip(systemTip);
        system = new HBox(systemLabel);
        system.setAlignment(Pos.CENTER);
        system.getStyleClass().add("system-line");
      }
      systemLabel.setText(s.text());
      setAccessibleText(s.text());
      systemTip.setText(s.fullTime());
      setGraphic(system);
    }
  }

  private static Region line() {
    Region line = new Region();
    line.getStyleClass().add("unread-divider-line");
    HBox.setHgrow(line, Priority.ALWAYS);
    line.setMaxHeight(1);
    line.setMinHeight(1);
    return line;
  }

  /** The message pane this cell shows now, or null (for tests). */
  MessageRowPane messagePane() {
    return getGraphic() == message ? message : null;
  }

  @Override
  protected double computePrefWidth(double height) {
    return 0;
  }

  @Override
  protected double computePrefHeight(double width) {
    if (isEmpty()) {
      return EMPTY_HEIGHT;
    }
    Node graphic = getGraphic();
    Insets in = getInsets();
    if (graphic == null) {
      return in.getTop() + in.getBottom();
    }
    double w = (width < 0 ? getWidth() : width) - in.getLeft() - in.getRight();
    return in.getTop() + graphic.prefHeight(Math.max(0, w)) + in.getBottom();
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected void layoutChildren() {
    Node graphic = getGraphic();
    if (graphic != null) {
      Insets in = getInsets();
      double w = getWidth() - in.getLeft() - in.getRight();
      double h = getHeight() - in.getTop() - in.getBottom();
      graphic.resizeRelocate(in.getLeft(), in.getTop(), w, h);
    }
  }
}
