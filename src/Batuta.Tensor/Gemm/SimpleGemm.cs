using Batuta.Tensors.Primitives;

namespace Batuta.Tensors.Gemm;

/// <summary>
/// The GEMM for what the packed kernel does not take: integers, small products (where packing costs
/// more than it saves) and the scalar reference. Row-by-row axpy: C[i,:] += A[i,p] · B[p,:], with
/// SIMD along the contiguous rows of B and C.
/// </summary>
internal static unsafe class SimpleGemm
{
    public static void Multiply<T>(int m, int n, int k, T* a, nint rsA, nint csA, T* b, nint rsB, nint csB, T* c, nint ldc, int bits, bool accumulate = false)
        where T : unmanaged, INumber<T>
    {
        for (int i = 0; i < m; i++)
        {
            T* crow = c + i * ldc;
            if (!accumulate) new Span<T>(crow, n).Clear();
            for (int p = 0; p < k; p++)
            {
                T aip = a[i * rsA + p * csA];
                T* brow = b + p * rsB;
                if (csB == 1 && bits > 0)
                {
                    SimdLoops.TernaryCore<T, Operators.MultiplyAddOperator<T>>(ref *brow, 1, ref aip, 0, ref *crow, 1, ref *crow, (nuint)n, bits);
                }
                else
                {
                    for (int j = 0; j < n; j++) crow[j] = SimdLoops.ScalarFma(brow[j * csB], aip, crow[j]);
                }
            }
        }
    }

    /// <summary>The reference: a plain triple loop with a dot product per output, in the element type.</summary>
    public static void Reference<T>(int m, int n, int k, T* a, nint rsA, nint csA, T* b, nint rsB, nint csB, T* c, nint ldc) where T : unmanaged, INumber<T>
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                T s = T.Zero;
                for (int p = 0; p < k; p++) s += a[i * rsA + p * csA] * b[p * rsB + j * csB];
                c[i * ldc + j] = s;
            }
    }
}
