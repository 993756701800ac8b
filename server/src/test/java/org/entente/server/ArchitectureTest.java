package org.entente.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Layering that keeps the engine off the event loops: the network code (pipeline and
 * connection states, which run on event loops) never touches the rules, the engine, the
 * scenario loader or the debrief renderer; sessions reach them only through the SessionRules seam.
 */
class ArchitectureTest {
  private static final JavaClasses SERVER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.entente.server");

  @Test
  void eventLoopCodeNeverCallsTheRules() {
    noClasses().that().resideInAnyPackage("org.entente.server.net..", "org.entente.server.connection..")
        .should().dependOnClassesThat().resideInAnyPackage("org.entente.engine..", "org.entente.scenarios..", "org.entente.debrief..")
        .orShould().dependOnClassesThat().haveSimpleName("SessionRules")
        .orShould().dependOnClassesThat().haveSimpleName("ScenarioCatalog")
        .check(SERVER);
  }

  @Test
  void onlyTheRulesSeamKnowsTheEngine() {
    noClasses().that().resideOutsideOfPackage("org.entente.server.rules..")
        .should().dependOnClassesThat().resideInAnyPackage("org.entente.engine..", "org.entente.scenarios..", "org.entente.debrief..")
        .check(SERVER);
  }

  @Test
  void sessionsDoNotKnowNetty() {
    noClasses().that().resideInAnyPackage("org.entente.server.session..", "org.entente.server.rules..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netty..")
        .check(SERVER);
  }

  @Test
  void onlyTheJournalTouchesFilesAndForcesThem() {
    noClasses().that().resideOutsideOfPackage("org.entente.server.journal..")
        .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.FileChannel")
        .check(SERVER);
    noClasses().that().resideInAnyPackage("org.entente.server.net..", "org.entente.server.connection..", "org.entente.server.session..")
        .should().dependOnClassesThat().haveSimpleName("Storage")
        .orShould().dependOnClassesThat().haveSimpleName("FileStorage")
        .check(SERVER);
  }
}
