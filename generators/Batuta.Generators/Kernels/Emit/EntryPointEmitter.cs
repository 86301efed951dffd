using Batuta.Generators.Kernels.Model;

namespace Batuta.Generators.Kernels.Emit;

/// <summary>
/// The public entry points, next to the kernel method: one span overload and one Tensor overload per
/// choice of which arguments are arrays and which are scalars broadcast to every element. Each is a
/// one-line call into the operator's <c>Run</c>/<c>RunTensors</c> (see <see cref="DispatchEmitter"/>),
/// generic over the arguments' kinds so the JIT compiles one branch-free loop per choice.
/// </summary>
internal static class EntryPointEmitter
{
    /// <summary>Above this many parameters only the all-array overloads are generated (2^n overloads would follow).</summary>
    public const int MaxBroadcastParameters = 5;

    public static void Emit(CodeWriter w, KernelShape k)
    {
        int n = k.Parameters.Count;
        int all = (1 << n) - 1;
        var masks = n <= MaxBroadcastParameters ? Enumerable.Range(1, all).Reverse().ToList() : [all];
        foreach (int mask in masks) Span(w, k, mask);
        foreach (int mask in masks) Tensor(w, k, mask);
    }

    public static bool IsSpan(int mask, int i) => (mask & (1 << i)) != 0;

    private static string Formula(KernelShape k, int mask) =>
        $"{k.Name}({string.Join(", ", k.Parameters.Select((p, i) => IsSpan(mask, i) ? p.Name + "[i]" : p.Name))})";

    public static string TypeArguments(KernelShape k, int mask) =>
        string.Join(", ", k.Parameters.Select((p, i) => $"{Names.Support}.{(IsSpan(mask, i) ? "KernelSpan" : "KernelScalar")}<{p.Type.Keyword()}>"));

    private static void Span(CodeWriter w, KernelShape k, int mask)
    {
        var parameters = k.Parameters.Select((p, i) => (IsSpan(mask, i) ? $"global::System.ReadOnlySpan<{p.Type.Keyword()}> " : p.Type.Keyword() + " ") + p.Name).ToList();
        var arguments = k.Parameters.Select((p, i) => IsSpan(mask, i) ? p.Name : $"{Names.MemoryMarshal}.CreateReadOnlySpan(ref {p.Name}, 1)").ToList();
        string lit = KernelShape.Lit(mask);
        w.Line();
        if (k.IsReduction)
        {
            w.Line($"/// <summary>Folds <c>{Formula(k, mask)}</c> over every i ({Describe(k.Kernel.Reduction.OrThrow())}); scalar arguments are broadcast. Runs where Batuta.Tensor's BackendSelector says.</summary>");
            w.Line($"{k.Access} static {k.Result.Keyword()} {k.Name}({string.Join(", ", parameters)}) =>");
            w.Line($"    {k.Operator}.Run<{TypeArguments(k, mask)}>({string.Join(", ", arguments)}, {lit});");
            return;
        }
        parameters.AddRange(k.Destinations.Select((d, o) => $"global::System.Span<{k.Outputs[o].Type.Keyword()}> {d}"));
        arguments.AddRange(k.Destinations);
        string targets = k.Outputs.Count == 1 ? k.Destinations[0] + "[i]" : "(" + string.Join(", ", k.Destinations.Select(d => d + "[i]")) + ")";
        w.Line($"/// <summary><c>{targets} = {Formula(k, mask)}</c> for every i; scalar arguments are broadcast. Runs where Batuta.Tensor's BackendSelector says.</summary>");
        w.Line($"{k.Access} static void {k.Name}({string.Join(", ", parameters)}) =>");
        w.Line($"    {k.Operator}.Run<{TypeArguments(k, mask)}>({string.Join(", ", arguments)}, {lit});");
    }

    private static void Tensor(CodeWriter w, KernelShape k, int mask)
    {
        string T(ScalarType t) => $"{Names.Tensor}<{t.Keyword()}>";
        var parameters = k.Parameters.Select((p, i) => (IsSpan(mask, i) ? T(p.Type) : p.Type.Keyword()) + " " + p.Name);
        w.Line();
        w.Line(k.IsReduction
            ? $"/// <summary>Folds <c>{Formula(k, mask)}</c> over the tensors broadcast together numpy-style (scalars too).</summary>"
            : $"/// <summary><c>{Formula(k, mask)}</c> over the tensors broadcast together numpy-style (scalars too), into new tensors.</summary>");
        w.Line($"{k.Access} static {DispatchEmitter.TensorReturn(k)} {k.Name}({string.Join(", ", parameters)}) =>");
        w.Line($"    {k.Operator}.RunTensors<{TypeArguments(k, mask)}>({string.Join(", ", k.Parameters.Select(p => p.Name))}, {KernelShape.Lit(mask)});");
    }

    public static string Describe(ReductionModel r) => r.Kind switch
    {
        ReductionKind.Sum => "with +",
        ReductionKind.Product => "with *",
        ReductionKind.Min => "with min",
        ReductionKind.Max => "with max",
        _ => $"with {r.CombineMethod?.Replace("global::", "")}",
    };
}
