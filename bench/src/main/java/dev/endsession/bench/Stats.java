package dev.endsession.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Order statistics over a sample; medians and quartiles, never means (one slow outlier on a busy machine says nothing). */
final class Stats {

    private final List<Double> sorted;

    Stats(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        this.sorted = new ArrayList<>(values);
        Collections.sort(sorted);
    }

    /** @param q between 0 and 1 @return the q-quantile, linearly interpolated */
    double quantile(double q) {
        double position = q * (sorted.size() - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (position - low);
    }

    double median() {
        return quantile(0.5);
    }

    double p25() {
        return quantile(0.25);
    }

    double p75() {
        return quantile(0.75);
    }

    double min() {
        return sorted.get(0);
    }

    double max() {
        return sorted.get(sorted.size() - 1);
    }

    int count() {
        return sorted.size();
    }

    /** @return {@code median (p25–p75)} with one decimal */
    String summary() {
        return String.format("%.1f (%.1f–%.1f)", median(), p25(), p75());
    }

    /** @return the element-wise differences {@code a[i] - b[i]} of two paired samples */
    static List<Double> differences(List<Double> a, List<Double> b) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            out.add(a.get(i) - b.get(i));
        }
        return out;
    }
}
