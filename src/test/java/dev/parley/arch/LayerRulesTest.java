package dev.parley.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency lines of STYLE.md: {@code app -> client -> wire -> proto} and {@code server ->
 * wire -> proto}. Rules about packages that do not exist yet allow an empty set, so they hold the
 * line from the day the package appears.
 */
class LayerRulesTest {
  /** The one class of the app that may start an embedded server. */
  static final String EMBEDDED_SERVER_LAUNCHER = "dev.parley.app.LocalServerLauncher";

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // The predefined option only knows target/test-classes; builds may use another dir.
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("dev.parley");
  }

  private static void check(ArchRule rule) {
    rule.allowEmptyShould(true).check(classes);
  }

  @Test
  void wireClientAndServerDoNotUseJavaFx() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage("dev.parley.wire..", "dev.parley.client..", "dev.parley.server..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..")
            .because("the library and the server must run headless, without a toolkit"));
  }

  @Test
  void clientDoesNotUseServer() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.parley.client..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.parley.server..")
            .because("the client talks to any server through the wire protocol only"));
  }

  @Test
  void serverDoesNotUseClient() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.parley.server..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.parley.client..")
            .because("the server must serve hangups and any other client, not just ours"));
  }

  @Test
  void wireDependsOnNothingAboveIt() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.parley.wire..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.parley.client..", "dev.parley.server..", "dev.parley.app..")
            .because("wire is the shared codec layer below client and server"));
  }

  @Test
  void generatedProtoDependsOnNothingOfOurs() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.parley.proto..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.parley.wire..",
                "dev.parley.client..",
                "dev.parley.server..",
                "dev.parley.app..")
            .because("proto is the generated schema at the bottom of every layer"));
  }

  @Test
  void clientAndServerDoNotUseTheApp() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage("dev.parley.client..", "dev.parley.server..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.parley.app..")
            .because("dependencies point down: app -> client, never back"));
  }

  @Test
  void appSeesNeitherProtobufNorWireNorOkHttp() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.parley.app..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.parley.proto..", "dev.parley.wire..", "com.google.protobuf..", "okhttp3..")
            .because("the app uses only the client library's own immutable types"));
  }

  @Test
  void appReachesServerOnlyThroughTheEmbeddedServerLauncher() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.parley.app..")
            .and()
            .doNotHaveFullyQualifiedName(EMBEDDED_SERVER_LAUNCHER)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.parley.server..")
            .because("only the launcher of the local server may know the server exists"));
  }

  @Test
  void appDoesNotReachIntoClientInternals() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.parley.app..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.parley.client.internal..")
            .because("client.internal is the library's plumbing, not its API"));
  }

  @Test
  void viewModelsDoNotTouchTheSceneGraph() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.parley.app..")
            .and()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..")
            .because("ViewModels hold state and logic; only Views build nodes"));
  }
}
