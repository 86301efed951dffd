namespace Batuta.ML.Internal;

/// <summary>The outcome of an L-BFGS run, in SciPy's terms.</summary>
/// <param name="Status">0 converged, 1 iteration or evaluation limit, 2 abnormal termination in the line search.</param>
internal sealed record LbfgsResult(double[] X, double F, double[] Gradient, int Iterations, int Evaluations, int Status, string Message);

/// <summary>
/// SciPy's <c>minimize(method="L-BFGS-B")</c> for problems without bounds, step for step: the first
/// iteration's steepest-descent step of length 1/‖g‖, L-BFGS directions with B₀ = θI (θ = yᵀy/sᵀy of the
/// newest pair, the last <c>m</c> pairs kept), the Moré-Thuente line search with ftol 1e-3, gtol 0.9,
/// xtol 0.1 and at most <c>maxls</c> trials, the curvature test that skips updates, memory restarts after a
/// failed search, and the stopping tests (max|g| ≤ pgtol, relative reduction of f ≤ factr·eps,
/// iteration and evaluation limits). scikit-learn's lbfgs solvers run on this, so they stop where
/// scikit-learn stops. The direction uses the two-loop recursion (L-BFGS-B's compact form gives the
/// same vector up to rounding).
/// </summary>
internal static class Lbfgs
{
    /// <summary>Computes f(x) and writes ∇f(x) into the span.</summary>
    public delegate double Objective(double[] x, double[] gradient);

    private const double Eps = 2.220446049250313e-16;

    public static LbfgsResult Minimize(Objective fun, double[] x0, int maxIter, double gtol = 1e-5, double ftol = 2.2204460492503131e-09,
        int maxCor = 10, int maxFun = 15000, int maxLs = 20)
    {
        int n = x0.Length;
        var x = (double[])x0.Clone();
        var g = new double[n];
        double f = fun(x, g);
        int nfev = 1;
        double tol = ftol / Eps * Eps; // factr * epsmch, with factr = ftol / eps as SciPy passes it
        var s = new double[maxCor][];
        var yv = new double[maxCor][];
        var rho = new double[maxCor];
        for (int i = 0; i < maxCor; i++)
        {
            s[i] = new double[n];
            yv[i] = new double[n];
        }
        int col = 0, head = 0;
        double theta = 1.0;
        int iter = 0, nit = 0;
        var d = new double[n];
        var z = new double[n];
        var t = new double[n];
        var r = new double[n];
        var alpha = new double[maxCor];

        double sbgnrm = MaxAbs(g);
        if (sbgnrm <= gtol) return new LbfgsResult(x, f, g, 0, nfev, 0, "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL");

        while (true)
        {
            // Search direction d = z - x.
            if (col == 0)
            {
                // Generalised Cauchy point without bounds: z = x - g/θ.
                double dtm = 1.0 / theta;
                for (int i = 0; i < n; i++) z[i] = x[i] + dtm * -g[i];
            }
            else
            {
                TwoLoop(g, s, yv, rho, col, head, maxCor, theta, alpha, d);
                for (int i = 0; i < n; i++) z[i] = x[i] + d[i];
            }
            for (int i = 0; i < n; i++) d[i] = z[i] - x[i];

            // Line search (lnsrlb).
            double dtd = Dot(d, d);
            double dnorm = Math.Sqrt(dtd);
            const double stpmx = 1e10;
            double stp = iter == 0 ? Math.Min(1.0 / dnorm, stpmx) : 1.0;
            Array.Copy(x, t, n);
            Array.Copy(g, r, n);
            double fold = f;
            int ifun = 0, iback = 0;
            double gd = 0, gdold = 0;
            var search = new MoreThuenteSearch(1e-3, 0.9, 0.1, 0, stpmx);
            bool failed = false;
            while (true)
            {
                gd = Dot(g, d);
                MoreThuenteSearch.Task task;
                if (ifun == 0)
                {
                    gdold = gd;
                    if (gd >= 0)
                    {
                        failed = true;
                        break;
                    }
                    task = search.Start(f, gd, ref stp);
                }
                else
                {
                    task = search.Next(f, gd, ref stp);
                }
                if (task is MoreThuenteSearch.Task.Convergence or MoreThuenteSearch.Task.Warning) break;
                ifun++;
                iback = ifun - 1;
                if (iback >= maxLs)
                {
                    failed = true;
                    break;
                }
                if (FloatExact.AreEqual(stp, 1.0)) Array.Copy(z, x, n);
                else for (int i = 0; i < n; i++) x[i] = stp * d[i] + t[i];
                f = fun(x, g);
                nfev++;
            }

            if (failed)
            {
                Array.Copy(t, x, n);
                Array.Copy(r, g, n);
                f = fold;
                if (col == 0)
                {
                    return new LbfgsResult(x, f, g, nit, nfev, 2, "ABNORMAL_TERMINATION_IN_LNSRCH");
                }
                col = 0;
                head = 0;
                theta = 1.0;
                continue;
            }

            iter++;
            sbgnrm = MaxAbs(g);
            // SciPy's driver counts the iteration and applies its limits before L-BFGS-B tests convergence.
            nit++;
            if (nit >= maxIter) return new LbfgsResult(x, f, g, nit, nfev, 1, "STOP: TOTAL NO. of ITERATIONS REACHED LIMIT");
            if (nfev > maxFun) return new LbfgsResult(x, f, g, nit, nfev, 1, "STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT");

            if (sbgnrm <= gtol) return new LbfgsResult(x, f, g, nit, nfev, 0, "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL");
            double ddum = Math.Max(Math.Max(Math.Abs(fold), Math.Abs(f)), 1.0);
            if (fold - f <= tol * ddum) return new LbfgsResult(x, f, g, nit, nfev, 0, "CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH");

            for (int i = 0; i < n; i++) r[i] = g[i] - r[i];
            double rr = Dot(r, r);
            double dr;
            if (FloatExact.AreEqual(stp, 1.0))
            {
                dr = gd - gdold;
                ddum = -gdold;
            }
            else
            {
                dr = (gd - gdold) * stp;
                for (int i = 0; i < n; i++) d[i] *= stp;
                ddum = -gdold * stp;
            }
            if (dr <= Eps * ddum) continue; // skip the update

            int slot;
            if (col < maxCor)
            {
                slot = (head + col) % maxCor;
                col++;
            }
            else
            {
                slot = head;
                head = (head + 1) % maxCor;
            }
            Array.Copy(d, s[slot], n);
            Array.Copy(r, yv[slot], n);
            rho[slot] = 1.0 / dr;
            theta = rr / dr;
        }
    }

    private static void TwoLoop(double[] g, double[][] s, double[][] y, double[] rho, int col, int head, int m, double theta, double[] alpha, double[] result)
    {
        int n = g.Length;
        for (int i = 0; i < n; i++) result[i] = -g[i];
        for (int k = col - 1; k >= 0; k--)
        {
            int j = (head + k) % m;
            alpha[j] = rho[j] * Dot(s[j], result);
            Axpy(-alpha[j], y[j], result);
        }
        double inv = 1.0 / theta;
        for (int i = 0; i < n; i++) result[i] *= inv;
        for (int k = 0; k < col; k++)
        {
            int j = (head + k) % m;
            double beta = rho[j] * Dot(y[j], result);
            Axpy(alpha[j] - beta, s[j], result);
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < y.Length; i++) y[i] += a * x[i];
    }

    private static double MaxAbs(double[] g)
    {
        double m = 0;
        foreach (var v in g) m = Math.Max(m, Math.Abs(v));
        return m;
    }
}
