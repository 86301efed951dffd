using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Batuta.ML.Internal;

/// <summary>
/// A row-major matrix repacked in panels of eight rows, feature-major inside a panel: element (r, f) sits at
/// (r / 8)·8p + f·8 + r % 8, so one 512-bit load holds one feature of eight rows. Distance kernels then keep
/// one row per lane and need no horizontal sums. Rows past the end of the last panel are zero.
/// </summary>
internal sealed class RowPanels
{
    public const int Width = 8;

    private RowPanels(double[] data, int rows, int features)
    {
        Data = data;
        Rows = rows;
        Features = features;
    }

    public double[] Data { get; }

    public int Rows { get; }

    public int Features { get; }

    public int Count => (Rows + Width - 1) / Width;

    /// <summary>Row count rounded up to whole panels: the length of per-row buffers the kernels write.</summary>
    public int PaddedRows => Count * Width;

    /// <summary>Packs an array, in parallel for large inputs.</summary>
    public static RowPanels Pack(double[] x, int n, int p)
    {
        var panels = Allocate(n, p);
        RowBlocks.Run(n, p, (_, start, end) =>
        {
            var (first, last) = Range(start, end);
            panels.Fill(x, first, last);
        });
        return panels;
    }

    /// <summary>
    /// Packs a span (a tensor's own memory) on the calling thread into <paramref name="storage"/> (at least
    /// <see cref="Length"/> long), e.g. an array rented for one predict call.
    /// </summary>
    public static RowPanels Pack(ReadOnlySpan<double> x, int n, int p, double[] storage)
    {
        if (storage.Length < Length(n, p)) throw new ArgumentException("panel storage too small", nameof(storage));
        var panels = new RowPanels(storage, n, p);
        panels.Fill(x, 0, panels.Count);
        return panels;
    }

    /// <summary>Doubles the panels of an n × p matrix take.</summary>
    public static int Length(int n, int p) => checked(((n + Width - 1) / Width) * Width * p);

    // Every element, padding included, is written by Fill: no need to zero the array first.
    private static RowPanels Allocate(int n, int p) => new(GC.AllocateUninitializedArray<double>(Length(n, p)), n, p);

    /// <summary>Panels [first, last): reads eight rows at a time in order, writes each panel front to back.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill(ReadOnlySpan<double> x, int first, int last)
    {
        int p = Features;
        var d = Data.AsSpan();
        for (int g = first; g < last; g++)
        {
            var panel = d.Slice(g * Width * p, Width * p);
            int r0 = g * Width, rows = Math.Min(Width, Rows - r0);
            for (int q = 0; q < rows; q++)
            {
                var row = x.Slice((r0 + q) * p, p);
                for (int f = 0; f < p; f++) panel[f * Width + q] = row[f];
            }
            for (int q = rows; q < Width; q++)
                for (int f = 0; f < p; f++) panel[f * Width + q] = 0;
        }
    }

    /// <summary>The first element of panel <paramref name="g"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref double Panel(int g) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Data), (nint)g * Width * Features);

    /// <summary>Panels covering rows [start, end).</summary>
    public static (int First, int End) Range(int start, int end) => (start / Width, (end + Width - 1) / Width);

    /// <summary>A per-row array copied into a panel-padded one (the padding lanes hold <paramref name="fill"/>).</summary>
    public double[] Padded(double[] perRow, double fill)
    {
        var d = new double[PaddedRows];
        Array.Copy(perRow, d, Rows);
        for (int i = Rows; i < d.Length; i++) d[i] = fill;
        return d;
    }

    /// <summary>The eight per-row values of panel g from a panel-padded array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Lanes(double[] padded, int g) =>
        Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(padded), (nuint)g * Width);
}
