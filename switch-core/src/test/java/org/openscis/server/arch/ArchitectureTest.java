package org.openscis.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies flow one way: codec ← router / issuer-connector ← switch-core. Maven's module graph already forbids
 * the reverse direction between modules; these rules also keep the router free of network and storage code.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.openscis");
    }

    @Test
    void codecDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.openscis.codec..")
                .should().dependOnClassesThat().resideInAnyPackage("org.openscis.router..", "org.openscis.server..",
                        "org.openscis.connector..", "org.openscis.bench..")
                .check(classes);
    }

    @Test
    void codecDoesNoIo() {
        noClasses().that().resideInAPackage("org.openscis.codec..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.sql..", "io.netty.channel..",
                        "java.nio.file..")
                .check(classes);
    }

    @Test
    void routerIsPureBusinessLogic() {
        noClasses().that().resideInAPackage("org.openscis.router..")
                .should().dependOnClassesThat().resideInAnyPackage("org.openscis.server..", "org.openscis.connector..",
                        "io.netty..", "java.sql..", "org.jooq..", "com.zaxxer..", "java.net..")
                .check(classes);
    }

    @Test
    void issuerConnectorDoesNotKnowTheServerOrRouter() {
        noClasses().that().resideInAPackage("org.openscis.connector..")
                .should().dependOnClassesThat().resideInAnyPackage("org.openscis.server..", "org.openscis.router..")
                .allowEmptyShould(true) // the connector is built in the core-banking issue
                .check(classes);
    }
}
