using System.Globalization;
using Batuta.Generators.Kernels.Model;

namespace Batuta.Generators.Kernels.Emit;

/// <summary>Names and facts derived from a <see cref="KernelSignature"/> that every emitter uses.</summary>
internal sealed class KernelShape
{
    public KernelShape(KernelModel model, KernelSignature kernel, CompilationFacts facts)
    {
        Model = model;
        Kernel = kernel;
        Gpu = kernel.Gpu && facts.HasIlgpu;
        HasIlgpu = facts.HasIlgpu;
        var taken = new HashSet<string>(kernel.Parameters.Select(p => p.Name), StringComparer.Ordinal);
        var outputs = new List<string>();
        for (int i = 0; i < kernel.Outputs.Count; i++)
        {
            var o = kernel.Outputs[i];
            string name = kernel.Outputs.Count == 1 ? "destination"
                : o.Name is not null ? char.ToLowerInvariant(o.Name[0]) + o.Name.Substring(1) + "Destination"
                : "destination" + (i + 1).ToString(CultureInfo.InvariantCulture);
            while (!taken.Add(name)) name += "_";
            outputs.Add(name);
        }
        Destinations = outputs;
        int bits = kernel.Parameters[0].Type.Bits();
        UniformWidth = kernel.Parameters.All(p => p.Type.Bits() == bits) && kernel.Outputs.All(o => o.Type.Bits() == bits);
    }

    public KernelModel Model { get; }

    public KernelSignature Kernel { get; }

    public string Name => Model.Name;

    public string Operator => Kernel.OperatorName;

    public string Method => Kernel.QualifiedMethod;

    public string Access => Kernel.Accessibility;

    public IReadOnlyList<KernelParameter> Parameters => Kernel.Parameters;

    public IReadOnlyList<KernelOutput> Outputs => Kernel.Outputs;

    /// <summary>The destination span (or tensor) names, one per output.</summary>
    public IReadOnlyList<string> Destinations { get; }

    public bool IsReduction => Kernel.Reduction is not null;

    /// <summary>All parameters and results have one lane width, so vector Invoke overloads exist (exact or lane by lane).</summary>
    public bool UniformWidth { get; }

    public bool HasSimdBody => Kernel.Body is not null && UniformWidth;

    /// <summary>The ILGPU kernel is emitted: asked for, translatable and ILGPU is referenced.</summary>
    public bool Gpu { get; }

    /// <summary>ILGPU is referenced: the operator gets a GpuInvoke (the body the GPU kernels run), GPU kernel or not.</summary>
    public bool HasIlgpu { get; }

    /// <summary>The type whose vector lane count drives the loops.</summary>
    public ScalarType Lane => Parameters[0].Type;

    public ScalarType Result => Outputs[0].Type;

    public string ScalarReturn => Kernel.ReturnsTuple
        ? "(" + string.Join(", ", Outputs.Select((o, i) => o.Type.Keyword() + " " + (o.Name ?? "Item" + (i + 1).ToString(CultureInfo.InvariantCulture)))) + ")"
        : Result.Keyword();

    public string VectorReturn(int width) => Kernel.ReturnsTuple
        ? "(" + string.Join(", ", Outputs.Select((o, i) => Names.VectorOf(width, o.Type) + " " + (o.Name ?? "Item" + (i + 1).ToString(CultureInfo.InvariantCulture)))) + ")"
        : Names.VectorOf(width, Result);

    /// <summary>The operand-kind type parameter of parameter <paramref name="i"/> in the loops (span or broadcast scalar).</summary>
    public static string OperandKind(int i) => "T" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>The ref the loops read parameter <paramref name="i"/> through.</summary>
    public string Ref(int i) => "p" + i.ToString(CultureInfo.InvariantCulture);

    public static string Out(int k) => "d" + k.ToString(CultureInfo.InvariantCulture);

    public static string Lit(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Lit(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
