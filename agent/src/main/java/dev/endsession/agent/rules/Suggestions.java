package dev.endsession.agent.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What to suggest for a name a rule got wrong: the candidates ranked by closeness to the typo (edit
 * distance, ignoring case and a {@code get}/{@code is}/{@code has} prefix), the class's own members
 * before inherited ones, and "did you mean" only for one close enough to be the one meant. A
 * {@code JFrame} subclass's own {@code isDirty} comes first, not after its 253 inherited members.
 */
final class Suggestions {

    private static final int LISTED = 8;
    private static final String[] PREFIXES = {"get", "is", "has"};

    private Suggestions() {
    }

    /**
     * @param wanted the name the rule gave
     * @param candidates what the class has that would fit there
     * @return e.g. {@code "did you mean isDirty()? It also has: save(), getTitle()"} or {@code "it has: save()"}
     */
    static String of(String wanted, List<Shape.Member> candidates) {
        List<Shape.Member> ranked = rank(wanted, candidates);
        if (ranked.isEmpty()) {
            return "it has none";
        }
        Shape.Member best = closest(wanted, ranked);
        List<String> shown = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Shape.Member m : ranked) {
            names.add(m.shown());
        }
        if (best != null) {
            names.remove(best.shown());
        }
        for (String name : names) {
            if (shown.size() == LISTED) {
                break;
            }
            shown.add(name);
        }
        String more = names.size() > LISTED ? ", ... (" + (names.size() + (best == null ? 0 : 1)) + " in all)" : "";
        String list = String.join(", ", shown) + more;
        if (best == null) {
            return "it has: " + list;
        }
        return "did you mean " + best.shown() + "?" + (shown.isEmpty() ? "" : " It also has: " + list);
    }

    /** @return the candidates, the class's own first, then each level up; within a level the closest first */
    static List<Shape.Member> rank(String wanted, List<Shape.Member> candidates) {
        List<Shape.Member> ranked = new ArrayList<>();
        for (Shape.Member m : candidates) {
            if (!m.name().contains("$")) {
                ranked.add(m);
            }
        }
        ranked.sort(Comparator.comparingInt(Shape.Member::depth).thenComparingInt((Shape.Member m) -> distance(wanted, m.name()))
                .thenComparing(Shape.Member::name));
        return ranked;
    }

    /** @return the one to ask "did you mean" about: close enough, the least deep, then the closest; or null */
    private static Shape.Member closest(String wanted, List<Shape.Member> ranked) {
        int limit = Math.max(1, (wanted.length() + 1) / 3); // short names are close to too much
        Shape.Member best = null;
        for (Shape.Member m : ranked) {
            int d = distance(wanted, m.name());
            if (d <= limit && (best == null || m.depth() < best.depth()
                    || (m.depth() == best.depth() && d < distance(wanted, best.name())))) {
                best = m;
            }
        }
        return best;
    }

    /**
     * @return how far apart two names are: the edit distance (a swap of neighbours counts one) of
     *     their lower-case forms, plus one for any difference of case, or one more than that of the
     *     names without a {@code get}/{@code is}/{@code has} prefix when that is closer
     *     ({@code filename} is 1 from {@code getFileName})
     */
    static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int plain = edits(x, y) + (edits(a, b) > edits(x, y) ? 1 : 0); // a difference of case counts, once
        int bare = edits(bare(x), bare(y)) + 1;
        return Math.min(plain, bare);
    }

    private static String bare(String lower) {
        for (String prefix : PREFIXES) {
            if (lower.length() > prefix.length() && lower.startsWith(prefix)) {
                return lower.substring(prefix.length());
            }
        }
        return lower;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
