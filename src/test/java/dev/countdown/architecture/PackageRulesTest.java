package dev.countdown.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core knows no chat platform and no web layer; adapters depend on the core, never the reverse. */
class PackageRulesTest {

    static {
        // the rules name outside packages only by name; reading the JDK and every library from the
        // class path as well would triple the time of this test for nothing
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    }

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.countdown");

    @Test
    void theCoreKnowsNoPlatformNorAdapter() {
        noClasses().that().resideInAnyPackage("dev.countdown.release..", "dev.countdown.template..",
                        "dev.countdown.manifest..", "dev.countdown.evidence..", "dev.countdown.source..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.countdown.slack..", "dev.countdown.discord..",
                        "dev.countdown.web..", "dev.countdown.chat..", "com.slack..", "net.dv8tion..")
                .check(CLASSES);
    }

    @Test
    void chatViewsAreNeutralToo() {
        noClasses().that().resideInAPackage("dev.countdown.chat..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.countdown.slack..", "dev.countdown.discord..",
                        "com.slack..", "net.dv8tion..")
                .check(CLASSES);
    }

    @Test
    void thePlatformAdaptersKnowNothingOfEachOther() {
        noClasses().that().resideInAPackage("dev.countdown.discord..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.countdown.slack..", "com.slack..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.countdown.slack..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.countdown.discord..", "net.dv8tion..")
                .check(CLASSES);
    }

    @Test
    void evidenceCanBeVerifiedWithoutTheRest() {
        noClasses().that().resideInAPackage("dev.countdown.evidence..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.countdown.release..", "dev.countdown.manifest..",
                        "dev.countdown.template..")
                .check(CLASSES);
    }

    @Test
    void noFeatureDependsOnItselfThroughAnother() {
        // a cycle makes two packages one: neither can be read, tested or moved without the other
        slices().matching("dev.countdown.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theSharedJsonMapperDependsOnNoFeature() {
        // every package may use dev.countdown.json only while it uses none of them
        classes().that().resideInAPackage("dev.countdown.json..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.countdown.json..", "java..",
                        "com.fasterxml.jackson..")
                .check(CLASSES);
    }
}
