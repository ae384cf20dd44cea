package dev.parley.app.shortcuts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.I18n;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ShortcutsTest {
  @Test
  void everyShortcutIsDescribedInEnglishAndGerman() {
    for (Locale locale : new Locale[] {Locale.ROOT, Locale.GERMAN}) {
      I18n text = I18n.of(ShortcutSheet.class, locale);
      for (Shortcuts.Entry entry : Shortcuts.all(false)) {
        assertThat(text.get("shortcut." + entry.description())).doesNotStartWith("!");
        assertThat(text.get("group." + entry.group().name())).doesNotStartWith("!");
        assertThat(entry.keys()).isNotBlank();
      }
    }
  }

  @Test
  void theSheetListsEachShortcutOnce() {
    assertThat(Shortcuts.all(false))
        .extracting(Shortcuts.Entry::keys)
        .doesNotHaveDuplicates()
        .hasSize(14);
    assertThat(Shortcuts.all(true)).extracting(Shortcuts.Entry::keys).doesNotHaveDuplicates();
  }

  @Test
  void theSendKeyFollowsTheSetting() {
    String enterSends = send(false);
    String ctrlEnterSends = send(true);
    assertThat(enterSends).isNotEqualTo(ctrlEnterSends);
    assertThat(ctrlEnterSends).endsWith(enterSends);
  }

  private static String send(boolean ctrlEnter) {
    return Shortcuts.all(ctrlEnter).stream()
        .filter(e -> e.description().equals("send"))
        .findFirst()
        .orElseThrow()
        .keys();
  }
}
