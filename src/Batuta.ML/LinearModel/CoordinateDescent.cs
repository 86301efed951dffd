using Batuta.ML.Internal;
using Batuta.ML.Randomness;

namespace Batuta.ML.LinearModel;

/// <summary>
/// scikit-learn's <c>enet_coordinate_descent</c> for dense, Fortran-ordered X: minimises
/// ½‖y - Xw‖² + α‖w‖₁ + β/2‖w‖², stopping on the duality gap (tol scaled by yᵀy) once the largest
/// coordinate update falls below tol relative to the largest coefficient.
/// </summary>
internal static class CoordinateDescent
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static (double Gap, int Iterations) Run(double[] w, double alpha, double beta, double[] x, int n, int p, double[] y,
        int maxIter, double tol, RandomState rng, bool random, bool positive)
    {
        var norms = new double[p];
        for (int j = 0; j < p; j++)
        {
            var col = new ReadOnlySpan<double>(x, j * n, n);
            var sq = new double[n];
            for (int i = 0; i < n; i++) sq[i] = col[i] * col[i];
            norms[j] = NumpySum.Sum(sq);
        }
        var r = (double[])y.Clone();
        for (int j = 0; j < p; j++)
            if (w[j] != 0) Blas.Axpy(-w[j], new ReadOnlySpan<double>(x, j * n, n), r);
        uint seed = SklearnRandom.Seed(rng);
        if (alpha == 0 && beta == 0)
            MLWarnings.Warn(WarningCategory.User, "Coordinate descent with no regularization may lead to unexpected results and is discouraged.");
        double dwTol = tol;
        tol *= Blas.Dot(y, y);
        double gap = tol + 1.0;
        int iter = 0;
        bool converged = false;
        var xta = new double[p];
        for (iter = 0; iter < maxIter; iter++)
        {
            double wMax = 0, dwMax = 0;
            for (int f = 0; f < p; f++)
            {
                int ii = random ? (int)(SklearnRandom.Next(ref seed) % (uint)p) : f;
                if (norms[ii] == 0) continue;
                var col = new ReadOnlySpan<double>(x, ii * n, n);
                double wii = w[ii];
                if (wii != 0) Blas.Axpy(wii, col, r);
                double tmp = Blas.Dot(col, r);
                if (positive && tmp < 0) w[ii] = 0;
                else w[ii] = Math.Sign(tmp) * Math.Max(Math.Abs(tmp) - alpha, 0) / (norms[ii] + beta);
                if (w[ii] != 0) Blas.Axpy(-w[ii], col, r);
                double d = Math.Abs(w[ii] - wii);
                dwMax = Math.Max(dwMax, d);
                wMax = Math.Max(wMax, Math.Abs(w[ii]));
            }
            if (wMax == 0 || dwMax / wMax < dwTol || iter == maxIter - 1)
            {
                for (int j = 0; j < p; j++) xta[j] = Blas.Dot(new ReadOnlySpan<double>(x, j * n, n), r) - beta * w[j];
                double dualNorm = 0;
                for (int j = 0; j < p; j++) dualNorm = positive ? Math.Max(dualNorm, xta[j]) : Math.Max(dualNorm, Math.Abs(xta[j]));
                double rNorm2 = Blas.Dot(r, r), wNorm2 = Blas.Dot(w, w), cst;
                if (dualNorm > alpha)
                {
                    cst = alpha / dualNorm;
                    gap = 0.5 * (rNorm2 + rNorm2 * cst * cst);
                }
                else
                {
                    cst = 1.0;
                    gap = rNorm2;
                }
                double l1 = 0;
                foreach (var v in w) l1 += Math.Abs(v);
                gap += alpha * l1 - cst * Blas.Dot(r, y) + 0.5 * beta * (1 + cst * cst) * wNorm2;
                if (gap < tol)
                {
                    converged = true;
                    break;
                }
            }
        }
        if (!converged)
        {
            iter = maxIter - 1;
            string msg = $"Objective did not converge. You might want to increase the number of iterations, check the scale of the features or consider increasing regularisation. Duality gap: {gap.ToString("0.000e+00", System.Globalization.CultureInfo.InvariantCulture)}, tolerance: {tol.ToString("0.000e+00", System.Globalization.CultureInfo.InvariantCulture)}";
            if (alpha < 2.220446049250313e-16)
                msg += " Linear regression models with null weight for the l1 regularization term are more efficiently fitted using one of the solvers implemented in sklearn.linear_model.Ridge/RidgeCV instead.";
            MLWarnings.Warn(WarningCategory.Convergence, msg);
        }
        return (gap, iter + 1);
    }
}
