// Linked into every project that dogfoods Batuta.Analyzers (see Directory.Build.props).
// The explicit exact floating-point comparison (BATQ009). Use it where exactness is the intent, never as a
// tolerance: ports whose reference implementation compares exactly (scikit-learn tie-breaks, label equality,
// thresholds equal to a sample value; numpy and Python's float ==), fast paths for a neutral parameter value
// (`penalty == 1`), exact-representability checks, and compensated summation. Everywhere else compare with a tolerance.
// Global namespace on purpose: in scope in every file without a using.
using System.Runtime.CompilerServices;

internal static class FloatExact
{
    /// <summary>IEEE 754 equality, exactly <c>a == b</c>: false when either is NaN, true for 0.0 and -0.0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
#pragma warning disable BATQ009 // this helper is the one documented place where exact equality is spelled ==
    public static bool AreEqual(double a, double b) => a == b;

    /// <summary>IEEE 754 equality, exactly <c>a == b</c>: false when either is NaN, true for 0f and -0f.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AreEqual(float a, float b) => a == b;
#pragma warning restore BATQ009
}
