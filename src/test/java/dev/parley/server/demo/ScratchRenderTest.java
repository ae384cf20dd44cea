package dev.parley.server.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchRenderTest {
  @Test
  void render() throws Exception {
    Path dir = Path.of("/tmp/demo-pics");
    Files.createDirectories(dir);
    for (String kind : DemoPictures.KINDS) {
      Files.write(dir.resolve(kind + ".png"), DemoPictures.picture(kind, 7));
    }
    for (DemoPerson p : DemoCast.everyone()) {
      Files.write(dir.resolve("avatar-" + p.key() + ".png"), DemoAvatars.avatar(p));
    }
    java.util.List<DemoStep> steps = DemoScript.load(DemoScript.WORLD, java.time.LocalDate.now());
    System.out.println("steps " + steps.size() + " says " + steps.stream().filter(s -> s.kind() == DemoStep.Kind.SAY).count()
        + " bot " + steps.stream().filter(DemoStep::botAnswers).count() + " first " + steps.get(0).at() + " last " + steps.get(steps.size()-1).at());
  }
}
