using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Batuta.ML.Cluster;

/// <summary>
/// The E-step's scores ‖c‖² - 2x·c for a few rows against every center (the ‖x‖² term cannot change the
/// argmin). Centers are stored feature-major (ct[f·kp + j]) and padded to <see cref="CenterPad"/> with
/// ‖c‖² = +∞, so one vector holds the same feature of several centers and every lane runs the same FMA
/// chain, starting at ‖c‖²: all paths give bit-identical scores.
/// </summary>
internal static class CenterScores
{
    /// <summary>Rows per call: eight 512-bit chains (one vector per row covers eight centers), else four rows × two 256-bit vectors.</summary>
    public static int RowsPerCall => Vector512.IsHardwareAccelerated ? 8 : 4;

    /// <summary>Centers are padded to a multiple of this (one 512-bit or two 256-bit vectors).</summary>
    public const int CenterPad = 8;

    /// <summary>
    /// Scores of rows r0 .. r0+rows (rows ≤ <see cref="RowsPerCall"/>) into acc[q·kp + j]; m2x is scratch of
    /// RowsPerCall·p values.
    /// </summary>
    public static void Score(double[] x, int r0, int rows, int p, double[] ct, double[] cnorm, int kp, double[] m2x, double[] acc)
    {
        int per = RowsPerCall;
        for (int q = 0; q < per; q++)
            for (int f = 0; f < p; f++) m2x[q * p + f] = q < rows ? -2.0 * x[(r0 + q) * p + f] : 0.0;
        if (Vector512.IsHardwareAccelerated) Score512(p, ct, cnorm, kp, m2x, acc);
        else if (Vector256.IsHardwareAccelerated) Score256(p, ct, cnorm, kp, m2x, acc);
        else ScoreScalar(rows, p, ct, cnorm, kp, m2x, acc);
    }

    private static void ScoreScalar(int rows, int p, double[] ct, double[] cnorm, int kp, double[] m2x, double[] acc)
    {
        for (int q = 0; q < rows; q++)
            for (int j = 0; j < kp; j++)
            {
                double a = cnorm[j];
                for (int f = 0; f < p; f++) a = Math.FusedMultiplyAdd(m2x[q * p + f], ct[f * kp + j], a);
                acc[q * kp + j] = a;
            }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Score512(int p, double[] ct, double[] cnorm, int kp, double[] m2x, double[] acc)
    {
        ref double rct = ref MemoryMarshal.GetArrayDataReference(ct);
        ref double rm = ref MemoryMarshal.GetArrayDataReference(m2x);
        ref double ra = ref MemoryMarshal.GetArrayDataReference(acc);
        for (int jj = 0; jj < kp; jj += 8)
        {
            var n0 = Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(cnorm), (nuint)jj);
            Vector512<double> a0 = n0, a1 = n0, a2 = n0, a3 = n0, a4 = n0, a5 = n0, a6 = n0, a7 = n0;
            for (int f = 0; f < p; f++)
            {
                var c = Vector512.LoadUnsafe(ref rct, (nuint)(f * kp + jj));
                a0 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref rm, f)), c, a0);
                a1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref rm, p + f)), c, a1);
                a2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref rm, 2 * p + f)), c, a2);
                a3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref rm, 3 * p + f)), c, a3);
                a4 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref rm, 4 * p + f)), c, a4);
                a5 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref rm, 5 * p + f)), c, a5);
                a6 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref rm, 6 * p + f)), c, a6);
                a7 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref rm, 7 * p + f)), c, a7);
            }
            a0.StoreUnsafe(ref ra, (nuint)jj);
            a1.StoreUnsafe(ref ra, (nuint)(kp + jj));
            a2.StoreUnsafe(ref ra, (nuint)(2 * kp + jj));
            a3.StoreUnsafe(ref ra, (nuint)(3 * kp + jj));
            a4.StoreUnsafe(ref ra, (nuint)(4 * kp + jj));
            a5.StoreUnsafe(ref ra, (nuint)(5 * kp + jj));
            a6.StoreUnsafe(ref ra, (nuint)(6 * kp + jj));
            a7.StoreUnsafe(ref ra, (nuint)(7 * kp + jj));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Score256(int p, double[] ct, double[] cnorm, int kp, double[] m2x, double[] acc)
    {
        ref double rct = ref MemoryMarshal.GetArrayDataReference(ct);
        ref double rm = ref MemoryMarshal.GetArrayDataReference(m2x);
        ref double ra = ref MemoryMarshal.GetArrayDataReference(acc);
        for (int jj = 0; jj < kp; jj += 8)
        {
            var n0 = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(cnorm), (nuint)jj);
            var n1 = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(cnorm), (nuint)(jj + 4));
            Vector256<double> a00 = n0, a01 = n1, a10 = n0, a11 = n1, a20 = n0, a21 = n1, a30 = n0, a31 = n1;
            for (int f = 0; f < p; f++)
            {
                nuint off = (nuint)(f * kp + jj);
                var c0 = Vector256.LoadUnsafe(ref rct, off);
                var c1 = Vector256.LoadUnsafe(ref rct, off + 4);
                var b0 = Vector256.Create(Unsafe.Add(ref rm, f));
                var b1 = Vector256.Create(Unsafe.Add(ref rm, p + f));
                var b2 = Vector256.Create(Unsafe.Add(ref rm, 2 * p + f));
                var b3 = Vector256.Create(Unsafe.Add(ref rm, 3 * p + f));
                a00 = Vector256.FusedMultiplyAdd(b0, c0, a00);
                a01 = Vector256.FusedMultiplyAdd(b0, c1, a01);
                a10 = Vector256.FusedMultiplyAdd(b1, c0, a10);
                a11 = Vector256.FusedMultiplyAdd(b1, c1, a11);
                a20 = Vector256.FusedMultiplyAdd(b2, c0, a20);
                a21 = Vector256.FusedMultiplyAdd(b2, c1, a21);
                a30 = Vector256.FusedMultiplyAdd(b3, c0, a30);
                a31 = Vector256.FusedMultiplyAdd(b3, c1, a31);
            }
            a00.StoreUnsafe(ref ra, (nuint)jj);
            a01.StoreUnsafe(ref ra, (nuint)(jj + 4));
            a10.StoreUnsafe(ref ra, (nuint)(kp + jj));
            a11.StoreUnsafe(ref ra, (nuint)(kp + jj + 4));
            a20.StoreUnsafe(ref ra, (nuint)(2 * kp + jj));
            a21.StoreUnsafe(ref ra, (nuint)(2 * kp + jj + 4));
            a30.StoreUnsafe(ref ra, (nuint)(3 * kp + jj));
            a31.StoreUnsafe(ref ra, (nuint)(3 * kp + jj + 4));
        }
    }
}
