/** Test support shared by every module through the codec test-jar: the leak-failing extension. */
package org.openscis.testing;
