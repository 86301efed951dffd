namespace Batuta.Tensors.Backends;

/// <summary>
/// The vector width the loops may use: the widest the CPU accelerates, narrowed by an active
/// <see cref="BackendSelector.Use(ComputeBackend, int)"/> scope (tests run every width this way).
/// </summary>
public static class SimdWidth
{
    /// <summary>512, 256, 128 or 0: what this CPU accelerates.</summary>
    public static int HardwareBits { get; } =
        Vector512.IsHardwareAccelerated ? 512 :
        Vector256.IsHardwareAccelerated ? 256 :
        Vector128.IsHardwareAccelerated ? 128 : 0;

    /// <summary>The widths a test can force on this CPU, widest first (0 = the scalar loop).</summary>
    public static IReadOnlyList<int> Available { get; } = new[] { 512, 256, 128, 0 }.Where(b => b <= HardwareBits).ToArray();

    /// <summary>Bits the loops use right now (0 means the scalar loop).</summary>
    public static int ActiveBits => BackendScope.ActiveCount == 0 ? HardwareBits : BackendScope.CurrentSimdBits(HardwareBits);
}
