// Linked into every project that dogfoods Batuta.Analyzers (see Directory.Build.props).
// The checked replacement for the null-forgiving operator (BATQ006): `x.OrThrow()` instead of `x!`.
// `.OrThrow()` binds exactly like a postfix `!`, so `a!.b` becomes `a.OrThrow().b` with the same meaning,
// except that a broken nullability contract fails right here, naming the expression, instead of as a
// NullReferenceException somewhere later (or, for `T x = y!`, never).
// Global namespace on purpose: in scope in every file without a using.
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

internal static class NullGuard
{
    /// <summary>Returns <paramref name="value"/>, or throws <see cref="System.InvalidOperationException"/> naming the expression when it is null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    [return: NotNull]
    public static T OrThrow<T>([NotNull] this T? value, [CallerArgumentExpression(nameof(value))] string? expression = null)
    {
        if (value is null)
            Throw(expression);
        return value;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(string? expression) =>
        throw new System.InvalidOperationException($"'{expression}' was null.");
}
