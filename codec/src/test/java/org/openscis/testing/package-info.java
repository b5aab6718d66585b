/** Test support shared by every module through the codec test-jar: the leak-failing extension, {@link org.openscis.testing.Race}. */
package org.openscis.testing;
