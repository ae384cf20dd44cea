package dev.parley.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.session.SessionService;
import dev.parley.client.AuthenticationException;
import dev.parley.client.RateLimitedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class WelcomeViewModelTest {
  private final FakeSignInService signIn = new FakeSignInService();
  private final List<SessionService> signedIn = new ArrayList<>();
  private final WelcomeViewModel vm = new WelcomeViewModel(signIn, signedIn::add);

  @Test
  void connectingNeedsAServerAValidEmailAndAPassword() {
    vm.chooseConnect();
    assertThat(vm.canSubmitProperty().get()).isFalse();
    vm.serverProperty().set("chat.example.org");
    vm.emailProperty().set("ann@example");
    vm.passwordProperty().set("secret");
    assertThat(vm.canSubmitProperty().get()).isTrue();
    vm.emailProperty().set("not an email");
    assertThat(vm.canSubmitProperty().get()).isFalse();
    vm.submit();
    assertThat(vm.errorProperty().get()).isEqualTo("Enter a valid email address.");
    assertThat(signIn.calls).isEmpty();
  }

  @Test
  void connectAddsHttpsAndSignsInWithTheForm() {
    vm.chooseConnect();
    vm.serverProperty().set("chat.example.org/");
    vm.emailProperty().set(" ann@example.org ");
    vm.passwordProperty().set("secret");
    vm.submit();
    assertThat(signIn.calls)
        .containsExactly("connect https://chat.example.org ann@example.org secret");
    assertThat(vm.busyProperty().get()).isTrue();
    signIn.succeed();
    assertThat(signedIn).hasSize(1);
    assertThat(vm.busyProperty().get()).isFalse();
    assertThat(vm.passwordProperty().get()).as("the password is not kept").isEmpty();
  }

  @Test
  void aVerificationCodeIsAskedWhenTheServerWantsOne() {
    vm.chooseConnect();
    vm.serverProperty().set("http://127.0.0.1:8080");
    vm.emailProperty().set("ann@example.org");
    vm.passwordProperty().set("secret");
    vm.submit();
    CompletableFuture<String> code = signIn.lastCodePrompt.get();
    assertThat(vm.stepProperty().get()).isEqualTo(WelcomeViewModel.Step.CODE);
    vm.codeProperty().set("12345");
    assertThat(vm.canSubmitProperty().get()).isFalse();
    vm.codeProperty().set("123456");
    vm.submit();
    assertThat(code).isCompletedWithValue("123456");
  }

  @Test
  void wrongPasswordsAndRateLimitsAreShownInline() {
    vm.chooseConnect();
    vm.serverProperty().set("http://127.0.0.1:8080");
    vm.emailProperty().set("ann@example.org");
    vm.passwordProperty().set("wrong");
    vm.submit();
    signIn.next.completeExceptionally(new AuthenticationException("wrong password"));
    assertThat(vm.errorProperty().get()).isEqualTo("Wrong email, password or code.");
    assertThat(signedIn).isEmpty();

    signIn.next = new CompletableFuture<>();
    vm.passwordProperty().set("again");
    vm.submit();
    signIn.next.completeExceptionally(
        new RateLimitedException("slow down", Duration.ofSeconds(30)));
    assertThat(vm.errorProperty().get()).isEqualTo("Too many attempts. Try again in 30 s.");
  }

  @Test
  void startingLocallyNeedsANameAndAPasswordOfEightCharacters() {
    vm.chooseLocal();
    vm.nameProperty().set("Ann");
    vm.emailProperty().set("ann@example.org");
    vm.passwordProperty().set("short");
    assertThat(vm.canSubmitProperty().get()).isFalse();
    vm.submit();
    assertThat(vm.errorProperty().get()).isEqualTo("The password needs at least 8 characters.");
    vm.passwordProperty().set("long enough");
    vm.submit();
    assertThat(signIn.calls).containsExactly("local Ann ann@example.org");
  }

  @Test
  void backCancelsAPendingCodeRequest() {
    vm.chooseConnect();
    vm.serverProperty().set("http://127.0.0.1:8080");
    vm.emailProperty().set("ann@example.org");
    vm.passwordProperty().set("secret");
    vm.submit();
    CompletableFuture<String> code = signIn.lastCodePrompt.get();
    vm.back();
    assertThat(code).isCompletedWithValue(null);
    assertThat(vm.stepProperty().get()).isEqualTo(WelcomeViewModel.Step.CHOOSE);
  }
}
