using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Batuta.ML.Internal;

namespace Batuta.ML.Cluster;

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

    public static RowPanels Pack(double[] x, int n, int p)
    {
        var panels = new RowPanels(new double[((long)n + Width - 1) / Width * Width * p], n, p);
        RowBlocks.Run(n, p, (_, start, end) =>
        {
            var d = panels.Data;
            for (int r = start; r < end; r++)
            {
                long baseIndex = (long)(r / Width) * Width * p + r % Width;
                for (int f = 0; f < p; f++) d[baseIndex + f * Width] = x[r * p + f];
            }
        });
        return panels;
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
