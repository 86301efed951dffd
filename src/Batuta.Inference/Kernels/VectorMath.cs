using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Batuta.Inference.Kernels;

/// <summary>Vector exp from Batuta.Tensor's primitives (range reduction + polynomial, at most 2 ulp), shared by softmax and SiLU.</summary>
internal static class VectorMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x) =>
#if BATUTA_NO_TENSOR
        Vector512.Exp(x);
#else
        Batuta.Tensors.Primitives.ExpPolynomial.Exp(x);
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Exp(float x) =>
#if BATUTA_NO_TENSOR
        MathF.Exp(x);
#else
        Batuta.Tensors.Primitives.ExpPolynomial.Exp(x);
#endif
}
