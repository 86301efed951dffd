namespace Batuta.Generators.Kernels.Model;

/// <summary>
/// Everything the emitter needs for one [Kernel] method, as plain equatable data (no symbols, no
/// syntax, no locations): equal models mean the generated source is reused as is.
/// </summary>
/// <param name="HintName">The generated file's name.</param>
/// <param name="Namespace">The containing namespace, or null for the global namespace.</param>
/// <param name="ContainingTypes">Outermost first, as <c>partial class Name</c> headers.</param>
/// <param name="Name">The method's name.</param>
/// <param name="DefiningDeclaration">The defining half of the partial method (the user writes the implementing half).</param>
/// <param name="Kernel">What to generate beyond the declaration; null when the kernel has errors.</param>
internal sealed record KernelModel(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string Name,
    string DefiningDeclaration,
    KernelSignature? Kernel);

/// <param name="Keyword">class, struct, record or record struct.</param>
internal sealed record ContainingType(string Keyword, string Name);

internal sealed record KernelParameter(string Name, ScalarType Type);

/// <param name="Name">The tuple element's name, or null (single results and unnamed elements).</param>
internal sealed record KernelOutput(string? Name, ScalarType Type);

/// <summary>A valid kernel's signature, its lowered body and the options of its [Kernel] attribute.</summary>
/// <param name="Accessibility">The accessibility the generated entry points and operator get (the method's own).</param>
/// <param name="OperatorName">The nested operator struct (SaxpyOperator; overloads get a type suffix).</param>
/// <param name="QualifiedMethod">The method, fully qualified (the scalar reference and the GPU kernel call it).</param>
/// <param name="ReturnsTuple">True when the method returns a tuple (one destination per element).</param>
/// <param name="Body">The lowered body, or null when the kernel runs scalar only.</param>
/// <param name="ScalarOnlyReason">Why there is no SIMD body (for the generated documentation).</param>
/// <param name="Gpu">Emit the ILGPU kernel and launcher.</param>
/// <param name="Callees">Operator structs of the [Kernel] methods the body calls: the kernel is vectorisable only if they are.</param>
internal sealed record KernelSignature(
    string Accessibility,
    string OperatorName,
    string QualifiedMethod,
    EquatableArray<KernelParameter> Parameters,
    EquatableArray<KernelOutput> Outputs,
    bool ReturnsTuple,
    KernelBody? Body,
    string? ScalarOnlyReason,
    bool Gpu,
    ReductionModel? Reduction,
    double FlopsPerElement,
    EquatableArray<string> Callees)
{
    /// <summary>32 or 64: the lane width of the SIMD body (all types of a vectorisable kernel share it).</summary>
    public int LaneBits => Parameters.Count > 0 ? Parameters[0].Type.Bits() : Outputs[0].Type.Bits();
}

internal enum ReductionKind
{
    Sum = 1,
    Product,
    Min,
    Max,
    Custom,
}

/// <param name="IdentityLiteral">The fold's identity as a C# literal of the kernel's return type.</param>
/// <param name="CombineOperator">For <see cref="ReductionKind.Custom"/>: the combining kernel's operator struct, fully qualified.</param>
/// <param name="CombineMethod">For <see cref="ReductionKind.Custom"/>: the combining kernel's method, fully qualified.</param>
internal sealed record ReductionModel(ReductionKind Kind, string IdentityLiteral, string? CombineOperator, string? CombineMethod);

/// <summary>Facts about the compilation the output depends on (kept apart so a kernel edit never recomputes them).</summary>
/// <param name="HasIlgpu">ILGPU is referenced, so GPU kernels can be emitted.</param>
internal sealed record CompilationFacts(bool HasIlgpu);
