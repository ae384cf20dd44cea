package dev.parley.app.shortcuts;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The main window's keyboard shortcuts, in one place: the key combinations the window matches and
 * the list the shortcut sheet shows. "Ctrl" is Cmd on macOS ({@link KeyCombination#SHORTCUT_DOWN}),
 * except for Ctrl+Tab, which is Ctrl everywhere.
 */
public final class Shortcuts {
  private Shortcuts() {}

  public static final KeyCombination FILTER = shortcut(KeyCode.K);
  public static final KeyCombination NEW_CONVERSATION = shortcut(KeyCode.N);
  public static final KeyCombination PREVIOUS =
      new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN);
  public static final KeyCombination NEXT =
      new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN);
  public static final KeyCombination PREVIOUS_UNREAD =
      new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN);
  public static final KeyCombination NEXT_UNREAD =
      new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN);
  public static final KeyCombination CYCLE_NEXT =
      new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN);
  public static final KeyCombination CYCLE_PREVIOUS =
      new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN);
  public static final KeyCombination CLOSE_CONVERSATION = shortcut(KeyCode.W);
  public static final KeyCombination CLEAR_FILTER = new KeyCodeCombination(KeyCode.ESCAPE);
  public static final KeyCombination SETTINGS = shortcut(KeyCode.COMMA);
  public static final KeyCombination SHORTCUT_SHEET = shortcut(KeyCode.SLASH);
  public static final KeyCombination QUIT = shortcut(KeyCode.Q);

  /** Ctrl+1 to Ctrl+9 open the first nine conversations; see {@link #conversationNumber}. */
  private static final KeyCombination FIRST = shortcut(KeyCode.DIGIT1);

  /** Where a shortcut belongs on the sheet. */
  public enum Group {
    CONVERSATIONS,
    WRITING,
    APP
  }

  /**
   * One line of the sheet.
   *
   * @param keys what to press, as the platform writes it ("Ctrl+K", "⌘K")
   * @param description the key of its description in this package's messages
   */
  public record Entry(Group group, String keys, String description) {}

  /**
   * Whether {@code e} is Ctrl+/ (or F1, or Ctrl+/ on the keypad, for keyboards where "/" needs
   * Shift).
   */
  public static boolean isShortcutSheet(KeyEvent e) {
    return SHORTCUT_SHEET.match(e)
        || shortcut(KeyCode.DIVIDE).match(e)
        || new KeyCodeCombination(KeyCode.F1).match(e);
  }

  /** 1 to 9 for Ctrl+1 to Ctrl+9 (without Shift or Alt), else 0. */
  public static int conversationNumber(KeyEvent e) {
    if (e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown() && e.getCode().isDigitKey()) {
      String digit = e.getText();
      if (digit.length() == 1 && digit.charAt(0) >= '1' && digit.charAt(0) <= '9') {
        return digit.charAt(0) - '0';
      }
    }
    return 0;
  }

  /**
   * Everything the sheet lists, in order.
   *
   * @param ctrlEnterSends whether the composer sends with Ctrl+Enter (a setting)
   */
  public static List<Entry> all(boolean ctrlEnterSends) {
    KeyCombination enter = new KeyCodeCombination(KeyCode.ENTER);
    KeyCombination send = ctrlEnterSends ? shortcut(KeyCode.ENTER) : enter;
    KeyCombination newLine =
        ctrlEnterSends ? enter : new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHIFT_DOWN);
    return List.of(
        entry(Group.CONVERSATIONS, FILTER, "filter"),
        entry(Group.CONVERSATIONS, NEW_CONVERSATION, "newConversation"),
        new Entry(Group.CONVERSATIONS, FIRST.getDisplayText() + " \u2026 9", "number"),
        new Entry(Group.CONVERSATIONS, pair(PREVIOUS, NEXT), "previousNext"),
        new Entry(Group.CONVERSATIONS, pair(PREVIOUS_UNREAD, NEXT_UNREAD), "unread"),
        new Entry(Group.CONVERSATIONS, pair(CYCLE_NEXT, CYCLE_PREVIOUS), "cycle"),
        entry(Group.CONVERSATIONS, CLOSE_CONVERSATION, "close"),
        entry(Group.CONVERSATIONS, CLEAR_FILTER, "clearFilter"),
        entry(Group.WRITING, send, "send"),
        entry(Group.WRITING, newLine, "newLine"),
        entry(Group.WRITING, new KeyCodeCombination(KeyCode.UP), "recall"),
        entry(Group.APP, SETTINGS, "settings"),
        entry(Group.APP, SHORTCUT_SHEET, "sheet"),
        entry(Group.APP, QUIT, "quit"));
  }

  private static Entry entry(Group group, KeyCombination keys, String description) {
    return new Entry(group, keys.getDisplayText(), description);
  }

  private static String pair(KeyCombination first, KeyCombination second) {
    return first.getDisplayText() + " / " + second.getDisplayText();
  }

  private static KeyCombination shortcut(KeyCode code) {
    return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
  }
}
