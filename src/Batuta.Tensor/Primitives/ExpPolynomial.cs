namespace Batuta.Tensors.Primitives;

/// <summary>
/// SIMD <c>exp</c> by range reduction and a polynomial, so softmax, sigmoid and tanh run at vector speed.
/// </summary>
/// <remarks>
/// x = n·ln2 + r with |r| ≤ ln2/2 (ln2 split in a high and a low part, applied with FMA), then
/// e^r from a degree-6 (float, Cephes coefficients, ≤ 2 ulp) or degree-13 (double, Taylor, ≤ 2 ulp)
/// polynomial, and 2^n applied as two halves built in the exponent bits (so results near overflow
/// and subnormal results both come out right). Above ln(MaxValue) the result is +∞, below the
/// smallest subnormal it is 0; NaN stays NaN.
/// </remarks>
public static class ExpPolynomial
{
    private const float FLog2E = 1.44269504088896341f;
    private const float FLn2Hi = 0.693359375f;
    private const float FLn2Lo = -2.12194440e-4f;
    private const float FMax = 88.7228391f;
    private const float FMin = -103.972084f;
    private const float P0 = 1.9875691500e-4f, P1 = 1.3981999507e-3f, P2 = 8.3334519073e-3f, P3 = 4.1665795894e-2f, P4 = 1.6666665459e-1f, P5 = 5.0000001201e-1f;

    private const double DLog2E = 1.4426950408889634;
    private const double DLn2Hi = 6.93145751953125e-1;
    private const double DLn2Lo = 1.42860682030941723212e-6;
    private const double DMax = 709.782712893384;
    private const double DMin = -745.1332191019411;

