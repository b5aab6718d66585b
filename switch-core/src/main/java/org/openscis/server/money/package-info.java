/**
 * Background work on money movements: settling outcomes the CBS left unknown (inquiry, then reversal) and giving the
 * App Gateway the final answer on retry and by callback.
 */
package org.openscis.server.money;
