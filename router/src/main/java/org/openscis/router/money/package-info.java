/**
 * The machinery every money movement shares (decisions.md §5): {@link org.openscis.router.money.MovementChecks}
 * (the checks before any debit or credit, in one fixed order), {@link org.openscis.router.money.MoneyMovement}
 * (durable record before the CBS call, exactly-once answer from the record), {@link
 * org.openscis.router.money.CutOffWindow}, {@link org.openscis.router.money.RecordedCheck} (a cap concurrent
 * movements share, checked again once the movement is recorded) and {@link
 * org.openscis.router.money.TrxResultNotifications} / {@link org.openscis.router.money.AcquirerReturnNotifications}
 * (the TRX_RESULT_NOTIFICATION of a final state, also for the background resolver). Business outcomes are values;
 * only a bug or an unavailable dependency surfaces as an exception. Nothing here logs card data in clear.
 */
package org.openscis.router.money;
