package io.visualinspection.tools.derive;

import java.util.Arrays;

/**
 * The one-to-one assignment of rows to columns with the least total cost (the Hungarian method with
 * potentials, O(n^2 m)): which object of an image goes to which cluster, each cluster taking at most one.
 */
final class Assignment {

    private Assignment() {
    }

    /** For each row the column assigned to it, or -1 when there are more rows than columns and it got none. */
    static int[] solve(double[][] cost) {
        int rows = cost.length;
        int cols = rows == 0 ? 0 : cost[0].length;
        if (rows == 0 || cols == 0) {
            int[] none = new int[rows];
            Arrays.fill(none, -1);
            return none;
        }
        if (rows > cols) {
            double[][] t = new double[cols][rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    t[j][i] = cost[i][j];
                }
            }
            int[] colOfRowT = solve(t);
            int[] result = new int[rows];
            Arrays.fill(result, -1);
            for (int j = 0; j < cols; j++) {
                result[colOfRowT[j]] = j;
            }
            return result;
        }
        // rows <= cols; 1-based as in the textbook formulation, index 0 is the virtual start.
        double[] u = new double[rows + 1];
        double[] v = new double[cols + 1];
        int[] rowOfCol = new int[cols + 1];
        int[] way = new int[cols + 1];
        for (int i = 1; i <= rows; i++) {
            rowOfCol[0] = i;
            int j0 = 0;
            double[] minv = new double[cols + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[cols + 1];
            do {
                used[j0] = true;
                int i0 = rowOfCol[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= cols; j++) {
                    if (!used[j]) {
                        double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= cols; j++) {
                    if (used[j]) {
                        u[rowOfCol[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOfCol[j0] != 0);
            do {
                int j1 = way[j0];
                rowOfCol[j0] = rowOfCol[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] colOfRow = new int[rows];
        Arrays.fill(colOfRow, -1);
        for (int j = 1; j <= cols; j++) {
            if (rowOfCol[j] != 0) {
                colOfRow[rowOfCol[j] - 1] = j - 1;
            }
        }
        return colOfRow;
    }
}
