package io.obconsole.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's packages by feature, and the direction each may depend in (issue 20, point 4).
 * From the bottom: {@code cluster} (statements and the gateway), {@code window} (the recoverable
 * window, from what the cluster's views say), {@code access}, {@code urls};
 * then the read model and the trail ({@code fleet}, {@code audit}); the services ({@code backup},
 * {@code restore}, {@code policy}), and restore drills built on them ({@code drill}); what observes them ({@code progress}, {@code alert}); the
 * failure vocabulary; and on top what people and scripts call ({@code web}, {@code api}). The demo
 * cluster is a separate program and shares nothing with the console.
 */
class PackageLayeringTest {

    private static final String ROOT = "io.obconsole";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyPagesAndTheApiDependOnPagesAndTheApi() {
        noClasses().that().resideOutsideOfPackages(pkg("web"), pkg("api"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("web"), pkg("api")).check(classes);
    }

    @Test
    void theGatewayAndTheAccessRulesDependOnNoFeature() {
        noClasses().that().resideInAnyPackage(pkg("cluster"), pkg("window"), pkg("access"), pkg("urls"))
                .should().dependOnClassesThat().resideInAnyPackage(features("backup", "restore", "policy", "alert",
                        "progress", "fleet", "audit", "failure", "web", "api", "ops", "drill"))
                .check(classes);
    }

    @Test
    void servicesDoNotDependOnWhatObservesThem() {
        noClasses().that().resideInAnyPackage(pkg("backup"), pkg("restore"), pkg("policy"), pkg("fleet"), pkg("audit"),
                pkg("drill")).should().dependOnClassesThat().resideInAnyPackage(features("alert", "progress", "failure"))
                .check(classes);
    }

    @Test
    void restoreDrillsBuildOnTheServicesAndNoServiceOnThem() {
        noClasses().that().resideInAnyPackage(pkg("backup"), pkg("restore"), pkg("policy"), pkg("fleet"), pkg("audit"))
                .should().dependOnClassesThat().resideInAPackage(pkg("drill")).check(classes);
    }

    @Test
    void theConsoleAndTheDemoClusterShareNothing() {
        noClasses().that().resideOutsideOfPackage(pkg("demo")).should().dependOnClassesThat()
                .resideInAPackage(pkg("demo")).check(classes);
        noClasses().that().resideInAPackage(pkg("demo")).should().dependOnClassesThat()
                .resideOutsideOfPackages(pkg("demo"), "java..", "javax..", "jakarta..", "org..", "io.quarkus..",
                        "io.smallrye..", "io.vertx..", "io.netty..", "ch.vorburger..", "com..", "io.agroal..")
                .check(classes);
    }

    /**
     * Vert.x's and Netty's internals (issue 20, point 8) are reached from one adapter only, whose
     * reliance VertxAdapterTest pins; everything else keeps to their public API.
     */
    @Test
    void onlyTheProgressSocketsVertxAdapterReachesIntoVertxInternals() {
        noClasses().that().haveNameNotMatching(Pattern.quote(ROOT + ".progress.VertxAdapter") + "(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx.core.impl..", "io.vertx.core.http.impl..",
                        "io.vertx.core.net.impl..", "io.vertx.core.buffer.impl..", "io.netty..")
                .check(classes);
    }

    private static String pkg(String feature) {
        return ROOT + "." + feature + "..";
    }

    private static String[] features(String... names) {
        String[] packages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            packages[i] = pkg(names[i]);
        }
        return packages;
    }
}
