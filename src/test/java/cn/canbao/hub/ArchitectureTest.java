package cn.canbao.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package layering of docs/architecture.md, held against the main code: each package may be used only by the
 * packages above it, and {@code embedded}, on top, by none. A class in a package the picture does not place fails
 * the test, so a new package is placed before it is written.
 */
@AnalyzeClasses(packages = "cn.canbao.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreLayered = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            // the Spring Boot application class, whose package is the root of the component scan
            .layer("application").definedBy("cn.canbao.hub")
            .layer("embedded").definedBy("cn.canbao.hub.embedded..")
            .layer("console").definedBy("cn.canbao.hub.console..")
            .layer("national").definedBy("cn.canbao.hub.national..")
            .layer("compare").definedBy("cn.canbao.hub.compare..")
            .layer("connector").definedBy("cn.canbao.hub.connector..")
            .layer("registry").definedBy("cn.canbao.hub.registry..")
            .layer("exchange").definedBy("cn.canbao.hub.exchange..")
            .layer("standard").definedBy("cn.canbao.hub.standard..")
            .layer("model").definedBy("cn.canbao.hub.model..")

            .whereLayer("application").mayNotBeAccessedByAnyLayer()
            .whereLayer("embedded").mayNotBeAccessedByAnyLayer()
            .whereLayer("console").mayOnlyBeAccessedByLayers("embedded")
            .whereLayer("national").mayOnlyBeAccessedByLayers("console", "embedded")
            .whereLayer("compare").mayOnlyBeAccessedByLayers("national", "console", "embedded")
            .whereLayer("connector").mayOnlyBeAccessedByLayers("compare", "national", "console", "embedded")
            .whereLayer("registry").mayOnlyBeAccessedByLayers("connector", "compare", "national", "console",
                    "embedded")
            .whereLayer("exchange").mayOnlyBeAccessedByLayers("registry", "connector", "compare", "national",
                    "console", "embedded")
            .whereLayer("standard").mayOnlyBeAccessedByLayers("exchange", "registry", "connector", "compare",
                    "national", "console", "embedded")
            .whereLayer("model").mayOnlyBeAccessedByLayers("standard", "exchange", "registry", "connector", "compare",
                    "national", "console", "embedded");

    /**
     * The national exchange reads what a comparison run completed from the database, not through {@code compare}'s
     * classes, and takes nothing from the intake: it stands beside them, not on them.
     */
    @ArchTest
    static final ArchRule nationalUsesNeitherCompareNorConnector = noClasses()
            .that().resideInAPackage("cn.canbao.hub.national..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.canbao.hub.compare..", "cn.canbao.hub.connector..");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("cn.canbao.hub.(*)..").should().beFreeOfCycles();

    /** Also covers classes in no layer, such as the application class itself. */
    @ArchTest
    static final ArchRule nothingDependsOnEmbedded = noClasses()
            .that().resideOutsideOfPackage("cn.canbao.hub.embedded..")
            .should().dependOnClassesThat().resideInAPackage("cn.canbao.hub.embedded..");
}
