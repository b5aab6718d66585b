/**
 * JOSE for SCIS with nimbus-jose-jwt: detached {@code UPI-JWS} signatures, JWE fields, key reading and the choice
 * of JCA provider. Parsing and verifying never throw for bad input; they return failure values.
 */
package org.openscis.codec.jose;
