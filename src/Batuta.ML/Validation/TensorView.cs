using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Batuta.Tensors;

namespace Batuta.ML.Validation;

/// <summary>
/// Read-only access to a contiguous float64 tensor's own memory as <see cref="ReadOnlyMemory{T}"/>, so a fit
/// can read X (from several threads) without copying it. Batuta.Tensor keeps tensor data in pinned pooled
/// blocks (docs/tensor.md, "Memory and lifetime"), so the address is stable while the tensor is alive;
/// callers use the memory only during the call that received the tensor.
/// </summary>
internal static class TensorView
{
    /// <summary>The validated matrix (NaN/infinity refused with their location), without a copy when X is contiguous.</summary>
    public static (ReadOnlyMemory<double> Data, int Rows, int Cols) Matrix(Tensor<double> X, string estimator)
    {
        ArgumentNullException.ThrowIfNull(X, nameof(X));
        if (X.Rank != 2 || !X.IsContiguous || X.Shape[0] < 1 || X.Shape[1] < 1)
        {
            var m = Check.Matrix(X, estimator);
            return (m.Data, m.Rows, m.Cols);
        }
        Check.MatrixSpan(X, estimator, X.Shape[1], out int rows);
        return (Wrap(X), rows, X.Shape[1]);
    }

    private static unsafe ReadOnlyMemory<double> Wrap(Tensor<double> X)
    {
        var span = X.AsReadOnlySpan();
        var ptr = (double*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span));
        return new PinnedBlock(ptr, span.Length).Memory;
    }

    private sealed unsafe class PinnedBlock(double* pointer, int length) : MemoryManager<double>
    {
        public override Span<double> GetSpan() => new(pointer, length);

        public override MemoryHandle Pin(int elementIndex = 0) => new(pointer + elementIndex);

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
