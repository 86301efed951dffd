using Batuta.Tensors;

namespace KernelsSample.Kernels;

/// <summary>Clamped activations of neural networks.</summary>
public static partial class Activations
{
    /// <summary>ReLU6: min(max(x, 0), 6).</summary>
    [Kernel]
    public static partial float Relu6(float x) => Math.Clamp(x, 0f, 6f);

    /// <summary>Hard swish (MobileNetV3): x · ReLU6(x + 3) / 6.</summary>
    [Kernel]
    public static partial float HardSwish(float x) => x * Relu6(x + 3f) * (1f / 6f);
}
