package org.openscis.server.storage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

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

    /** The database of the current backend. */
    TestDb testDb;

    @BeforeParameterizedClassInvocation
    void openDatabase(Backend backend) {
        testDb = TestDatabases.open(backend);
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
        testDb.deleteAllRows();
    }

    Database db() {
        return testDb.db();
    }
}
