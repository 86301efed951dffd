namespace Batuta.Tensors.Backends;

/// <summary>
/// A per-call override of the backend (and the widest SIMD width), active on this thread and the
/// async flow below it until disposed. Made by <see cref="BackendSelector.Use(ComputeBackend, int)"/>.
/// </summary>
public sealed class BackendScope : IDisposable
{
    private static readonly AsyncLocal<BackendScope?> Current = new();
    private static int _active;
    private readonly BackendScope? _parent;
    private bool _disposed;

    internal BackendScope(ComputeBackend backend, int maxSimdBits)
    {
        Backend = backend;
        MaxSimdBits = maxSimdBits;
        _parent = Current.Value;
        Current.Value = this;
        Interlocked.Increment(ref _active);
    }

    public ComputeBackend Backend { get; }

    public int MaxSimdBits { get; }

    /// <summary>Scopes alive anywhere in the process: 0 lets hot paths skip the AsyncLocal read.</summary>
    internal static int ActiveCount => Volatile.Read(ref _active);

    internal static BackendScope? Innermost => ActiveCount == 0 ? null : Current.Value;

    internal static int CurrentSimdBits(int hardwareBits)
    {
        var scope = Current.Value;
        if (scope is null) return hardwareBits;
        if (scope.Backend == ComputeBackend.Scalar) return 0;
        return Math.Min(scope.MaxSimdBits, hardwareBits);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Current.Value = _parent;
        Interlocked.Decrement(ref _active);
    }
}
