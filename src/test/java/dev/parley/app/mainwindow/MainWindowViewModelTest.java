package dev.parley.app.mainwindow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.ListSnapshot;
import dev.parley.app.session.Person;
import dev.parley.app.session.StartingSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;

class MainWindowViewModelTest {
  private final SimpleIntegerProperty unread = new SimpleIntegerProperty(0);

  @Test
  void theTitleCarriesTheUnreadTotal() {
    Locale saved = Locale.getDefault();
    Locale.setDefault(Locale.ENGLISH);
    try {
      MainWindowViewModel vm = new MainWindowViewModel(new FakeSessionService(), unread, () -> {});
      assertThat(vm.titleProperty().get()).isEqualTo("Parley");
      unread.set(3);
      assertThat(vm.titleProperty().get()).contains("3").contains("Parley");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void theAccountBarFollowsTheServerOnceTheSessionStartedFromTheSavedListIsReady() {
    Person before = new Person("me", "Sam Old", null, "", null, true);
    StartingSession starting =
        new StartingSession(new ListSnapshot("k", before, "http://old", List.of()), () -> {});
    MainWindowViewModel vm = new MainWindowViewModel(starting, unread, () -> {});
    assertThat(vm.selfProperty().get().fullName()).isEqualTo("Sam Old");
    assertThat(vm.serverUrlProperty().get()).isEqualTo("http://old");

    starting.ready(new FakeSessionService());

    assertThat(vm.selfProperty().get()).isEqualTo(FakeSessionService.SELF);
    assertThat(vm.serverUrlProperty().get()).isEqualTo(new FakeSessionService().serverUrl());
  }

  @Test
  void signingOutIsHandedOnAndDisposingStopsListening() {
    List<String> calls = new ArrayList<>();
    FakeSessionService session = new FakeSessionService();
    MainWindowViewModel vm = new MainWindowViewModel(session, unread, () -> calls.add("out"));
    vm.signOut();
    assertThat(calls).containsExactly("out");
    vm.dispose();
    assertThat(session.listenerCount()).isZero();
  }
}
