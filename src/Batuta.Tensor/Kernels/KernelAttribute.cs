namespace Batuta.Tensors;

/// <summary>
/// Marks a <c>static partial</c> method whose body is scalar element-wise math. The Batuta
/// generator emits, from it, an operator struct (scalar, Vector128/256/512 bodies) that runs
/// through <see cref="Primitives.SimdLoops"/>, span and <see cref="Tensor{T}"/> entry points, an ILGPU
/// kernel and a dispatch through <see cref="Backends.BackendSelector.Choose"/>.
/// </summary>
/// <example>
/// <code>
/// [Kernel] static partial float Saxpy(float a, float x, float y) => a * x + y;
/// [Kernel(Reduce = KernelReduction.Sum)] static partial float SquaredDistance(float x, float y) => (x - y) * (x - y);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class KernelAttribute : Attribute
{
    /// <summary>Fold the per-element results with this operator instead of writing them out.</summary>
    public KernelReduction Reduce { get; set; } = KernelReduction.None;

    /// <summary>
    /// Identity of the fold (a constant of the kernel's return type). Optional for the built-in
    /// folds (0 for Sum, 1 for Product, ∓∞ or the integer extremes for Max/Min); required for
    /// <see cref="KernelReduction.Custom"/>.
    /// </summary>
    public object? Identity { get; set; }

    /// <summary>For <see cref="KernelReduction.Custom"/>: the name of a [Kernel] method (T, T) → T that combines two partial results.</summary>
    public string? Combine { get; set; }

    /// <summary>Emit the ILGPU kernel and launcher (default true).</summary>
    public bool Gpu { get; set; } = true;

    /// <summary>Flops per element, for the backend selector's cost model (0: let the generator count them).</summary>
    public double FlopsPerElement { get; set; }
}

/// <summary>How a reduction kernel folds its per-element results.</summary>
public enum KernelReduction
{
    None = 0,
    Sum,
    Product,
    Min,
    Max,

    /// <summary>A user [Kernel] named by <see cref="KernelAttribute.Combine"/> with an explicit <see cref="KernelAttribute.Identity"/>.</summary>
    Custom,
}
