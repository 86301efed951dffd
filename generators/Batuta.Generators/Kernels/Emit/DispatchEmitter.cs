using Batuta.Generators.Kernels.Model;

namespace Batuta.Generators.Kernels.Emit;

/// <summary>
/// The operator's <c>Run</c> (spans) and <c>RunTensors</c> (tensors) that every entry point calls:
/// argument checks, the cost of the call, Batuta.Tensor's backend choice, then the GPU launcher or
/// the loop. Bit i of <c>spans</c> is set when argument i is an array; a broadcast scalar arrives as
/// a one-element span.
/// </summary>
internal static class DispatchEmitter
{
    public static string TensorReturn(KernelShape k)
    {
        string T(ScalarType t) => $"{Names.Tensor}<{t.Keyword()}>";
        if (k.IsReduction) return k.Result.Keyword();
        if (k.Outputs.Count == 1) return T(k.Result);
        return "(" + string.Join(", ", k.Outputs.Select((o, i) => T(o.Type) + " " + (o.Name ?? "Item" + KernelShape.Lit(i + 1)))) + ")";
    }

    private static string Checks => Names.Support + ".KernelChecks";

    public static void Emit(CodeWriter w, KernelShape k)
    {
        var names = k.Parameters.Select(p => p.Name).Concat(k.IsReduction ? [] : k.Destinations).Select(n => "\"" + n + "\"");
        w.Line($"private static readonly string[] s_names = {{ {string.Join(", ", names)} }};");
        w.Line();
        Run(w, k);
        w.Line();
        RunTensors(w, k);
    }

    private static void TypeParameters(CodeWriter w, KernelShape k)
    {
        w.Indent();
        for (int i = 0; i < k.Parameters.Count; i++)
            w.Line($"where {KernelShape.OperandKind(i)} : {Names.Support}.IKernelOperand<{k.Parameters[i].Type.Keyword()}>");
        w.Outdent();
    }

    private static string Generic(KernelShape k) => string.Join(", ", k.Parameters.Select((_, i) => KernelShape.OperandKind(i)));

    private static void Run(CodeWriter w, KernelShape k)
    {
        string name = $"\"{k.Name}\"";
        RunSignature(w, k);
        w.Open("");
        w.Line("int n = -1, first = 0;");
        for (int i = 0; i < k.Parameters.Count; i++)
            w.Line($"if ((spans & {KernelShape.Lit(1 << i)}) != 0) {Checks}.Length({name}, s_names, {KernelShape.Lit(i)}, {k.Ref(i)}.Length, ref n, ref first);");
        if (!k.IsReduction)
        {
            DestinationChecks(w, k, name);
            w.Line("if (n == 0) return;");
        }
        else
        {
            w.Line("if (n == 0) return Identity;");
        }

        Cost(w, k, name);
        w.Line($"var backend = {Names.Backends}.BackendSelector.Choose(in cost);");
        Launch(w, k);
        w.Close();
    }

    /// <summary>The doc comment, attributes and signature of <c>Run</c>: a span per argument, a span per output unless it reduces, and the array mask.</summary>
    private static void RunSignature(CodeWriter w, KernelShape k)
    {
        var parameters = k.Parameters.Select((p, i) => $"global::System.ReadOnlySpan<{p.Type.Keyword()}> {k.Ref(i)}").ToList();
        if (!k.IsReduction) parameters.AddRange(k.Outputs.Select((o, i) => $"global::System.Span<{o.Type.Keyword()}> {KernelShape.Out(i)}"));
        parameters.Add("int spans");
        w.Line("/// <summary>Checks the arguments, asks the backend selector and runs (bit i of <paramref name=\"spans\"/>: argument i is an array).</summary>");
        w.Line(Names.Hidden);
        w.Line($"internal static {(k.IsReduction ? k.Result.Keyword() : "void")} Run<{Generic(k)}>({string.Join(", ", parameters)})");
        TypeParameters(w, k);
    }

    /// <summary>Each output is long enough, does not partly overlap an array argument, and does not overlap another output.</summary>
    private static void DestinationChecks(CodeWriter w, KernelShape k, string name)
    {
        int p = k.Parameters.Count;
        for (int o = 0; o < k.Outputs.Count; o++)
        {
            string d = KernelShape.Out(o);
            w.Line($"if ({d}.Length < n) {Checks}.DestinationTooShort({name}, s_names[{KernelShape.Lit(p + o)}], {d}.Length, n);");
            for (int i = 0; i < p; i++)
                w.Line($"if ((spans & {KernelShape.Lit(1 << i)}) != 0) {Checks}.NoPartialOverlap({name}, {k.Ref(i)}, s_names[{KernelShape.Lit(i)}], {d}, s_names[{KernelShape.Lit(p + o)}]);");
            for (int o2 = o + 1; o2 < k.Outputs.Count; o2++)
                w.Line($"{Checks}.NoOverlap({name}, {d}, s_names[{KernelShape.Lit(p + o)}], {KernelShape.Out(o2)}, s_names[{KernelShape.Lit(p + o2)}]);");
        }
    }

