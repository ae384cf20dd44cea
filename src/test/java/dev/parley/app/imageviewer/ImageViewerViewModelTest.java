package dev.parley.app.imageviewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.app.UiDispatcher;
import dev.parley.app.session.FakeSessionService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageViewerViewModelTest {
  private static final String URL = "http://127.0.0.1:1/media/abc/photo%20one.png?size=full";
  private final FakeSessionService session = new FakeSessionService();

  private ImageViewerViewModel viewModel(String url) {
    return new ImageViewerViewModel(session, UiDispatcher.currentThread(), Runnable::run, url);
  }

  @Test
  void savingWritesTheOriginalBytes(@TempDir Path dir) throws Exception {
    byte[] bytes = {1, 2, 3, 4, 5};
    session.putImage(URL, bytes);
    ImageViewerViewModel vm = viewModel(URL);
    Path target = dir.resolve("saved.png");

    vm.saveTo(target).join();

    assertThat(Files.readAllBytes(target)).containsExactly(bytes);
    assertThat(vm.statusProperty().get()).isEqualTo("Saved to saved.png");
    assertThat(vm.savingProperty().get()).isFalse();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aFailedSaveSaysWhy(@TempDir Path dir) {
    ImageViewerViewModel vm = viewModel(URL);

    assertThatThrownBy(() -> vm.saveTo(dir.resolve("x.png")).join()).isNotNull();

    assertThat(vm.statusProperty().get()).startsWith("Could not save: ");
    assertThat(vm.savingProperty().get()).isFalse();
    assertThat(Files.exists(dir.resolve("x.png"))).isFalse();
  }

  @Test
  void writingOffTheUiThreadUsesTheExecutor(@TempDir Path dir) {
    session.putImage(URL, new byte[] {9});
    java.util.List<Runnable> io = new java.util.ArrayList<>();
    ImageViewerViewModel vm =
        new ImageViewerViewModel(session, UiDispatcher.currentThread(), io::add, URL);

    var done = vm.saveTo(dir.resolve("later.png"));

    assertThat(done).isNotDone();
    assertThat(vm.savingProperty().get()).isTrue();
    io.forEach(Runnable::run);
    assertThat(done).isCompleted();
    assertThat(dir.resolve("later.png")).exists();
  }

  @Test
  void theSuggestedNameComesFromTheUrlAndIsSafe() {
    assertThat(viewModel(URL).suggestedFileName()).isEqualTo("photo_one.png");
    assertThat(viewModel("http://h/media/12345").suggestedFileName()).isEqualTo("12345.jpg");
    assertThat(viewModel("http://h/").suggestedFileName()).isEqualTo("image.jpg");
    assertThat(viewModel("http://h/..%2f..%2fetc%2fpasswd").suggestedFileName())
        .doesNotContain("/");
    assertThat(viewModel("not a url at all").suggestedFileName()).isEqualTo("image.jpg");
  }

  @Test
  void fitToWindowIsTheDefaultAndToggles() {
    ImageViewerViewModel vm = viewModel(URL);
    assertThat(vm.fitToWindowProperty().get()).isTrue();
    vm.toggleFit();
    assertThat(vm.fitToWindowProperty().get()).isFalse();
  }

  @Test
  void loadingStateFollowsTheView() {
    ImageViewerViewModel vm = viewModel(URL);
    assertThat(vm.loadingProperty().get()).isTrue();
    vm.imageFailed();
    assertThat(vm.loadingProperty().get()).isFalse();
    assertThat(vm.errorProperty().get()).isEqualTo("The image could not be loaded.");
  }
}
