package org.openscis.server.storage;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.TestAbortedException;

/**
 * Runs every test of a subclass once per {@link Backend}: one fresh database per class and backend, emptied
 * before each test.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StorageTestBase {

    @Parameter
    Backend backend;

    /** The database of the current backend; null if it is unavailable. */
    TestDb testDb;
    private String unavailable;

    @BeforeParameterizedClassInvocation
    void openDatabase(Backend backend) {
        testDb = null;
        unavailable = null;
        try {
            testDb = TestDatabases.open(backend);
        } catch (TestAbortedException e) {
            // Aborting here would hide the skipped tests from surefire's counts; each test aborts instead.
            unavailable = e.getMessage();
        }
    }

    @AfterParameterizedClassInvocation
    void closeDatabase() {
        if (testDb != null) {
            testDb.close();
            testDb = null;
        }
    }

    @BeforeEach
    void emptyTables() {
        Assumptions.assumeTrue(testDb != null, () -> unavailable);
        testDb.deleteAllRows();
    }

    Database db() {
        return testDb.db();
    }
}
