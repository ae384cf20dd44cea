package dev.parley.app.newconversation;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.parley.app.FakeUiTimer;
import dev.parley.app.FxUiDispatcher;
import dev.parley.app.Snapshots;
import dev.parley.app.Theme;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.Person;
import dev.parley.app.session.SessionService;
import dev.parley.app.ui.ImageLoader;
import dev.parley.client.NetworkException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class NewConversationDialogTest {
  private final FakeSessionService fake =
      new FakeSessionService()
          .putPerson(person("alice", "Alice Martin"))
          .putPerson(person("albert", "Albert Kim"))
          .putPerson(person("bob", "Bob Chen"))
          .putPerson(person("dmitri", "Dmitri Volkov"))
          .putPerson(person("priya", "Priya Natarajan"));
  private final FakeUiTimer timer = new FakeUiTimer();
  private final AtomicReference<String> created = new AtomicReference<>();
  private boolean failCreate;
  private Stage owner;
  private Stage dialog;
  private NewConversationViewModel vm;

  static Person person(String id, String name) {
    return new Person(id, name, null, id + "@example.org", null, false);
  }

  /** The fake, except that creating fails while {@link #failCreate}. */
  private final SessionService session =
      (SessionService)
          Proxy.newProxyInstance(
              SessionService.class.getClassLoader(),
              new Class<?>[] {SessionService.class},
              (proxy, method, args) -> {
                if (failCreate && method.getName().equals("createConversation")) {
                  return CompletableFuture.failedFuture(new NetworkException("refused"));
                }
                try {
                  return method.invoke(fake, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    owner = stage;
    Scene scene = new Scene(new StackPane(), 600, 600);
    scene.getStylesheets().add(Theme.appStylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void lightAgain() {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
  }

  private void open(FxRobot robot) {
    FxUiDispatcher ui = new FxUiDispatcher();
    robot.interact(
        () -> {
          vm = new NewConversationViewModel(session, ui, timer);
          dialog =
              NewConversationDialog.show(
                  owner, vm, new ImageLoader(session, ui, Runnable::run, 1 << 20), created::set);
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @SuppressWarnings("unchecked")
  private ListView<Person> results() {
    return (ListView<Person>) dialog.getScene().lookup("#newConversationResults");
  }

  private void settle(FxRobot robot) {
    robot.interact(() -> timer.advance(Duration.ofMillis(300)));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void searchingAndPickingTwoPeopleCreatesANamedGroup(FxRobot robot) {
    open(robot);
    assertThat(results().getItems()).hasSize(5);
    robot.clickOn("#newConversationQuery").write("al");
    assertThat(vm.queryProperty().get()).isEqualTo("al");
    settle(robot);
    assertThat(results().getItems()).extracting(Person::id).containsExactly("albert", "alice");

    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    FlowPane chips = (FlowPane) dialog.getScene().lookup("#newConversationChips");
    assertThat(chips.getChildren()).hasSize(1);
    TextField groupName = (TextField) dialog.getScene().lookup("#newConversationGroupName");
    assertThat(groupName.isVisible()).isFalse();

    Node bob = robot.lookup(".person-cell").nth(1).query();
    robot.clickOn(bob);
    assertThat(vm.selectedPeople()).extracting(Person::id).containsExactly("albert", "bob");
    assertThat(groupName.isVisible()).isTrue();
    robot.clickOn(groupName).write("Lunch");
    assertThat(Snapshots.save(dialog.getScene().getRoot(), "new-conversation-light")).exists();

    robot.clickOn("#newConversationCreate");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(created.get()).isNotNull();
    assertThat(fake.conversation(created.get()).orElseThrow().title()).isEqualTo("Lunch");
    assertThat(dialog.isShowing()).isFalse();
  }

  @Test
  void backspaceInTheEmptySearchFieldRemovesTheLastChip(FxRobot robot) {
    open(robot);
    robot.interact(() -> vm.add(person("alice", "Alice Martin")));
    robot.interact(() -> vm.add(person("bob", "Bob Chen")));
    robot.type(KeyCode.BACK_SPACE);
    assertThat(vm.selectedPeople()).extracting(Person::id).containsExactly("alice");
  }

  @Test
  void aFailureIsShownInline(FxRobot robot) {
    failCreate = true;
    robot.interact(
        () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
    open(robot);
    robot.interact(() -> vm.add(person("priya", "Priya Natarajan")));
    robot.clickOn("#newConversationCreate");
    WaitForAsyncUtils.waitForFxEvents();
    Label error = (Label) dialog.getScene().lookup("#newConversationError");
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).startsWith("Cannot reach the server");
    assertThat(dialog.isShowing()).isTrue();
    assertThat(Snapshots.save(dialog.getScene().getRoot(), "new-conversation-error-dark")).exists();
  }

  @Test
  void escapeCancels(FxRobot robot) {
    open(robot);
    robot.clickOn("#newConversationQuery").write("bo");
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(dialog.isShowing()).isFalse();
    assertThat(created.get()).isNull();
    assertThat(timer.pending()).isZero();
  }
}
