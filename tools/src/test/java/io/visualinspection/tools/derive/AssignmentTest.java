package io.visualinspection.tools.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    @Test
    void knownAnswers() {
        assertThat(Assignment.solve(new double[][] {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}})).containsExactly(1, 0, 2);
        // More columns than rows: the cheapest columns are taken.
        assertThat(Assignment.solve(new double[][] {{9, 1, 9}})).containsExactly(1);
        // More rows than columns: the row left over gets -1.
        assertThat(Assignment.solve(new double[][] {{1}, {0}, {5}})).containsExactly(-1, 0, -1);
        assertThat(Assignment.solve(new double[0][0])).isEmpty();
    }

    @Test
    void findsTheLeastTotalCostAsBruteForceDoes() {
        Random random = new Random(11);
        for (int t = 0; t < 300; t++) {
            int rows = 1 + random.nextInt(5);
            int cols = 1 + random.nextInt(5);
            double[][] cost = new double[rows][cols];
            for (double[] row : cost) {
                for (int j = 0; j < cols; j++) {
                    row[j] = random.nextInt(4) == 0 ? 0 : random.nextDouble();
                }
            }
            int[] assignment = Assignment.solve(cost);
            boolean[] used = new boolean[cols];
            double total = 0;
            int assigned = 0;
            for (int i = 0; i < rows; i++) {
                if (assignment[i] >= 0) {
                    assertThat(used[assignment[i]]).as("column taken twice").isFalse();
                    used[assignment[i]] = true;
                    total += cost[i][assignment[i]];
                    assigned++;
                }
            }
            assertThat(assigned).isEqualTo(Math.min(rows, cols));
            assertThat(total).as(Arrays.deepToString(cost))
                    .isCloseTo(best(cost, 0, new boolean[cols], Math.min(rows, cols)), within(1e-9));
        }
    }

    /** The least cost of assigning {@code left} more rows from {@code row} on, by trying everything. */
    private static double best(double[][] cost, int row, boolean[] used, int left) {
        if (left == 0) {
            return 0;
        }
        if (cost.length - row < left) {
            return Double.POSITIVE_INFINITY;
        }
        double result = best(cost, row + 1, used, left); // this row unassigned
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                result = Math.min(result, cost[row][j] + best(cost, row + 1, used, left - 1));
                used[j] = false;
            }
        }
        return result;
    }
}
