package io.obconsole.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.obconsole.cluster.UnknownTenantException;
import io.obconsole.failure.FailureCatalogue;
import io.obconsole.web.PageFailures;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One failure path (issue 20, point 5): the failures {@link FailureCatalogue} describes are told
 * apart in the pages only by the catalogue, through {@link PageFailures}. A page that catches one of
 * them, or tests for one with {@code instanceof}, chooses a status and words of its own again.
 */
class PageFailurePathTest {

    private static JavaClasses classes;
    private static Set<JavaClass> described;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.obconsole");
        described = describedFailures(classes);
    }

    /** The console's exceptions the catalogue turns into failures: the ones it refers to. */
    private static Set<JavaClass> describedFailures(JavaClasses imported) {
        return imported.get(FailureCatalogue.class).getDirectDependenciesFromSelf().stream()
                .map(Dependency::getTargetClass)
                .filter(c -> c.getPackageName().startsWith("io.obconsole") && c.isAssignableTo(Throwable.class))
                .collect(Collectors.toSet());
    }

    @Test
    void theCatalogueDescribesTheServicesAndTheGatewaysFailures() {
        assertThat(described.stream().map(JavaClass::getSimpleName)).contains("UnknownTenantException",
                "ActionForbiddenException", "ClusterUnreachableException", "AuditUnavailableException",
                "UnknownPolicyException", "PreflightRefusedException", "InvalidRequestException");
    }

    @Test
    void pagesTellTheCataloguesFailuresApartOnlyThroughThePageFailureStep() {
        pagesOutsideTheStep().check(classes);
    }

    @Test
    void aPageThatCatchesADescribedFailureItselfBreaksTheRule() {
        JavaClasses page = new ClassFileImporter().importClasses(PageWithItsOwnCatch.class, PageWithItsOwnInstanceof.class);
        EvaluationResult result = noClasses().should(catchOrTestFor(described)).evaluate(page);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("catches")
                && d.contains("UnknownTenantException") && d.contains(PageWithItsOwnCatch.class.getSimpleName()));
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("tests for")
                && d.contains("UnknownTenantException") && d.contains(PageWithItsOwnInstanceof.class.getSimpleName()));
    }

    private static ArchRule pagesOutsideTheStep() {
        return noClasses().that().resideInAPackage("io.obconsole.web..")
                .and().doNotHaveFullyQualifiedName(PageFailures.class.getName())
                .should(catchOrTestFor(described));
    }

    private static ArchCondition<JavaClass> catchOrTestFor(Set<JavaClass> failures) {
        Set<String> names = failures.stream().map(JavaClass::getName).collect(Collectors.toSet());
        return new ArchCondition<>("catch or test with instanceof for a failure the catalogue describes") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaCodeUnit unit : item.getCodeUnits()) {
                    unit.getTryCatchBlocks().forEach(block -> block.getCaughtThrowables().stream()
                            .filter(t -> names.contains(t.getName()))
                            .forEach(t -> events.add(SimpleConditionEvent.satisfied(item, unit.getFullName()
                                    + " catches " + t.getName() + " in " + block.getSourceCodeLocation()))));
                    unit.getInstanceofChecks().stream().filter(check -> names.contains(check.getRawType().getName()))
                            .forEach(check -> events.add(SimpleConditionEvent.satisfied(item, unit.getFullName()
                                    + " tests for " + check.getRawType().getName() + " in "
                                    + check.getSourceCodeLocation())));
                }
            }
        };
    }

    /** What the rule is there to stop: a page choosing its own answer to an unknown tenant. */
    static class PageWithItsOwnCatch {
        String answer(Runnable call) {
            try {
                call.run();
                return "ok";
            } catch (UnknownTenantException e) {
                return "404";
            }
        }
    }

    static class PageWithItsOwnInstanceof {
        int status(RuntimeException e) {
            return e instanceof UnknownTenantException ? 404 : 400;
        }
    }
}
