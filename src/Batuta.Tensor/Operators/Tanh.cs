namespace Batuta.Tensors.Operators;

/// <summary>
/// Hyperbolic tangent. |x| &lt; 0.625 uses Cephes' odd polynomial (float) or rational function (double),
/// which keeps full relative precision near 0; larger |x| uses 1 - 2/(e^{2|x|} + 1) with the SIMD exp.
/// </summary>
public readonly struct TanhOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x)
    {
        if (typeof(T) == typeof(float)) return (T)(object)Scalar((float)(object)x);
        return (T)(object)Scalar((double)(object)x);
    }

    public static Vector128<T> Invoke(Vector128<T> x)
    {
        if (typeof(T) == typeof(float)) return Tanh(x.As<T, float>()).As<float, T>();
        return Tanh(x.As<T, double>()).As<double, T>();
    }

    public static Vector256<T> Invoke(Vector256<T> x)
    {
        if (typeof(T) == typeof(float)) return Tanh(x.As<T, float>()).As<float, T>();
        return Tanh(x.As<T, double>()).As<double, T>();
    }

    public static Vector512<T> Invoke(Vector512<T> x)
    {
        if (typeof(T) == typeof(float)) return Tanh(x.As<T, float>()).As<float, T>();
        return Tanh(x.As<T, double>()).As<double, T>();
    }

    private static float Scalar(float x)
    {
        float a = MathF.Abs(x);
        if (a < 0.625f)
        {
            float z = x * x;
            float p = MathF.FusedMultiplyAdd(-5.70498872745e-3f, z, 2.06390887954e-2f);
            p = MathF.FusedMultiplyAdd(p, z, -5.37397155531e-2f);
            p = MathF.FusedMultiplyAdd(p, z, 1.33314422036e-1f);
            p = MathF.FusedMultiplyAdd(p, z, -3.33332819422e-1f);
            return MathF.FusedMultiplyAdd(p * z, x, x);
        }
        if (float.IsNaN(x)) return x;
        float r = 1f - 2f / (Primitives.ExpPolynomial.Exp(2f * a) + 1f);
        return MathF.CopySign(r, x);
    }

    private static double Scalar(double x)
    {
        double a = Math.Abs(x);
        if (a < 0.625)
        {
            double z = x * x;
            double p = (-9.64399179425052238628e-1 * z - 9.92877231001918586564e1) * z - 1.61468768441708447952e3;
            double q = ((z + 1.12811678491632931402e2) * z + 2.23548839060100448583e3) * z + 4.84406305325125486048e3;
            return x + x * (z * p / q);
        }
        if (double.IsNaN(x)) return x;
        double r = 1.0 - 2.0 / (Primitives.ExpPolynomial.Exp(2.0 * a) + 1.0);
        return Math.CopySign(r, x);
    }

    private static Vector512<float> Tanh(Vector512<float> x)
    {
        var a = Vector512.Abs(x);
        var z = x * x;
        var p = Vector512.FusedMultiplyAdd(Vector512.Create(-5.70498872745e-3f), z, Vector512.Create(2.06390887954e-2f));
        p = Vector512.FusedMultiplyAdd(p, z, Vector512.Create(-5.37397155531e-2f));
        p = Vector512.FusedMultiplyAdd(p, z, Vector512.Create(1.33314422036e-1f));
        p = Vector512.FusedMultiplyAdd(p, z, Vector512.Create(-3.33332819422e-1f));
        var small = Vector512.FusedMultiplyAdd(p * z, x, x);
        var big = Vector512<float>.One - Vector512.Create(2f) / (Primitives.ExpPolynomial.Exp(a + a) + Vector512<float>.One);
        big = Vector512.CopySign(big, x);
        return Vector512.ConditionalSelect(Vector512.LessThan(a, Vector512.Create(0.625f)), small, big);
    }

    private static Vector256<float> Tanh(Vector256<float> x)
    {
        var a = Vector256.Abs(x);
        var z = x * x;
        var p = Vector256.FusedMultiplyAdd(Vector256.Create(-5.70498872745e-3f), z, Vector256.Create(2.06390887954e-2f));
        p = Vector256.FusedMultiplyAdd(p, z, Vector256.Create(-5.37397155531e-2f));
        p = Vector256.FusedMultiplyAdd(p, z, Vector256.Create(1.33314422036e-1f));
        p = Vector256.FusedMultiplyAdd(p, z, Vector256.Create(-3.33332819422e-1f));
        var small = Vector256.FusedMultiplyAdd(p * z, x, x);
        var big = Vector256<float>.One - Vector256.Create(2f) / (Primitives.ExpPolynomial.Exp(a + a) + Vector256<float>.One);
        big = Vector256.CopySign(big, x);
        return Vector256.ConditionalSelect(Vector256.LessThan(a, Vector256.Create(0.625f)), small, big);
    }

    private static Vector128<float> Tanh(Vector128<float> x)
    {
        var a = Vector128.Abs(x);
        var z = x * x;
        var p = Vector128.FusedMultiplyAdd(Vector128.Create(-5.70498872745e-3f), z, Vector128.Create(2.06390887954e-2f));
        p = Vector128.FusedMultiplyAdd(p, z, Vector128.Create(-5.37397155531e-2f));
        p = Vector128.FusedMultiplyAdd(p, z, Vector128.Create(1.33314422036e-1f));
        p = Vector128.FusedMultiplyAdd(p, z, Vector128.Create(-3.33332819422e-1f));
        var small = Vector128.FusedMultiplyAdd(p * z, x, x);
        var big = Vector128<float>.One - Vector128.Create(2f) / (Primitives.ExpPolynomial.Exp(a + a) + Vector128<float>.One);
        big = Vector128.CopySign(big, x);
        return Vector128.ConditionalSelect(Vector128.LessThan(a, Vector128.Create(0.625f)), small, big);
    }

    private static Vector512<double> Tanh(Vector512<double> x)
    {
        var a = Vector512.Abs(x);
        var z = x * x;
        var p = (Vector512.Create(-9.64399179425052238628e-1) * z - Vector512.Create(9.92877231001918586564e1)) * z - Vector512.Create(1.61468768441708447952e3);
        var q = ((z + Vector512.Create(1.12811678491632931402e2)) * z + Vector512.Create(2.23548839060100448583e3)) * z + Vector512.Create(4.84406305325125486048e3);
        var small = x + x * (z * p / q);
        var big = Vector512<double>.One - Vector512.Create(2d) / (Primitives.ExpPolynomial.Exp(a + a) + Vector512<double>.One);
        big = Vector512.CopySign(big, x);
        return Vector512.ConditionalSelect(Vector512.LessThan(a, Vector512.Create(0.625)), small, big);
    }

    private static Vector256<double> Tanh(Vector256<double> x)
    {
        var a = Vector256.Abs(x);
        var z = x * x;
        var p = (Vector256.Create(-9.64399179425052238628e-1) * z - Vector256.Create(9.92877231001918586564e1)) * z - Vector256.Create(1.61468768441708447952e3);
        var q = ((z + Vector256.Create(1.12811678491632931402e2)) * z + Vector256.Create(2.23548839060100448583e3)) * z + Vector256.Create(4.84406305325125486048e3);
        var small = x + x * (z * p / q);
        var big = Vector256<double>.One - Vector256.Create(2d) / (Primitives.ExpPolynomial.Exp(a + a) + Vector256<double>.One);
        big = Vector256.CopySign(big, x);
        return Vector256.ConditionalSelect(Vector256.LessThan(a, Vector256.Create(0.625)), small, big);
    }

    private static Vector128<double> Tanh(Vector128<double> x)
    {
        var a = Vector128.Abs(x);
        var z = x * x;
        var p = (Vector128.Create(-9.64399179425052238628e-1) * z - Vector128.Create(9.92877231001918586564e1)) * z - Vector128.Create(1.61468768441708447952e3);
        var q = ((z + Vector128.Create(1.12811678491632931402e2)) * z + Vector128.Create(2.23548839060100448583e3)) * z + Vector128.Create(4.84406305325125486048e3);
        var small = x + x * (z * p / q);
        var big = Vector128<double>.One - Vector128.Create(2d) / (Primitives.ExpPolynomial.Exp(a + a) + Vector128<double>.One);
        big = Vector128.CopySign(big, x);
        return Vector128.ConditionalSelect(Vector128.LessThan(a, Vector128.Create(0.625)), small, big);
    }
}
