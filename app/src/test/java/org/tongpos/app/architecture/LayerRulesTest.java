package org.tongpos.app.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;

/** Keeps the layer rules of docs/architecture.md ("Rules the build enforces") true as the code grows. */
@AnalyzeClasses(packages = {"org.tongpos.app", "org.tongpos.sync", "org.tongpos.hardware"},
        importOptions = {ImportOption.DoNotIncludeTests.class, LayerRulesTest.DoNotIncludeTestJars.class})
class LayerRulesTest {

    /** The hardware module's test-jar (test counterparts on the app's test classpath) is test code too. */
    static final class DoNotIncludeTestJars implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TEST_JAR);
        }
    }

    @ArchTest
    static final ArchRule domainIsPure = noClasses().that().resideInAPackage("org.tongpos.app..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "javax.sql..", "okhttp3..",
                    "org.h2..", "org.flywaydb..", "..store..", "..ui..", "..service..", "picocli..")
            .because("the domain is plain Java: no UI, no database, no network");

    @ArchTest
    static final ArchRule servicesDoNotTouchTheUi = noClasses().that().resideInAPackage("org.tongpos.app..service..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "..ui..", "..cli..")
            .because("use cases serve both the window and the command line");

    @ArchTest
    static final ArchRule storesDoNotTouchTheUi = noClasses().that().resideInAPackage("org.tongpos.app..store..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "..ui..", "..cli..");

    @ArchTest
    static final ArchRule librariesNeverDependOnTheApp = noClasses()
            .that().resideInAnyPackage("org.tongpos.sync..", "org.tongpos.hardware..")
            .should().dependOnClassesThat().resideInAPackage("org.tongpos.app..")
            .because("app → hardware and app → sync, never the other way");

    @ArchTest
    static final ArchRule librariesHaveNoJavaFx = noClasses()
            .that().resideInAnyPackage("org.tongpos.sync..", "org.tongpos.hardware..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule hardwareHasNoDatabase = noClasses().that().resideInAPackage("org.tongpos.hardware..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("org.tongpos.app.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule screensDoNotTouchTheDatabase = noClasses().that().resideInAPackage("org.tongpos.app..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tongpos.app..store..", "org.tongpos.app.storage..",
                    "java.sql..", "javax.sql..")
            .because("screens go through services, which keep the rules (settings: SettingsService)");

    @ArchTest
    static final ArchRule commandLineDoesNotUseScreens = noClasses().that().resideInAPackage("org.tongpos.app.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tongpos.app..ui..", "org.tongpos.app.shell..",
                    "javafx..")
            .because("the CLI runs without a display; texts both share live in services (BankTexts, "
                    + "DeviceReasonText); Main hands the CLI the GUI launcher");

    /** A transaction a service opens through a store's helper and hands on to the stores that join it. */
    private static final DescribedPredicate<JavaClass> TRANSACTION_HANDLE = equivalentTo(Connection.class)
            .or(assignableTo(SQLException.class)).as("a transaction handle (Connection, SQLException)");

    @ArchTest
    static final ArchRule sqlOnlyInStores = noClasses().that().resideInAPackage("org.tongpos.app..")
            .and().resideOutsideOfPackages("org.tongpos.app..store..", "org.tongpos.app.storage..")
            .and().doNotHaveFullyQualifiedName("org.tongpos.app.Terminal")
            .should().dependOnClassesThat(resideInAnyPackage("java.sql..", "javax.sql..")
                    .and(DescribedPredicate.not(TRANSACTION_HANDLE)))
            .because("only stores and storage see the database; the composition root hands them its DataSource "
                    + "(a service may pass on a transaction it was handed, see transactionsOnlyPassThrough)");

    @ArchTest
    static final ArchRule transactionsOnlyPassThrough = noClasses().that().resideInAPackage("org.tongpos.app..")
            .and().resideOutsideOfPackages("org.tongpos.app..store..", "org.tongpos.app.storage..")
            .should().callMethodWhere(target(owner(assignableTo(Connection.class))))
            .because("a service hands a transaction to stores; only stores and storage open, commit or roll back");

    @ArchTest
    static final ArchRule noStandardStreamsOutsideTheCommandLine = noClasses()
            .that().resideOutsideOfPackage("org.tongpos.app.cli..")
            .should(ACCESS_STANDARD_STREAMS)
            .because("logs go through SLF4J; only the CLI prints (and never printStackTrace)");
}
