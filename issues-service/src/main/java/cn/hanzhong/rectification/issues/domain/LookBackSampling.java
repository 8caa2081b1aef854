package cn.hanzhong.rectification.issues.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * The draw of a look-back sample, specified so that anyone can repeat it:
 * <ol>
 *   <li>the population is the list of signed-off issues in code order, each with its stratum
 *       (empty when not stratified);</li>
 *   <li>the size is the count asked for, or ⌈percent × N / 100⌉, at most N;</li>
 *   <li>strata in the order of their keys get ⌊size × Nₛ / N⌋ each, and the rest one each in order of the
 *       largest remainders (ties: key order);</li>
 *   <li>one {@link java.util.Random} seeded with the recorded seed draws, stratum after stratum in key order,
 *       a partial Fisher–Yates shuffle of the stratum's members (i from 0: swap i with i + nextInt(Nₛ − i));
 *       the first kₛ are taken.</li>
 * </ol>
 */
public final class LookBackSampling {

    private LookBackSampling() {
    }

    /** How many of {@code population} a count or a percentage asks for. */
    public static int size(int population, Integer count, BigDecimal percent) {
        int n = count != null ? count
                : percent.multiply(BigDecimal.valueOf(population)).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValue();
        return Math.max(0, Math.min(population, n));
    }

    /** The indexes into the population drawn, in population order. */
    public static List<Integer> draw(List<String> strata, int size, long seed) {
        int total = strata.size();
        TreeMap<String, List<Integer>> byKey = new TreeMap<>();
        for (int i = 0; i < total; i++) {
            byKey.computeIfAbsent(strata.get(i), k -> new ArrayList<>()).add(i);
        }
        List<String> keys = new ArrayList<>(byKey.keySet());
        int[] quota = new int[keys.size()];
        double[] remainder = new double[keys.size()];
        int given = 0;
        for (int s = 0; s < keys.size(); s++) {
            double exact = total == 0 ? 0 : (double) size * byKey.get(keys.get(s)).size() / total;
            quota[s] = (int) Math.floor(exact);
            remainder[s] = exact - quota[s];
            given += quota[s];
        }
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < keys.size(); s++) {
            order.add(s);
        }
        order.sort(Comparator.<Integer>comparingDouble(s -> -remainder[s]).thenComparing(s -> s));
        for (int k = 0; given < size && k < order.size(); k++, given++) {
            quota[order.get(k)]++;
        }
        Random random = new Random(seed);
        List<Integer> drawn = new ArrayList<>();
        for (int s = 0; s < keys.size(); s++) {
            List<Integer> members = new ArrayList<>(byKey.get(keys.get(s)));
            for (int i = 0; i < quota[s]; i++) {
                Collections.swap(members, i, i + random.nextInt(members.size() - i));
            }
            drawn.addAll(members.subList(0, quota[s]));
        }
        Collections.sort(drawn);
        return drawn;
    }
}
