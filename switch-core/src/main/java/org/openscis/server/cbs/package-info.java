/**
 * The switch's links to issuers' core banking systems: one pooled, signed HTTP client per issuer, the embedded CBS
 * simulator started in-process for issuers configured as {@code embedded}, the standalone simulator of
 * {@code openscis cbs-sim}, and the wallet notifications of cash withdrawn against cash-out tokens.
 */
package org.openscis.server.cbs;
