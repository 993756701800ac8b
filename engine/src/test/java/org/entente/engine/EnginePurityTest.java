package org.entente.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.google.common.collect.ImmutableSet;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine is pure: the next state follows from (scenario, state, orders, seed) alone. Maven
 * keeps Netty and protobuf off its classpath; these rules keep out the clock, I/O, threads and
 * unseeded randomness, and JDK collections whose iteration order changes from one run to the next.
 */
class EnginePurityTest {
  private static final JavaClasses ENGINE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.entente.engine");

  @Test
  void engineReadsNoClock() {
    noClasses()
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.time.Clock")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(java.time.LocalDate.class, "now")
        .check(ENGINE);
  }

  @Test
  void engineDoesNoIo() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.io..", "java.nio.file..", "java.nio.channels..", "java.net..")
        .check(ENGINE);
  }

  @Test
  void engineStartsNoThreadsAndUsesNoUnseededRandomness() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.lang.Thread")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("java.util.concurrent..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.Random")
        .orShould()
        .callMethod(Math.class, "random")
        .check(ENGINE);
  }

  /**
   * {@code Map.of}, {@code Set.of} and their {@code copyOf}/{@code ofEntries} cousins iterate in
   * an order salted per JVM run, so a state or report built from them could differ between two
   * runs of the same game. Guava's immutable collections keep insertion order.
   */
  @Test
  void engineUsesNoJdkCollectionsWithUnstableIterationOrder() {
    noClasses().should().callMethodWhere(UNSTABLE_ORDER_FACTORY).check(ENGINE);
  }

  private static final ImmutableSet<String> UNSTABLE_ORDER_FACTORIES =
      ImmutableSet.of(
          "java.util.Map.of",
          "java.util.Map.copyOf",
          "java.util.Map.ofEntries",
          "java.util.Set.of",
          "java.util.Set.copyOf");

  private static final DescribedPredicate<JavaMethodCall> UNSTABLE_ORDER_FACTORY =
      DescribedPredicate.describe(
          "Map.of, Map.copyOf, Map.ofEntries, Set.of or Set.copyOf",
          call ->
              UNSTABLE_ORDER_FACTORIES.contains(
                  call.getTargetOwner().getFullName() + "." + call.getName()));
}
