package dev.parley.app.e2e;

import static dev.parley.app.e2e.Waits.onFx;
import static dev.parley.app.e2e.Waits.untilFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.conversation.TimelineRow;
import dev.parley.app.conversationlist.ConversationRow;
import dev.parley.app.session.ChatMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Reads the app's window the way the end-to-end tests need it (the reads on the FX thread). */
final class AppWindow {
  private AppWindow() {}

  static Scene scene() {
    return onFx(
        () ->
            Window.getWindows().stream()
                .filter(w -> w instanceof Stage && w.isShowing())
                .findFirst()
                .orElseThrow()
                .getScene());
  }

  static Optional<Node> lookup(String selector) {
    return Optional.ofNullable(scene().getRoot().lookup(selector));
  }

  @SuppressWarnings("unchecked")
  static ListView<ConversationRow> conversationList() {
    return (ListView<ConversationRow>) scene().getRoot().lookup("#conversationList");
  }

  @SuppressWarnings("unchecked")
  static ListView<TimelineRow> timeline() {
    return (ListView<TimelineRow>) scene().getRoot().lookup("#timeline");
  }

  static List<ConversationRow> rows() {
    return conversationList().getItems();
  }

  /** The unread count of the conversation so titled, -1 when it is not listed. */
  static int unread(String title) {
    return rows().stream()
        .filter(r -> r.title().equals(title))
        .mapToInt(ConversationRow::unreadCount)
        .findFirst()
        .orElse(-1);
  }

  /** Selects the conversation so titled and waits until its header shows. */
  static void open(String title, Duration wait) throws Exception {
    int index =
        onFx(
            () ->
                IntStream.range(0, rows().size())
                    .filter(i -> rows().get(i).title().equals(title))
                    .findFirst()
                    .orElse(-1));
    assertThat(index).as("row " + title).isNotNegative();
    onFx(
        () -> {
          conversationList().getSelectionModel().select(index);
          return null;
        });
    untilFx(
        wait,
        "conversation " + title + " open",
        () ->
            lookup("#conversationTitle")
                .map(n -> ((Label) n).getText().equals(title))
                .orElse(false));
  }

  static List<ChatMessage> messages() {
    return timeline().getItems().stream()
        .filter(r -> r instanceof TimelineRow.Message)
        .map(r -> ((TimelineRow.Message) r).message())
        .toList();
  }

  static Optional<ChatMessage> ownMessage(String text) {
    return messages().stream().filter(m -> m.own() && m.plainText().equals(text)).findFirst();
  }

  static boolean timelineContains(String text) {
    return messages().stream().anyMatch(m -> m.plainText().equals(text));
  }
}
