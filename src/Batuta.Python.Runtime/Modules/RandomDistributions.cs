namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// The rarer distributions of <c>random.Random</c>, written as CPython 3.11's Lib/random.py writes them so that they
/// consume the same draws of the Mersenne Twister stream (a different algorithm would give other numbers after a seed).
/// </summary>
public sealed partial class PyRandom
{
    private static readonly double Log4 = Math.Log(4.0);
    private static readonly double SgMagicConst = 1.0 + Math.Log(4.5);

    public double GammaVariate(double alpha, double beta)
    {
        if (alpha <= 0.0 || beta <= 0.0) throw new ValueError("gammavariate: alpha and beta must be > 0.0");
        if (alpha > 1.0) return GammaLarge(alpha) * beta;
#pragma warning disable BATQ009 // exact by Python semantics: CPython takes this branch for alpha == 1.0 exactly
        if (alpha == 1.0) return -Math.Log(1.0 - Random()) * beta;
#pragma warning restore BATQ009
        return GammaSmall(alpha) * beta;
    }

    /// <summary>alpha &gt; 1: R.C.H. Cheng's rejection method, as CPython.</summary>
    private double GammaLarge(double alpha)
    {
        double ainv = Math.Sqrt(2.0 * alpha - 1.0);
        double bbb = alpha - Log4;
        double ccc = alpha + ainv;
        while (true)
        {
            double u1 = Random();
            if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
            double u2 = 1.0 - Random();
            double v = Math.Log(u1 / (1.0 - u1)) / ainv;
            double x = alpha * Math.Exp(v);
            double z = u1 * u1 * u2;
            double r = bbb + ccc * v - x;
            if (r + SgMagicConst - 4.5 * z >= 0.0 || r >= Math.Log(z)) return x;
        }
    }

    /// <summary>0 &lt; alpha &lt; 1: ALGORITHM GS of Statistical Computing (Kennedy and Gentle), as CPython.</summary>
    private double GammaSmall(double alpha)
    {
        while (true)
        {
            double u = Random();
            double b = (Math.E + alpha) / Math.E;
            double p = b * u;
            double x = p <= 1.0 ? Math.Pow(p, 1.0 / alpha) : -Math.Log((b - p) / alpha);
            double u1 = Random();
            if (p > 1.0 ? u1 <= Math.Pow(x, alpha - 1.0) : u1 <= Math.Exp(-x)) return x;
        }
    }

    public double BetaVariate(double alpha, double beta)
    {
        double y = GammaVariate(alpha, 1.0);
        return y != 0.0 ? y / (y + GammaVariate(beta, 1.0)) : 0.0;
    }

    public double LogNormVariate(double mu, double sigma) => Math.Exp(NormalVariate(mu, sigma));

    public double ParetoVariate(double alpha) => Math.Pow(1.0 - Random(), -1.0 / alpha);

    public double WeibullVariate(double alpha, double beta) => alpha * Math.Pow(-Math.Log(1.0 - Random()), 1.0 / beta);

    public double VonMisesVariate(double mu, double kappa)
    {
        const double TwoPi = 2.0 * Math.PI;
        if (kappa <= 1e-6) return TwoPi * Random();
        double s = 0.5 / kappa;
        double r = s + Math.Sqrt(1.0 + s * s);
        double z;
        while (true)
        {
            z = Math.Cos(Math.PI * Random());
            double d = z / (r + z);
            double u2 = Random();
            if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * Math.Exp(d)) break;
        }
        double q = 1.0 / r;
        double f = (q + z) / (1.0 + q * z);
        double u3 = Random();
        // Python's % of floats: the result takes the divisor's sign
        double theta = u3 > 0.5 ? mu + Math.Acos(f) : mu - Math.Acos(f);
        double m = theta % TwoPi;
        return m < 0 ? m + TwoPi : m;
    }
}
