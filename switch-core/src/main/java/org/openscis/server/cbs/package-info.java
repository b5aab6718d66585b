/**
 * The switch's links to issuers' core banking systems: one pooled, signed HTTP client per issuer, and the embedded
 * CBS simulator started in-process for issuers configured as {@code embedded}.
 */
package org.openscis.server.cbs;
