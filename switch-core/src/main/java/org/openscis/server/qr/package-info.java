/**
 * Merchant-presented QR support of the switch: the embedded UnionPay QR host simulator ({@link
 * org.openscis.server.qr.FileQrHost}, URL-mode codes from a JSON file), the answered URL inquiries in the database
 * ({@link org.openscis.server.qr.JdbcUrlInquiries}) and the configured promotions ({@link
 * org.openscis.server.qr.ConfiguredPromotions}).
 */
package org.openscis.server.qr;
