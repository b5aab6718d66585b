/**
 * System tests: the real switch on loopback sockets, with its embedded CBS simulator, driven by a client that knows
 * only the client profile. Each suite runs on H2 and on PostgreSQL: the issue-2 types ({@code SwitchSystem*IT}), the
 * issue-3 money and onboarding flows ({@code MoneySystem*IT}) and the CBS failure modes ({@code CbsFaultSystem*IT}).
 */
package org.openscis.server.system;
