package org.entente.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.entente.engine.model.OrderKind;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.report.ReportLine;
import org.entente.engine.report.Viewer;
import org.entente.engine.report.Visibility;
import org.junit.jupiter.api.Test;

/**
 * Layering that keeps the engine off the event loops: the network code (pipeline and
 * connection states, which run on event loops) never touches the rules, the engine, the debrief renderer or the
 * scenario loader; sessions reach them only through the SessionRules seam, and hold only the
 * engine's value types.
 */
class ArchitectureTest {
  private static final JavaClasses SERVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.entente.server");

  @Test
  void eventLoopCodeNeverCallsTheRules() {
    noClasses()
        .that()
        .resideInAnyPackage("org.entente.server.net..", "org.entente.server.connection..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.entente.engine..", "org.entente.scenarios..", "org.entente.debrief..")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("SessionRules")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("ScenarioCatalog")
        .check(SERVER);
  }

  /**
   * Sessions speak the engine's value types (orders, order checks, report lines and who may
   * see them, viewers); only the rules seam calls the engine or reads scenarios.
   */
  @Test
  void onlyTheRulesSeamKnowsTheEngine() {
    DescribedPredicate<JavaClass> engineValues =
        JavaClass.Predicates.belongToAnyOf(
            Order.class,
            OrderCheck.class,
            OrderCheck.Verdict.class,
            OrderKind.class,
            OrderKind.Group.class,
            ReportLine.class,
            ReportLine.Proposal.class,
            Visibility.class,
            Visibility.Scope.class,
            Viewer.class,
            Viewer.Kind.class,
            org.entente.engine.Phase.class);
    noClasses()
        .that()
        .resideOutsideOfPackage("org.entente.server.rules..")
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAnyPackage(
                    "org.entente.engine..", "org.entente.scenarios..", "org.entente.debrief..")
                .and(DescribedPredicate.not(engineValues))
                .and(
                    DescribedPredicate.not(
                        JavaClass.Predicates.resideInAPackage("org.entente.engine.text.."))))
        .because(
            "the engine's text policy is shared by every renderer; the rest of the engine goes through the rules seam")
        .check(SERVER);
  }

  @Test
  void sessionsDoNotKnowNetty() {
    noClasses()
        .that()
        .resideInAnyPackage("org.entente.server.session..", "org.entente.server.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.netty..")
        .check(SERVER);
  }

  @Test
  void onlyTheJournalTouchesFilesAndForcesThem() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.entente.server.journal..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.nio.channels.FileChannel")
        .check(SERVER);
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.entente.server.net..",
            "org.entente.server.connection..",
            "org.entente.server.session..")
        .should()
        .dependOnClassesThat()
        .haveSimpleName("Storage")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("FileStorage")
        .check(SERVER);
  }
}
