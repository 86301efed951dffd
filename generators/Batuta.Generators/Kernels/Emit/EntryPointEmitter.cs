using Batuta.Generators.Kernels.Model;

namespace Batuta.Generators.Kernels.Emit;

/// <summary>
/// The public entry points, next to the kernel method: one span overload and one Tensor overload per
/// choice of which arguments are arrays and which are scalars broadcast to every element. Each
/// span overload checks its arguments, asks Batuta.Tensor's BackendSelector for a backend and runs
/// the GPU launcher or the operator's loop.
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
        foreach (int mask in masks)
        {
            w.Line();
            if (k.IsReduction) ReductionSpan(w, k, mask);
            else ElementWiseSpan(w, k, mask);
        }
        foreach (int mask in masks)
        {
            w.Line();
            TensorOverload(w, k, mask);
        }
    }

    private static bool IsSpan(int mask, int i) => (mask & (1 << i)) != 0;

    private static string SpanParameters(KernelShape k, int mask) =>
        string.Join(", ", k.Parameters.Select((p, i) => (IsSpan(mask, i) ? $"global::System.ReadOnlySpan<{p.Type.Keyword()}> " : p.Type.Keyword() + " ") + p.Name));

    private static string Formula(KernelShape k, int mask) =>
        $"{k.Name}({string.Join(", ", k.Parameters.Select((p, i) => IsSpan(mask, i) ? p.Name + "[i]" : p.Name))})";

    /// <summary>Length checks against the first array argument; returns its name.</summary>
    private static string Checks(CodeWriter w, KernelShape k, int mask)
    {
        int first = Enumerable.Range(0, k.Parameters.Count).First(i => IsSpan(mask, i));
        string f = k.Parameters[first].Name;
        w.Line($"int n_ = {f}.Length;");
        for (int i = first + 1; i < k.Parameters.Count; i++)
            if (IsSpan(mask, i))
                w.Line($"if ({k.Parameters[i].Name}.Length != n_) {Names.Support}.KernelChecks.LengthMismatch(\"{k.Name}\", \"{k.Parameters[i].Name}\", {k.Parameters[i].Name}.Length, \"{f}\", n_);");
        return f;
    }

    private static void Cost(CodeWriter w, KernelShape k, int mask, bool reduction)
    {
        int bytesIn = k.Parameters.Where((_, i) => IsSpan(mask, i)).Sum(p => p.Type.Size());
        int bytesOut = k.Outputs.Sum(o => o.Type.Size());
        w.Open($"var cost_ = new {Names.Backends}.OperationCost");
        w.Line($"Operation = \"{k.Name}\",");
        w.Line($"Kind = {Names.Backends}.OperationKind.{(reduction ? "Reduction" : "ElementWise")},");
        w.Line("Elements = n_,");
        w.Line($"Flops = n_ * {k.Operator}.FlopsPerElement,");
        w.Line($"BytesIn = (long)n_ * {KernelShape.Lit(bytesIn)},");
        w.Line(reduction ? $"BytesOut = {KernelShape.Lit(bytesOut)}," : $"BytesOut = (long)n_ * {KernelShape.Lit(bytesOut)},");
        w.Line($"Vectorizable = {k.Operator}.Vectorizable,");
        w.Line($"HasGpuKernel = {k.Operator}.HasGpuKernel,");
        w.Close(";");
        w.Line($"var backend_ = {Names.Backends}.BackendSelector.Choose(in cost_);");
    }

    private static string Bits => $"backend_ == {Names.Backends}.ComputeBackend.Scalar ? 0 : {Names.Backends}.SimdWidth.ActiveBits";

    private static string TypeArguments(KernelShape k, int mask) =>
        string.Join(", ", k.Parameters.Select((p, i) => $"{Names.Support}.{(IsSpan(mask, i) ? "KernelSpan" : "KernelScalar")}<{p.Type.Keyword()}>"));

    private static string Refs(KernelShape k, int mask) =>
        string.Join(", ", k.Parameters.Select((p, i) => IsSpan(mask, i) ? $"ref {Names.MemoryMarshal}.GetReference({p.Name})" : $"ref {p.Name}"));

    /// <summary>The operands as spans for the GPU launcher (a broadcast scalar is a one-element span) and the broadcast bit mask.</summary>
    private static string GpuOperands(KernelShape k, int mask) =>
        string.Join(", ", k.Parameters.Select((p, i) => IsSpan(mask, i) ? p.Name : $"{Names.MemoryMarshal}.CreateReadOnlySpan(ref {p.Name}, 1)"));

    private static string BroadcastMask(KernelShape k, int mask) => KernelShape.Lit(((1 << k.Parameters.Count) - 1) & ~mask);

    private static void ElementWiseSpan(CodeWriter w, KernelShape k, int mask)
    {
        string dests = string.Join(", ", k.Destinations.Select((d, o) => $"global::System.Span<{k.Outputs[o].Type.Keyword()}> {d}"));
        w.Line("/// <summary>");
        if (k.Outputs.Count == 1) w.Line($"/// <c>{k.Destinations[0]}[i] = {Formula(k, mask)}</c> for every i: the kernel over arrays, scalar arguments broadcast.");
        else w.Line($"/// <c>({string.Join(", ", k.Destinations.Select(d => d + "[i]"))}) = {Formula(k, mask)}</c> for every i: the kernel over arrays, scalar arguments broadcast.");
        w.Line("/// Runs on the backend Batuta.Tensor's BackendSelector picks (scalar, SIMD or GPU).");
        w.Line("/// </summary>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">The arrays differ in length, a destination is shorter, or a destination partly overlaps an input.</exception>");
        w.Open($"{k.Access} static void {k.Name}({SpanParameters(k, mask)}, {dests})");
        Checks(w, k, mask);
        foreach (var d in k.Destinations)
            w.Line($"if ({d}.Length < n_) {Names.Support}.KernelChecks.DestinationTooShort(\"{k.Name}\", \"{d}\", {d}.Length, n_);");
        foreach (var d in k.Destinations)
            for (int i = 0; i < k.Parameters.Count; i++)
                if (IsSpan(mask, i))
                    w.Line($"{Names.Support}.KernelChecks.NoPartialOverlap(\"{k.Name}\", {k.Parameters[i].Name}, \"{k.Parameters[i].Name}\", {d}, \"{d}\");");
        for (int a = 0; a < k.Destinations.Count; a++)
            for (int b = a + 1; b < k.Destinations.Count; b++)
                w.Line($"{Names.Support}.KernelChecks.NoOverlap(\"{k.Name}\", {k.Destinations[a]}, \"{k.Destinations[a]}\", {k.Destinations[b]}, \"{k.Destinations[b]}\");");
        w.Line("if (n_ == 0) return;");
        Cost(w, k, mask, reduction: false);
        if (k.Gpu)
            w.Line($"if (backend_ == {Names.Backends}.ComputeBackend.Gpu && {k.Operator}.TryRunGpu({GpuOperands(k, mask)}, {string.Join(", ", k.Destinations)}, n_, {BroadcastMask(k, mask)})) return;");
        string outs = string.Join(", ", k.Destinations.Select(d => $"ref {Names.MemoryMarshal}.GetReference({d})"));
        w.Line($"{k.Operator}.Apply<{TypeArguments(k, mask)}>({Refs(k, mask)}, {outs}, (nuint)n_, {Bits});");
        w.Close();
    }

    private static void ReductionSpan(CodeWriter w, KernelShape k, int mask)
    {
        var r = k.Kernel.Reduction!;
        string t = k.Result.Keyword();
        w.Line("/// <summary>");
        w.Line($"/// Folds <c>{Formula(k, mask)}</c> over every i with {Describe(r)}: the reduction over arrays, scalar arguments broadcast.");
        w.Line("/// Runs on the backend Batuta.Tensor's BackendSelector picks (scalar, SIMD or GPU). Empty arrays give the identity.");
        w.Line("/// </summary>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">The arrays differ in length.</exception>");
        w.Open($"{k.Access} static {t} {k.Name}({SpanParameters(k, mask)})");
        Checks(w, k, mask);
        w.Line($"if (n_ == 0) return {k.Operator}.Identity;");
        Cost(w, k, mask, reduction: true);
        if (k.Gpu)
            w.Line($"if (backend_ == {Names.Backends}.ComputeBackend.Gpu && {k.Operator}.TryReduceGpu({GpuOperands(k, mask)}, n_, {BroadcastMask(k, mask)}, out var gpuResult_)) return gpuResult_;");
        w.Line($"return {k.Operator}.Reduce<{TypeArguments(k, mask)}>({Refs(k, mask)}, (nuint)n_, {Bits});");
        w.Close();
    }

    private static string Describe(ReductionModel r) => r.Kind switch
    {
        ReductionKind.Sum => "+ (identity 0)",
        ReductionKind.Product => "* (identity 1)",
        ReductionKind.Min => "min",
        ReductionKind.Max => "max",
        _ => $"<c>{r.CombineMethod?.Replace("global::", "")}</c> (identity {r.IdentityLiteral})",
    };

    private static void TensorOverload(CodeWriter w, KernelShape k, int mask)
    {
        string T(ScalarType t) => $"{Names.Tensor}<{t.Keyword()}>";
        var parameters = string.Join(", ", k.Parameters.Select((p, i) => (IsSpan(mask, i) ? T(p.Type) : p.Type.Keyword()) + " " + p.Name));
        var tensors = Enumerable.Range(0, k.Parameters.Count).Where(i => IsSpan(mask, i)).ToList();
        string returnType = k.IsReduction ? k.Result.Keyword()
            : k.Outputs.Count == 1 ? T(k.Result)
            : "(" + string.Join(", ", k.Outputs.Select((o, i) => T(o.Type) + " " + (o.Name ?? "Item" + (i + 1)))) + ")";

        w.Line("/// <summary>");
        w.Line(k.IsReduction
            ? $"/// Folds <c>{Formula(k, mask)}</c> over every element of the tensors, broadcast together numpy-style (scalars broadcast too)."
            : $"/// <c>{Formula(k, mask)}</c> for every element of the tensors, broadcast together numpy-style (scalars broadcast too); returns new tensors.");
        w.Line("/// </summary>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">The shapes do not broadcast together.</exception>");
        w.Open($"{k.Access} static {returnType} {k.Name}({parameters})");
        w.Line($"var shape_ = {Names.Support}.KernelChecks.BroadcastShape(\"{k.Name}\", {string.Join(", ", tensors.Select(i => k.Parameters[i].Name + ".Shape"))});");
        foreach (int i in tensors)
            w.Line($"using var {k.Parameters[i].Name}Dense = {Names.Support}.KernelChecks.Dense({k.Parameters[i].Name}, shape_);");
        string args = string.Join(", ", k.Parameters.Select((p, i) => IsSpan(mask, i) ? p.Name + "Dense.AsReadOnlySpan()" : p.Name));
        if (k.IsReduction)
        {
            w.Line($"return {k.Name}({args});");
            w.Close();
            return;
        }
        var results = k.Destinations.Select(d => d + "Tensor").ToList();
        for (int o = 0; o < results.Count; o++)
            w.Line($"var {results[o]} = {Names.Tensor}.Empty<{k.Outputs[o].Type.Keyword()}>(shape_);");
        w.Open("try");
        w.Line($"{k.Name}({args}, {string.Join(", ", results.Select(r => r + ".AsSpan()"))});");
        w.Close();
        w.Open("catch");
        foreach (var r in results) w.Line($"{r}.Dispose();");
        w.Line("throw;");
        w.Close();
        w.Line(results.Count == 1 ? $"return {results[0]};" : $"return ({string.Join(", ", results)});");
        w.Close();
    }
}
