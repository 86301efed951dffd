namespace Batuta.Python.Runtime.Numpy.Random;

/// <summary>The 256-layer ziggurat for standard normal draws (Marsaglia and Tsang), numpy's layout of the 64-bit draw.</summary>
internal static class Ziggurat
{
    private const double R = 3.6541528853610087963519472518;
    private const double InvR = 1.0 / R;
    private static readonly ulong[] Ki = new ulong[256];
    private static readonly double[] Wi = new double[256];
    private static readonly double[] Fi = new double[256];

    static Ziggurat()
    {
        const double v = 0.0049286732339746519;
        const double m1 = 4503599627370496.0;
        double dn = R, tn = dn;
        double q = v / Math.Exp(-0.5 * dn * dn);
        Ki[0] = (ulong)(dn / q * m1);
        Ki[1] = 0;
        Wi[0] = q / m1;
        Wi[255] = dn / m1;
        Fi[0] = 1.0;
        Fi[255] = Math.Exp(-0.5 * dn * dn);
        for (int i = 254; i >= 1; i--)
        {
            dn = Math.Sqrt(-2.0 * Math.Log(v / dn + Math.Exp(-0.5 * dn * dn)));
            Ki[i + 1] = (ulong)(dn / tn * m1);
            tn = dn;
            Fi[i] = Math.Exp(-0.5 * dn * dn);
            Wi[i] = dn / m1;
        }
    }

    public static double StandardNormal(Pcg64 bits)
    {
        while (true)
        {
            ulong r = bits.NextUInt64();
            int idx = (int)(r & 0xff);
            r >>= 8;
            bool negative = (r & 1) != 0;
            ulong rabs = (r >> 1) & 0x000fffffffffffffUL;
            double x = rabs * Wi[idx];
            if (negative) x = -x;
            if (rabs < Ki[idx]) return x;
            if (idx == 0)
            {
                while (true)
                {
                    double xx = -InvR * NpMath.Log1p(-bits.NextDouble());
                    double yy = -NpMath.Log1p(-bits.NextDouble());
                    if (yy + yy > xx * xx) return ((rabs >> 8) & 1) != 0 ? -(R + xx) : R + xx;
                }
            }
            if ((Fi[idx - 1] - Fi[idx]) * bits.NextDouble() + Fi[idx] < Math.Exp(-0.5 * x * x)) return x;
        }
    }
}
