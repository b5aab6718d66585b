package org.openscis.bench.load;

import java.util.Map;

/**
 * The crypto-only ceiling: how many requests per second the switch's cryptography alone allows on this machine.
 *
 * @param threads            threads the loop ran on (the machine's available processors, as the switch has)
 * @param seconds            measured time (after a short warm-up)
 * @param requestsPerSecond  for the run's mix
 * @param perType            for each type of the mix alone
 * @param keys               the key types and JWE algorithms the loop used
 * @param recipes            for each type of the mix, the operations one request costs
 */
public record CeilingResult(int threads, double seconds, double requestsPerSecond, Map<LoadType, Double> perType,
        String keys, Map<LoadType, String> recipes) {

    public CeilingResult {
        perType = Map.copyOf(perType);
        recipes = Map.copyOf(recipes);
    }
}
