using Microsoft.CodeAnalysis;

namespace Batuta.Analyzers.Infrastructure;

/// <summary>
/// The Batuta.Tensor and ILGPU types the tensor rules know, looked up once per compilation by metadata name,
/// so the rules work against the real libraries and against stand-ins with the same names.
/// </summary>
internal sealed class TensorSymbols
{
    public const string TensorNamespace = "Batuta.Tensors";

    private TensorSymbols(Compilation compilation)
    {
        GenericTensor = compilation.GetTypeByMetadataName(TensorNamespace + ".Tensor`1");
        TensorFactory = compilation.GetTypeByMetadataName(TensorNamespace + ".Tensor");
        KernelAttribute = compilation.GetTypeByMetadataName(TensorNamespace + ".KernelAttribute");
        MemoryBuffer = compilation.GetTypeByMetadataName("ILGPU.Runtime.MemoryBuffer");
        Disposable = compilation.GetSpecialType(SpecialType.System_IDisposable);
    }

    public INamedTypeSymbol? GenericTensor { get; }
    public INamedTypeSymbol? TensorFactory { get; }
    public INamedTypeSymbol? KernelAttribute { get; }
    public INamedTypeSymbol? MemoryBuffer { get; }
    public INamedTypeSymbol Disposable { get; }

    public bool HasTensors => GenericTensor is not null || TensorFactory is not null;

    public static TensorSymbols Create(Compilation compilation) => new(compilation);

    public bool IsTensor(ITypeSymbol? type)
        => type is INamedTypeSymbol named && GenericTensor is not null && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, GenericTensor);

    /// <summary>A Batuta tensor or an ILGPU device buffer that owns memory (it implements IDisposable).</summary>
    public bool IsOwnedResource(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named) return false;
        bool candidate = IsTensor(named) || IsDeviceBuffer(named);
        return candidate && (SymbolEqualityComparer.Default.Equals(named, Disposable)
            || named.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, Disposable)));
    }

    private bool IsDeviceBuffer(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.BaseType)
        {
            if (MemoryBuffer is not null && SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, MemoryBuffer)) return true;
            if (t.Name.StartsWith("MemoryBuffer", StringComparison.Ordinal) && t.ContainingNamespace?.ToDisplayString() == "ILGPU.Runtime") return true;
        }
        return false;
    }

    /// <summary>True when a method belongs to the tensor API: Tensor, Tensor&lt;T&gt; or an extension class in its namespace.</summary>
    public bool IsTensorApi(IMethodSymbol method)
    {
        var declaring = (method.ReducedFrom ?? method).ContainingType;
        return declaring is not null && declaring.ContainingNamespace?.ToDisplayString() == TensorNamespace;
    }
}
