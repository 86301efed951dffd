namespace Batuta.Tensors.Operators;

/// <summary>Helpers the operator structs share: lane folds, type-dispatched math, identities.</summary>
internal static class HorizontalOps
{
    public static T Product<T>(Vector512<T> x) where T : INumber<T> => Product(x.GetLower() * x.GetUpper());

    public static T Product<T>(Vector256<T> x) where T : INumber<T> => Product(x.GetLower() * x.GetUpper());

    public static T Product<T>(Vector128<T> x) where T : INumber<T>
    {
        T p = T.One;
        for (int i = 0; i < Vector128<T>.Count; i++) p *= x.GetElement(i);
        return p;
    }

    public static T Max<T>(Vector512<T> x) where T : INumber<T> => Max(Vector256.Max(x.GetLower(), x.GetUpper()));

    public static T Max<T>(Vector256<T> x) where T : INumber<T> => Max(Vector128.Max(x.GetLower(), x.GetUpper()));

    public static T Max<T>(Vector128<T> x) where T : INumber<T>
    {
        T m = x.GetElement(0);
        for (int i = 1; i < Vector128<T>.Count; i++) m = T.Max(m, x.GetElement(i));
        return m;
    }

    public static T Min<T>(Vector512<T> x) where T : INumber<T> => Min(Vector256.Min(x.GetLower(), x.GetUpper()));

    public static T Min<T>(Vector256<T> x) where T : INumber<T> => Min(Vector128.Min(x.GetLower(), x.GetUpper()));

    public static T Min<T>(Vector128<T> x) where T : INumber<T>
    {
        T m = x.GetElement(0);
        for (int i = 1; i < Vector128<T>.Count; i++) m = T.Min(m, x.GetElement(i));
        return m;
    }

    /// <summary>The identity of max: -∞ for floats, MinValue for integers.</summary>
    public static T MaxIdentity<T>() where T : INumber<T>
    {
        if (typeof(T) == typeof(float)) return (T)(object)float.NegativeInfinity;
        if (typeof(T) == typeof(double)) return (T)(object)double.NegativeInfinity;
        if (typeof(T) == typeof(int)) return (T)(object)int.MinValue;
        if (typeof(T) == typeof(long)) return (T)(object)long.MinValue;
        throw new NotSupportedException();
    }

    public static T MinIdentity<T>() where T : INumber<T>
    {
        if (typeof(T) == typeof(float)) return (T)(object)float.PositiveInfinity;
        if (typeof(T) == typeof(double)) return (T)(object)double.PositiveInfinity;
        if (typeof(T) == typeof(int)) return (T)(object)int.MaxValue;
        if (typeof(T) == typeof(long)) return (T)(object)long.MaxValue;
        throw new NotSupportedException();
    }

    public static T Pow<T>(T x, T y) where T : INumber<T>
    {
        if (typeof(T) == typeof(float)) return (T)(object)MathF.Pow((float)(object)x, (float)(object)y);
        if (typeof(T) == typeof(double)) return (T)(object)Math.Pow((double)(object)x, (double)(object)y);
        // Integers: exponentiation by squaring, wrapping like numpy; negative exponents are an error there too.
        if (y < T.Zero) throw new ArgumentException("integers to negative integer powers are not allowed (numpy raises the same); cast to a float type first.");
        T result = T.One, b = x;
        long e = long.CreateTruncating(y);
        while (e > 0)
        {
            if ((e & 1) != 0) result = unchecked(result * b);
            b = unchecked(b * b);
            e >>= 1;
        }
        return result;
    }

    public static T Exp<T>(T x) where T : INumber<T>
    {
        if (typeof(T) == typeof(float)) return (T)(object)Primitives.ExpPolynomial.Exp((float)(object)x);
        if (typeof(T) == typeof(double)) return (T)(object)Primitives.ExpPolynomial.Exp((double)(object)x);
        throw new NotSupportedException();
    }

    public static Vector512<T> Log<T>(Vector512<T> x)
    {
        if (typeof(T) == typeof(float)) return Vector512.Log(x.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector512.Log(x.As<T, double>()).As<double, T>();
        throw new NotSupportedException();
    }

    public static Vector256<T> Log<T>(Vector256<T> x)
    {
        if (typeof(T) == typeof(float)) return Vector256.Log(x.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector256.Log(x.As<T, double>()).As<double, T>();
        throw new NotSupportedException();
    }

    public static Vector128<T> Log<T>(Vector128<T> x)
    {
        if (typeof(T) == typeof(float)) return Vector128.Log(x.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector128.Log(x.As<T, double>()).As<double, T>();
        throw new NotSupportedException();
    }

    public static Vector512<T> Sin<T>(Vector512<T> x)
    {
        if (typeof(T) == typeof(float)) return Vector512.Sin(x.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector512.Sin(x.As<T, double>()).As<double, T>();
        throw new NotSupportedException();
    }

    public static Vector256<T> Sin<T>(Vector256<T> x)
    {
        if (typeof(T) == typeof(float)) return Vector256.Sin(x.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector256.Sin(x.As<T, double>()).As<double, T>();
        throw new NotSupportedException();
    }

    public static Vector128<T> Sin<T>(Vector128<T> x)
    {
        if (typeof(T) == typeof(float)) return Vector128.Sin(x.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector128.Sin(x.As<T, double>()).As<double, T>();
        throw new NotSupportedException();
    }

    public static Vector512<T> Cos<T>(Vector512<T> x)
    {
        if (typeof(T) == typeof(float)) return Vector512.Cos(x.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector512.Cos(x.As<T, double>()).As<double, T>();
        throw new NotSupportedException();
    }

    public static Vector256<T> Cos<T>(Vector256<T> x)
    {
        if (typeof(T) == typeof(float)) return Vector256.Cos(x.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector256.Cos(x.As<T, double>()).As<double, T>();
        throw new NotSupportedException();
    }

    public static Vector128<T> Cos<T>(Vector128<T> x)
    {
        if (typeof(T) == typeof(float)) return Vector128.Cos(x.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector128.Cos(x.As<T, double>()).As<double, T>();
        throw new NotSupportedException();
    }
}
