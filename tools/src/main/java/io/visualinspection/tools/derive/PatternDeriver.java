package io.visualinspection.tools.derive;

import io.visualinspection.model.Box;
import io.visualinspection.model.labels.LabelledObject;
import io.visualinspection.model.pattern.Pattern;
import io.visualinspection.model.pattern.PatternItem;
import io.visualinspection.model.pattern.PatternVariant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Derives a pattern variant from the objects observed on reference images.
 *
 * <p>Per class: the number of items k is the most objects of that class on one image (or given). The box
 * centres of all objects of the class are clustered with k-means++ (fixed seed, so a run is reproducible);
 * then, because a pattern matches one-to-one, the objects of each image are assigned to the clusters
 * one-to-one (least total squared distance to the centres) and the centres recomputed, until the assignment
 * no longer changes. Each cluster becomes an item whose bounds contain every box assigned to it:
 * {@code outer.x0 <= min x0}, {@code inner.x0 >= max x0}, {@code inner.x1 <= min x1},
 * {@code outer.x1 >= max x1} (and so for y), each edge's range widened on both sides by
 * {@code max(std-factor * standard deviation of that edge, min-margin)}, rounded outwards to the 6 decimals
 * of the pattern file and clipped to 0..1. The inner bound may come out inverted (x0 > x1), which the
 * pattern format allows. Items are ordered by class, then left to right (then top to bottom).
 */
public final class PatternDeriver {

    private static final int MAX_ROUNDS = 100;
    private static final double DECIMALS = 1e6;

    private PatternDeriver() {
    }

    /** The objects seen on one reference image by one source ("labels" or "predictions"). */
    public record Sample(String image, String source, List<LabelledObject> objects) {

        public Sample {
            objects = List.copyOf(objects);
        }
    }

    /**
     * How to derive.
     *
     * @param classes the classes that become items; empty for every class observed
     * @param clusters the number of items per class where it is not the most objects on one image
     */
    public record Settings(double stdFactor, Map<Integer, Double> classStdFactors, double minMargin,
            Map<Integer, Integer> clusters, Set<Integer> classes, long seed) {

        public Settings {
            classStdFactors = Map.copyOf(classStdFactors);
            clusters = Map.copyOf(clusters);
            classes = Set.copyOf(classes);
        }

        public double stdFactorOf(int classId) {
            return classStdFactors.getOrDefault(classId, stdFactor);
        }
    }

    /** One item: the boxes it was derived from, the standard deviation of their edges, and the bounds. */
    public record Cluster(int classId, List<Box> members, double[] edgeStd, double[] widening, Box inner,
            Box outer) {

        public double centerX() {
            return members.stream().mapToDouble(Box::centerX).average().orElse(0);
        }

        public double centerY() {
            return members.stream().mapToDouble(Box::centerY).average().orElse(0);
        }
    }

    public record Derivation(Pattern pattern, List<Cluster> clusters, List<String> notes) {
    }

