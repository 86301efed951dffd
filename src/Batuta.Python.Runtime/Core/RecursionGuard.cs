using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime;

/// <summary>
/// Python's recursion limit for migrated functions that may recurse (the transpiler wraps only those):
/// CPython raises RecursionError past <c>sys.getrecursionlimit()</c> frames, where C# would overflow the stack
/// and kill the process. The <c>&lt;module&gt;</c> frame counts in CPython, so a function nests at most limit - 1 deep.
/// </summary>
public static class RecursionGuard
{
    // A plain static, not [ThreadStatic]: thread-local access made binary-trees 25% slower, and a migrated program
    // runs Python's one thread (the runtime has no threading module). Code calling migrated recursive functions
    // from several threads at once shares this count (docs/transpiler.md).
    private static int _depth;

    /// <summary>The guarded frames now running; a handler that catches an exception puts back the value from before its try.</summary>
    public static int Depth
    {
        get => _depth;
        set => _depth = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter()
    {
        if (++_depth >= Sys.RecursionLimit) Overflow();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Leave() => _depth--;

    /// <summary>Counts a returning frame out and passes its value through: <c>return RecursionGuard.Leave(value);</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Leave<T>(T value)
    {
        _depth--;
        return value;
    }

    /// <summary>
    /// The depth of a call one level below <paramref name="depth"/>, for functions that pass their depth to their own
    /// calls instead of counting it here: RecursionError where <see cref="Enter"/> would raise it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Next(int depth)
    {
        int next = depth + 1;
        if (next >= Sys.RecursionLimit) TooDeep();
        return next;
    }

    /// <summary>Puts the count back to the caller's depth and passes the returned value through (a function keeping the count exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Exit<T>(int depth, T value)
    {
        _depth = depth - 1;
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void TooDeep() => throw new RecursionError("maximum recursion depth exceeded");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Overflow()
    {
        _depth--;
        throw new RecursionError("maximum recursion depth exceeded");
    }
}
