package dev.parley.app.conversationlist;

import dev.parley.app.session.Person;
import dev.parley.app.ui.Avatar;
import dev.parley.app.ui.ImageLoader;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One row of the list, Signal-style: the avatar, then the title (bold while unread), a crossed bell
 * when muted, a box when archived and the time on the first line, the preview and the unread badge
 * on the second. The nodes are built once per cell and refilled in {@link #updateItem}.
 */
final class ConversationCell extends ListCell<ConversationRow> {
  static final String STYLE_CLASS = "conversation-cell";
  static final String BOX = "conversation-cell-box";
  static final String TITLE = "conversation-title";
  static final String TIME = "conversation-time";
  static final String PREFIX = "conversation-preview-prefix";
  static final String PREVIEW = "conversation-preview";
  static final String BADGE = "conversation-badge";
  static final String QUIET_ICON = "conversation-quiet-icon";
  static final String ARCHIVED_ICON = "conversation-archived-icon";
  static final PseudoClass UNREAD = PseudoClass.getPseudoClass("unread");
  static final PseudoClass QUIET = PseudoClass.getPseudoClass("quiet");
  static final PseudoClass ARCHIVED = PseudoClass.getPseudoClass("archived");
  static final double AVATAR_SIZE = 40;

  private final Avatar avatar;
  private final Label title = new Label();
  private final FontIcon quietIcon = new FontIcon("mdi2b-bell-off-outline");
  private final FontIcon archivedIcon = new FontIcon("mdi2a-archive-outline");
  private final Label time = new Label();
  private final Label prefix = new Label();
  private final Label preview = new Label();
  private final Label badge = new Label();
  private final HBox box;

  ConversationCell(ImageLoader images) {
    getStyleClass().add(STYLE_CLASS);
    // Take the list's width, never more: long titles ellipsize instead of scrolling sideways.
    setPrefWidth(0);
    avatar = new Avatar(images, AVATAR_SIZE);
    title.getStyleClass().add(TITLE);
    title.setMaxWidth(Double.MAX_VALUE);
    title.setTextOverrun(OverrunStyle.ELLIPSIS);
    HBox.setHgrow(title, Priority.ALWAYS);
    quietIcon.getStyleClass().add(QUIET_ICON);
    archivedIcon.getStyleClass().add(ARCHIVED_ICON);
    time.getStyleClass().add(TIME);
    time.setMinWidth(Region.USE_PREF_SIZE);
    HBox top = new HBox(4, title, quietIcon, archivedIcon, time);
    top.setAlignment(Pos.CENTER_LEFT);

    prefix.getStyleClass().add(PREFIX);
    prefix.setMinWidth(Region.USE_PREF_SIZE);
    preview.getStyleClass().add(PREVIEW);
    preview.setMaxWidth(Double.MAX_VALUE);
    preview.setTextOverrun(OverrunStyle.ELLIPSIS);
    HBox.setHgrow(preview, Priority.ALWAYS);
    badge.getStyleClass().add(BADGE);
    badge.setMinWidth(Region.USE_PREF_SIZE);
    HBox bottom = new HBox(4, prefix, preview, badge);
    bottom.setAlignment(Pos.CENTER_LEFT);

    VBox lines = new VBox(3, top, bottom);
    lines.setAlignment(Pos.CENTER_LEFT);
    lines.setMinWidth(0);
    HBox.setHgrow(lines, Priority.ALWAYS);
    box = new HBox(10, avatar, lines);
    box.getStyleClass().add(BOX);
    box.setAlignment(Pos.CENTER_LEFT);
    setText(null);
  }

  @Override
  protected void updateItem(ConversationRow row, boolean empty) {
    super.updateItem(row, empty);
    if (empty || row == null) {
      setGraphic(null);
      setAccessibleText(null);
      pseudoClassStateChanged(UNREAD, false);
      pseudoClassStateChanged(QUIET, false);
      pseudoClassStateChanged(ARCHIVED, false);
      return;
    }
    avatar.setPerson(row.avatar() != null ? row.avatar() : groupFace(row));
    title.setText(row.title());
    time.setText(row.time());
    show(quietIcon, row.quiet());
    show(archivedIcon, row.archived());
    prefix.setText(row.previewPrefix());
    show(prefix, !row.previewPrefix().isEmpty());
    preview.setText(row.previewText());
    badge.setText(row.badgeText());
    show(badge, row.unreadCount() > 0);
    pseudoClassStateChanged(UNREAD, row.bold());
    pseudoClassStateChanged(QUIET, row.quiet());
    pseudoClassStateChanged(ARCHIVED, row.archived());
    setAccessibleText(row.accessibleText());
    setGraphic(box);
  }

  /**
   * A stand-in person whose initials are the group's: the first letters of the first two names of
   * an unnamed group ("Alice Martin, Zoë Roux" → "AZ"), else of the name's first two words.
   */
  static Person groupFace(ConversationRow row) {
    String title = row.title();
    String[] names = title.split(",\\s*");
    String face = names.length > 1 ? firstWord(names[0]) + " " + firstWord(names[1]) : title;
    return new Person("group:" + row.id(), face, null, "", null, false);
  }

  private static String firstWord(String s) {
    String trimmed = s.trim();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }

  private static void show(Node node, boolean visible) {
    node.setVisible(visible);
    node.setManaged(visible);
  }
}
