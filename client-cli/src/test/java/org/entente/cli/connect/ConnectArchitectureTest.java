package org.entente.cli.connect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The networked client knows the scenario only from what the server sends (the Briefing): it
 * loads no scenario of its own and never reaches into the server. The client module cannot
 * see the server at all (Maven); this guards the terminal side.
 */
class ConnectArchitectureTest {
  private static final JavaClasses CLIENT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.entente.cli.connect", "org.entente.client");

  @Test
  void theNetworkedClientLoadsNoScenarioOfItsOwn() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.entente.scenarios..", "org.entente.server..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.entente.engine.model.Scenario")
        .check(CLIENT);
  }
}
