using KernelsSample.Kernels;

namespace KernelsSample;

/// <summary>
/// The loops a developer writes without the generator: each [Kernel] method called element by
/// element. They are the reference the generated paths are checked against and the baseline they
/// are timed against.
/// </summary>
// BATQ012 flags exactly this (a kernel called once per element in a loop); here it is the point.
#pragma warning disable BATQ012
internal static class ScalarLoops
{
    public static void Saxpy(float a, float[] x, float[] y, float[] d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = Blas.Saxpy(a, x[i], y[i]);
    }

    public static void Quintic(float[] x, float[] d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = Polynomials.Quintic(x[i]);
    }

    public static void TaylorExp(double[] x, double[] d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = Polynomials.TaylorExp(x[i]);
    }

    public static void Relu6(float[] x, float[] d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = Activations.Relu6(x[i]);
    }

    public static void HardSwish(float[] x, float[] d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = Activations.HardSwish(x[i]);
    }

    public static void BlackScholes(float[] spot, float[] strike, float[] years, float rate, float volatility, float[] call, float[] put)
    {
        for (int i = 0; i < call.Length; i++) (call[i], put[i]) = Finance.BlackScholes(spot[i], strike[i], years[i], rate, volatility);
    }

    public static double SquaredDistance(float[] x, float[] y)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += Geometry.SquaredDistance(x[i], y[i]);
        return sum;
    }

    public static float Chebyshev(float[] x, float[] y)
    {
        float max = float.NegativeInfinity;
        for (int i = 0; i < x.Length; i++) max = Math.Max(max, Geometry.Chebyshev(x[i], y[i]));
        return max;
    }
}