    public static Vector512<T> Exp<T>(Vector512<T> x)
    {
        if (typeof(T) == typeof(float)) return Exp(x.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Exp(x.As<T, double>()).As<double, T>();
        throw new NotSupportedException();
    }

    public static Vector256<T> Exp<T>(Vector256<T> x)
    {
        if (typeof(T) == typeof(float)) return Exp(x.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Exp(x.As<T, double>()).As<double, T>();
        throw new NotSupportedException();
    }

    public static Vector128<T> Exp<T>(Vector128<T> x)
    {
        if (typeof(T) == typeof(float)) return Exp(x.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Exp(x.As<T, double>()).As<double, T>();
        throw new NotSupportedException();
    }

    /// <summary>The scalar twin of the vector bodies (same polynomial), used for loop tails so results do not depend on alignment.</summary>
    public static float Exp(float x)
    {
        if (float.IsNaN(x)) return x;
        if (x > FMax) return float.PositiveInfinity;
        if (x < FMin) return 0f;
        float n = MathF.Round(x * FLog2E);
        float r = MathF.FusedMultiplyAdd(n, -FLn2Hi, x);
        r = MathF.FusedMultiplyAdd(n, -FLn2Lo, r);
        float p = MathF.FusedMultiplyAdd(P0, r, P1);
        p = MathF.FusedMultiplyAdd(p, r, P2);
        p = MathF.FusedMultiplyAdd(p, r, P3);
        p = MathF.FusedMultiplyAdd(p, r, P4);
        p = MathF.FusedMultiplyAdd(p, r, P5);
        p = MathF.FusedMultiplyAdd(p, r * r, r) + 1f;
        int ni = (int)n, half = ni >> 1;
        return p * BitConverter.Int32BitsToSingle((half + 127) << 23) * BitConverter.Int32BitsToSingle((ni - half + 127) << 23);
    }

    public static double Exp(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x > DMax) return double.PositiveInfinity;
        if (x < DMin) return 0d;
        double n = Math.Round(x * DLog2E);
        double r = Math.FusedMultiplyAdd(n, -DLn2Hi, x);
        r = Math.FusedMultiplyAdd(n, -DLn2Lo, r);
        double p = DoublePoly(r);
        long ni = (long)n, half = ni >> 1;
        return p * BitConverter.Int64BitsToDouble((half + 1023) << 52) * BitConverter.Int64BitsToDouble((ni - half + 1023) << 52);
    }

    private static double DoublePoly(double r)
    {
        // Taylor coefficients 1/k! for k = 13..2, Horner with FMA; truncation error < 2e-17 on |r| ≤ ln2/2.
        double p = 1.0 / 6227020800.0;
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 479001600.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 39916800.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 3628800.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 362880.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 40320.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 5040.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 720.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 120.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 24.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 6.0);
        p = Math.FusedMultiplyAdd(p, r, 0.5);
        return Math.FusedMultiplyAdd(p, r * r, r) + 1.0;
    }

    /// <summary>
    /// e^x for x ≤ 0 (softmax's shifted logits), about a quarter cheaper than <see cref="Exp(Vector512{float})"/>:
    /// n = round(x·log2 e) comes from adding 1.5·2^23 (the float's low bits then hold n, so no convert
    /// instruction), 2^n is one shift of those bits, and there is no overflow or NaN handling. Inputs
    /// below -87.3 give e^-87.3 ≈ 1.2e-38 instead of a subnormal or 0: invisible next to the row's maximum.
    /// </summary>
    public static Vector512<T> ExpNonPositive<T>(Vector512<T> x)
    {
        if (typeof(T) == typeof(float)) return ExpNonPositive(x.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Exp(x.As<T, double>()).As<double, T>();
        throw new NotSupportedException();
    }

    private const float ShiftMagic = 12582912f; // 1.5·2^23

    private static Vector512<float> ExpNonPositive(Vector512<float> x)
    {
        var xc = Vector512.Max(x, Vector512.Create(-87.3365447f));
        var t = Vector512.FusedMultiplyAdd(xc, Vector512.Create(FLog2E), Vector512.Create(ShiftMagic));
        var n = t - Vector512.Create(ShiftMagic);
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-FLn2Hi), xc);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-FLn2Lo), r);
        var p = Vector512.FusedMultiplyAdd(Vector512.Create(P0), r, Vector512.Create(P1));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(P2));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(P3));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(P4));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(P5));
        p = Vector512.FusedMultiplyAdd(p, r * r, r) + Vector512<float>.One;
        var scale = (t.AsInt32() + Vector512.Create(127)) << 23;
        return p * scale.AsSingle();
    }

    public static Vector512<float> Exp(Vector512<float> x)
    {
        var xc = Vector512.Min(Vector512.Max(x, Vector512.Create(FMin)), Vector512.Create(FMax));
        var n = Vector512.Round(xc * Vector512.Create(FLog2E));
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-FLn2Hi), xc);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-FLn2Lo), r);
        var p = Vector512.FusedMultiplyAdd(Vector512.Create(P0), r, Vector512.Create(P1));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(P2));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(P3));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(P4));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(P5));
        p = Vector512.FusedMultiplyAdd(p, r * r, r) + Vector512<float>.One;
        var ni = Vector512.ConvertToInt32(n);
        var half = ni >> 1;
        var result = p * ((half + Vector512.Create(127)) << 23).AsSingle() * ((ni - half + Vector512.Create(127)) << 23).AsSingle();
        result = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(FMax)), Vector512.Create(float.PositiveInfinity), result);
        result = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(FMin)), Vector512<float>.Zero, result);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);
    }

    public static Vector256<float> Exp(Vector256<float> x)
    {
        var xc = Vector256.Min(Vector256.Max(x, Vector256.Create(FMin)), Vector256.Create(FMax));
        var n = Vector256.Round(xc * Vector256.Create(FLog2E));
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-FLn2Hi), xc);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-FLn2Lo), r);
        var p = Vector256.FusedMultiplyAdd(Vector256.Create(P0), r, Vector256.Create(P1));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(P2));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(P3));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(P4));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(P5));
        p = Vector256.FusedMultiplyAdd(p, r * r, r) + Vector256<float>.One;
        var ni = Vector256.ConvertToInt32(n);
        var half = ni >> 1;
        var result = p * ((half + Vector256.Create(127)) << 23).AsSingle() * ((ni - half + Vector256.Create(127)) << 23).AsSingle();
        result = Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.Create(FMax)), Vector256.Create(float.PositiveInfinity), result);
        result = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(FMin)), Vector256<float>.Zero, result);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    public static Vector128<float> Exp(Vector128<float> x)
    {
        var xc = Vector128.Min(Vector128.Max(x, Vector128.Create(FMin)), Vector128.Create(FMax));
        var n = Vector128.Round(xc * Vector128.Create(FLog2E));
        var r = Vector128.FusedMultiplyAdd(n, Vector128.Create(-FLn2Hi), xc);
        r = Vector128.FusedMultiplyAdd(n, Vector128.Create(-FLn2Lo), r);
        var p = Vector128.FusedMultiplyAdd(Vector128.Create(P0), r, Vector128.Create(P1));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(P2));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(P3));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(P4));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(P5));
        p = Vector128.FusedMultiplyAdd(p, r * r, r) + Vector128<float>.One;
        var ni = Vector128.ConvertToInt32(n);
        var half = ni >> 1;
        var result = p * ((half + Vector128.Create(127)) << 23).AsSingle() * ((ni - half + Vector128.Create(127)) << 23).AsSingle();
        result = Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128.Create(FMax)), Vector128.Create(float.PositiveInfinity), result);
        result = Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128.Create(FMin)), Vector128<float>.Zero, result);
        return Vector128.ConditionalSelect(Vector128.Equals(x, x), result, x);
    }

    public static Vector512<double> Exp(Vector512<double> x)
    {
        var xc = Vector512.Min(Vector512.Max(x, Vector512.Create(DMin)), Vector512.Create(DMax));
        var n = Vector512.Round(xc * Vector512.Create(DLog2E));
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-DLn2Hi), xc);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-DLn2Lo), r);
        var p = Vector512.Create(1.0 / 6227020800.0);
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 479001600.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 39916800.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 3628800.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 362880.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 40320.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 5040.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 720.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 120.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 24.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 6.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(0.5));
        p = Vector512.FusedMultiplyAdd(p, r * r, r) + Vector512<double>.One;
        var ni = Vector512.ConvertToInt64(n);
        var half = ni >> 1;
        var result = p * ((half + Vector512.Create(1023L)) << 52).AsDouble() * ((ni - half + Vector512.Create(1023L)) << 52).AsDouble();
        result = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(DMax)), Vector512.Create(double.PositiveInfinity), result);
        result = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(DMin)), Vector512<double>.Zero, result);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);
    }

    public static Vector256<double> Exp(Vector256<double> x)
    {
        var xc = Vector256.Min(Vector256.Max(x, Vector256.Create(DMin)), Vector256.Create(DMax));
        var n = Vector256.Round(xc * Vector256.Create(DLog2E));
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-DLn2Hi), xc);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-DLn2Lo), r);
        var p = Vector256.Create(1.0 / 6227020800.0);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 479001600.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 39916800.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 3628800.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 362880.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 40320.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 5040.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 720.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 120.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 24.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 6.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(0.5));
        p = Vector256.FusedMultiplyAdd(p, r * r, r) + Vector256<double>.One;
        var ni = Vector256.ConvertToInt64(n);
        var half = ni >> 1;
        var result = p * ((half + Vector256.Create(1023L)) << 52).AsDouble() * ((ni - half + Vector256.Create(1023L)) << 52).AsDouble();
        result = Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.Create(DMax)), Vector256.Create(double.PositiveInfinity), result);
        result = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(DMin)), Vector256<double>.Zero, result);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    public static Vector128<double> Exp(Vector128<double> x)
    {
        var xc = Vector128.Min(Vector128.Max(x, Vector128.Create(DMin)), Vector128.Create(DMax));
        var n = Vector128.Round(xc * Vector128.Create(DLog2E));
        var r = Vector128.FusedMultiplyAdd(n, Vector128.Create(-DLn2Hi), xc);
        r = Vector128.FusedMultiplyAdd(n, Vector128.Create(-DLn2Lo), r);
        var p = Vector128.Create(1.0 / 6227020800.0);
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 479001600.0));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 39916800.0));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 3628800.0));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 362880.0));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 40320.0));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 5040.0));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 720.0));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 120.0));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 24.0));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1.0 / 6.0));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(0.5));
        p = Vector128.FusedMultiplyAdd(p, r * r, r) + Vector128<double>.One;
        var ni = Vector128.ConvertToInt64(n);
        var half = ni >> 1;
        var result = p * ((half + Vector128.Create(1023L)) << 52).AsDouble() * ((ni - half + Vector128.Create(1023L)) << 52).AsDouble();
        result = Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128.Create(DMax)), Vector128.Create(double.PositiveInfinity), result);
        result = Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128.Create(DMin)), Vector128<double>.Zero, result);
        return Vector128.ConditionalSelect(Vector128.Equals(x, x), result, x);
    }
}