    /// <summary>The <c>OperationCost</c> of the call: a broadcast scalar argument reads no bytes per element.</summary>
    private static void Cost(CodeWriter w, KernelShape k, string name)
    {
        string bytesIn = string.Join(" + ", k.Parameters.Select((p, i) => $"((spans & {KernelShape.Lit(1 << i)}) != 0 ? {KernelShape.Lit(p.Type.Size())} : 0)"));
        int bytesOut = k.Outputs.Sum(o => o.Type.Size());
        w.Open($"var cost = new {Names.Backends}.OperationCost");
        w.Line($"Operation = {name},");
        w.Line($"Kind = {Names.Backends}.OperationKind.{(k.IsReduction ? "Reduction" : "ElementWise")},");
        w.Line("Elements = n,");
        w.Line("Flops = n * FlopsPerElement,");
        w.Line($"BytesIn = (long)n * ({bytesIn}),");
        w.Line(k.IsReduction ? $"BytesOut = {KernelShape.Lit(bytesOut)}," : $"BytesOut = (long)n * {KernelShape.Lit(bytesOut)},");
        w.Line("Vectorizable = Vectorizable,");
        w.Line("HasGpuKernel = HasGpuKernel,");
        w.Close(";");
    }

    /// <summary>The GPU launcher when the selector chose the GPU and the kernel has one, else the CPU loop (scalar or at the active SIMD width).</summary>
    private static void Launch(CodeWriter w, KernelShape k)
    {
        string spans = string.Join(", ", k.Parameters.Select((_, i) => k.Ref(i)));
        string broadcast = $"~spans & {KernelShape.Lit((1 << k.Parameters.Count) - 1)}";
        string refs = string.Join(", ", k.Parameters.Select((_, i) => $"ref {Names.MemoryMarshal}.GetReference({k.Ref(i)})"));
        string bits = $"backend == {Names.Backends}.ComputeBackend.Scalar ? 0 : {Names.Backends}.SimdWidth.ActiveBits";
        if (k.IsReduction)
        {
            if (k.Gpu)
                w.Line($"if (backend == {Names.Backends}.ComputeBackend.Gpu && TryReduceGpu({spans}, n, {broadcast}, out var gpuResult)) return gpuResult;");
            w.Line($"return Reduce<{Generic(k)}>({refs}, (nuint)n, {bits});");
        }
        else
        {
            string outs = string.Join(", ", k.Outputs.Select((_, o) => KernelShape.Out(o)));
            if (k.Gpu)
                w.Line($"if (backend == {Names.Backends}.ComputeBackend.Gpu && TryRunGpu({spans}, {outs}, n, {broadcast})) return;");
            string outRefs = string.Join(", ", k.Outputs.Select((_, o) => $"ref {Names.MemoryMarshal}.GetReference({KernelShape.Out(o)})"));
            w.Line($"Apply<{Generic(k)}>({refs}, {outRefs}, (nuint)n, {bits});");
        }
    }

    private static void RunTensors(CodeWriter w, KernelShape k)
    {
        var parameters = k.Parameters.Select((p, i) => $"{Names.Support}.KernelArgument<{p.Type.Keyword()}> {k.Ref(i)}").ToList();
        parameters.Add("int spans");
        w.Line("/// <summary>The Tensor entry points: broadcasts the tensor arguments together, makes them dense, and runs <see cref=\"Run\"/>.</summary>");
        w.Line(Names.Hidden);
        w.Line($"internal static {TensorReturn(k)} RunTensors<{Generic(k)}>({string.Join(", ", parameters)})");
        TypeParameters(w, k);
        w.Open("");
        w.Line($"var shape = {Checks}.BroadcastShape(\"{k.Name}\", {string.Join(", ", k.Parameters.Select((_, i) => k.Ref(i) + ".Tensor?.Shape"))});");
        for (int i = 0; i < k.Parameters.Count; i++)
            w.Line($"using var t{i} = {k.Ref(i)}.Tensor is null ? null : {Checks}.Dense({k.Ref(i)}.Tensor, shape);");
        for (int i = 0; i < k.Parameters.Count; i++)
            w.Line($"var s{i} = t{i} is null ? {Names.MemoryMarshal}.CreateReadOnlySpan(in {k.Ref(i)}.Scalar, 1) : t{i}.AsReadOnlySpan();");
        string spans = string.Join(", ", k.Parameters.Select((_, i) => "s" + KernelShape.Lit(i)));
        if (k.IsReduction)
        {
            w.Line($"return Run<{Generic(k)}>({spans}, spans);");
            w.Close();
            return;
        }
        for (int o = 0; o < k.Outputs.Count; o++)
            w.Line($"var r{o} = {Names.Tensor}.Empty<{k.Outputs[o].Type.Keyword()}>(shape);");
        w.Open("try");
        w.Line($"Run<{Generic(k)}>({spans}, {string.Join(", ", k.Outputs.Select((_, o) => $"r{o}.AsSpan()"))}, spans);");
        w.Close();
        w.Open("catch");
        for (int o = 0; o < k.Outputs.Count; o++) w.Line($"r{o}.Dispose();");
        w.Line("throw;");
        w.Close();
        var results = k.Outputs.Select((_, o) => "r" + KernelShape.Lit(o)).ToList();
        w.Line(results.Count == 1 ? $"return {results[0]};" : $"return ({string.Join(", ", results)});");
        w.Close();
    }
}
