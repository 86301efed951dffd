namespace Batuta.Analyzers.Tests.Infrastructure;

/// <summary>
/// Minimal types with the metadata names of Batuta.Tensor and ILGPU. The rules match by name, so they behave
/// the same against these as against the real libraries.
/// </summary>
internal static class StandIns
{
    public const string Tensors = """
        namespace Batuta.Tensors
        {
            public sealed class Tensor<TElement> : System.IDisposable
            {
                public int Rank => 0;
                public Tensor<TElement> T => this;
                public TElement this[int i] => default;
                public Tensor<TElement> MatMul(Tensor<TElement> other) => this;
                public Tensor<TElement> Add(Tensor<TElement> other) => this;
                public Tensor<TElement> Multiply(Tensor<TElement> other) => this;
                public Tensor<TElement> Transpose() => this;
                public Tensor<TElement> Reshape(params int[] shape) => this;
                public Tensor<TElement> AddInPlace(Tensor<TElement> other) => this;
                public static Tensor<TElement> operator +(Tensor<TElement> a, Tensor<TElement> b) => a;
                public static Tensor<TElement> operator *(Tensor<TElement> a, TElement b) => a;
                public void Dispose() { }
            }

            public static class Tensor
            {
                public static Tensor<float> Zeros(params int[] shape) => new Tensor<float>();
                public static Tensor<T> Zeros<T>(params int[] shape) => new Tensor<T>();
                public static Tensor<float> Ones(params int[] shape) => new Tensor<float>();
                public static Tensor<float> Eye(int n) => new Tensor<float>();
                public static Tensor<float> Full(float value, params int[] shape) => new Tensor<float>();
                public static Tensor<T> MatMul<T>(Tensor<T> a, Tensor<T> b) => a;
                public static Tensor<T> Add<T>(Tensor<T> a, Tensor<T> b) => a;
            }

            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class KernelAttribute : System.Attribute { }
        }
        """;

    public const string Ilgpu = """
        namespace ILGPU.Runtime
        {
            public abstract class MemoryBuffer : System.IDisposable { public void Dispose() { } }
            public sealed class MemoryBuffer1D<T, TStride> : MemoryBuffer where T : unmanaged { }
            public static class Stride1D { public struct Dense { } }
            public abstract class Accelerator
            {
                public MemoryBuffer1D<T, Stride1D.Dense> Allocate1D<T>(long length) where T : unmanaged => new MemoryBuffer1D<T, Stride1D.Dense>();
            }
        }
        """;
}