    public static Derivation derive(String key, String variantName, boolean strict, List<Sample> samples,
            Settings settings) {
        Set<Integer> classes = new TreeSet<>();
        samples.forEach(s -> s.objects().forEach(o -> classes.add(o.classId())));
        if (!settings.classes().isEmpty()) {
            classes.retainAll(settings.classes());
        }
        List<Cluster> clusters = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int classId : classes) {
            clusters.addAll(deriveClass(classId, samples, settings, notes));
        }
        clusters.sort(Comparator.comparingInt(Cluster::classId).thenComparingDouble(Cluster::centerX)
                .thenComparingDouble(Cluster::centerY));
        if (clusters.isEmpty()) {
            throw new IllegalArgumentException("no objects" + (settings.classes().isEmpty() ? ""
                    : " of the classes " + settings.classes()) + " to derive a pattern from");
        }
        List<PatternItem> items = clusters.stream().map(c -> new PatternItem(c.classId(), c.inner(), c.outer()))
                .toList();
        return new Derivation(new Pattern(key, List.of(new PatternVariant(variantName, items)), strict), clusters,
                notes);
    }

    private static List<Cluster> deriveClass(int classId, List<Sample> samples, Settings settings,
            List<String> notes) {
        List<List<Box>> perSample = samples.stream()
                .map(s -> s.objects().stream().filter(o -> o.classId() == classId).map(LabelledObject::box).toList())
                .filter(l -> !l.isEmpty())
                .toList();
        int most = perSample.stream().mapToInt(List::size).max().orElse(0);
        int total = perSample.stream().mapToInt(List::size).sum();
        int k = settings.clusters().getOrDefault(classId, most);
        if (k < 1) {
            return List.of();
        }
        if (k > total) {
            throw new IllegalArgumentException("class " + classId + ": " + k + " items asked for, but only " + total
                    + " objects of that class were observed");
        }
        double[][] centres = initialCentres(classId, perSample, k, settings.seed(), notes);
        int[][] assignment = null;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int[][] next = assign(perSample, centres);
            if (assignment != null && Arrays.deepEquals(next, assignment)) {
                break;
            }
            assignment = next;
            centres = recentre(perSample, assignment, centres);
        }
        List<Cluster> clusters = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            List<Box> members = new ArrayList<>();
            for (int s = 0; s < perSample.size(); s++) {
                for (int o = 0; o < perSample.get(s).size(); o++) {
                    if (assignment[s][o] == c) {
                        members.add(perSample.get(s).get(o));
                    }
                }
            }
            if (members.isEmpty()) {
                notes.add("class " + classId + ": one of the " + k + " clusters got no object and was left out");
                continue;
            }
            clusters.add(bounds(classId, members, settings.stdFactorOf(classId), settings.minMargin()));
        }
        return clusters;
    }

    private static double[][] initialCentres(int classId, List<List<Box>> perSample, int k, long seed,
            List<String> notes) {
        List<DoublePoint> points = new ArrayList<>();
        perSample.forEach(l -> l.forEach(b -> points.add(new DoublePoint(new double[] {b.centerX(), b.centerY()}))));
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        try {
            List<CentroidCluster<DoublePoint>> found =
                    new KMeansPlusPlusClusterer<DoublePoint>(k, MAX_ROUNDS, new EuclideanDistance(), random)
                            .cluster(points);
            if (found.size() == k) {
                return found.stream().map(c -> c.getCenter().getPoint().clone()).toArray(double[][]::new);
            }
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            // Fewer distinct positions than clusters: start from the image with the most objects instead.
        }
        notes.add("class " + classId + ": k-means found fewer than " + k + " distinct positions; clusters start "
                + "from the image with the most objects");
        List<Box> fullest = perSample.stream().max(Comparator.comparingInt(List::size)).orElseThrow();
        double[][] centres = new double[k][];
        for (int c = 0; c < k; c++) {
            Box b = fullest.get(Math.min(c, fullest.size() - 1));
            centres[c] = new double[] {b.centerX(), b.centerY()};
        }
        return centres;
    }

    /** For each sample and object, its cluster (one-to-one within a sample), or -1. */
    private static int[][] assign(List<List<Box>> perSample, double[][] centres) {
        int[][] result = new int[perSample.size()][];
        for (int s = 0; s < perSample.size(); s++) {
            List<Box> boxes = perSample.get(s);
            double[][] cost = new double[boxes.size()][centres.length];
            for (int o = 0; o < boxes.size(); o++) {
                for (int c = 0; c < centres.length; c++) {
                    double dx = boxes.get(o).centerX() - centres[c][0];
                    double dy = boxes.get(o).centerY() - centres[c][1];
                    cost[o][c] = dx * dx + dy * dy;
                }
            }
            result[s] = Assignment.solve(cost);
        }
        return result;
    }

    private static double[][] recentre(List<List<Box>> perSample, int[][] assignment, double[][] previous) {
        int k = previous.length;
        double[][] sum = new double[k][2];
        int[] count = new int[k];
        for (int s = 0; s < perSample.size(); s++) {
            for (int o = 0; o < perSample.get(s).size(); o++) {
                int c = assignment[s][o];
                if (c >= 0) {
                    sum[c][0] += perSample.get(s).get(o).centerX();
                    sum[c][1] += perSample.get(s).get(o).centerY();
                    count[c]++;
                }
            }
        }
        double[][] centres = new double[k][];
        for (int c = 0; c < k; c++) {
            centres[c] = count[c] == 0 ? previous[c] : new double[] {sum[c][0] / count[c], sum[c][1] / count[c]};
        }
        return centres;
    }

    /** The item bounds that contain every member box, widened per edge. */
    static Cluster bounds(int classId, List<Box> members, double stdFactor, double minMargin) {
        List<ToDoubleFunction<Box>> edges = List.of(Box::x0, Box::y0, Box::x1, Box::y1);
        double[] min = new double[4];
        double[] max = new double[4];
        double[] std = new double[4];
        double[] widening = new double[4];
        for (int e = 0; e < 4; e++) {
            DescriptiveStatistics stats = new DescriptiveStatistics();
            for (Box b : members) {
                stats.addValue(edges.get(e).applyAsDouble(b));
            }
            min[e] = stats.getMin();
            max[e] = stats.getMax();
            std[e] = members.size() > 1 ? stats.getStandardDeviation() : 0;
            widening[e] = Math.max(stdFactor * std[e], minMargin);
        }
        // x0/y0 may move between outer (left/top) and inner; x1/y1 between inner and outer (right/bottom).
        Box outer = new Box(down(min[0] - widening[0]), down(min[1] - widening[1]),
                up(max[2] + widening[2]), up(max[3] + widening[3]));
        Box inner = new Box(up(max[0] + widening[0]), up(max[1] + widening[1]),
                down(min[2] - widening[2]), down(min[3] - widening[3]));
        return new Cluster(classId, List.copyOf(members), std, widening, inner, outer);
    }

    /** The largest 6-decimal number <= v, as the pattern file will hold it. */
    private static double down(double v) {
        double r = Math.floor(v * DECIMALS) / DECIMALS;
        return clip(r > v ? (Math.floor(v * DECIMALS) - 1) / DECIMALS : r);
    }

    /** The smallest 6-decimal number >= v, as the pattern file will hold it. */
    private static double up(double v) {
        double r = Math.ceil(v * DECIMALS) / DECIMALS;
        return clip(r < v ? (Math.ceil(v * DECIMALS) + 1) / DECIMALS : r);
    }

    private static double clip(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
