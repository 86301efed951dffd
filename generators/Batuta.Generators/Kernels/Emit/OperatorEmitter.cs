using System.Globalization;
using Batuta.Generators.Kernels.Model;

namespace Batuta.Generators.Kernels.Emit;

/// <summary>
/// The operator struct: the scalar Invoke (the user's method), one Invoke per vector width (the
/// lowered body, or lane by lane when there is no SIMD body) and, for reductions, the fold.
/// It implements Batuta.Tensor's IUnary/IBinary/ITernaryOperator when the shape fits, so the
/// kernel also plugs into Batuta.Tensor's own loops.
/// </summary>
internal static class OperatorEmitter
{
    private static readonly int[] Widths = [128, 256, 512];

    public static void Emit(CodeWriter w, KernelShape k)
    {
        Header(w, k);
        Capabilities(w, k);

        w.Line("/// <summary>One element: the kernel method itself.</summary>");
        w.Line(Names.Inline);
        string scalarParams = string.Join(", ", k.Parameters.Select(p => p.Type.Keyword() + " " + p.Name));
        w.Line($"public static {k.ScalarReturn} Invoke({scalarParams}) => {k.Method}({string.Join(", ", k.Parameters.Select(p => p.Name))});");

        if (k.UniformWidth)
        {
            foreach (int width in Widths)
            {
                w.Line();
                VectorInvoke(w, k, width);
            }
        }

        if (k.Kernel.Reduction is { } reduction)
        {
            w.Line();
            Fold(w, k, reduction);
        }
        w.Line();
        DispatchEmitter.Emit(w, k);
        w.Line();
        LoopEmitter.Emit(w, k);
        GpuParts(w, k);
        w.Close();
    }

    /// <summary>The struct's doc comment (saying why it is not vectorised, if so), its attribute, and its opening line.</summary>
    private static void Header(CodeWriter w, KernelShape k)
    {
        w.Line("/// <summary>");
        w.Line($"/// The operator of [Kernel] <see cref=\"{k.Name}({string.Join(", ", k.Parameters.Select(p => p.Type.Keyword()))})\"/>: a scalar body and one body per vector width.");
        if (k.HasSimdBody) w.Line("/// The vector bodies are the kernel's own arithmetic on Vector128/256/512 lanes.");
        else w.Line("/// Not vectorised: " + Xml(k.Kernel.ScalarOnlyReason ?? "the parameter and result types have different lane widths") + ".");
        w.Line("/// </summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Batuta.Generators\", \"0.1.0\")]");
        w.Open($"{k.Access} readonly struct {k.Operator}{Interface(k)}");
    }

    /// <summary>Vectorizable, HasGpuKernel and FlopsPerElement: what the backend selector reads.</summary>
    private static void Capabilities(CodeWriter w, KernelShape k)
    {
        w.Line("/// <summary>True when the vector bodies are an exact translation of the scalar body (the loops use them).</summary>");
        w.Line($"public static bool Vectorizable => {Vectorizable(k)};");
        w.Line();
        w.Line("/// <summary>True when an ILGPU kernel was generated for this kernel.</summary>");
        w.Line($"public static bool HasGpuKernel => {HasGpuKernel(k)};");
        w.Line();
        w.Line("/// <summary>Arithmetic per element, for the backend selector's cost model.</summary>");
        w.Line($"public const double FlopsPerElement = {KernelShape.Lit(k.Kernel.FlopsPerElement)};");
        w.Line();
    }

    /// <summary>A SIMD body, and every kernel it calls (and a custom fold's operator) vectorizable too.</summary>
    private static string Vectorizable(KernelShape k)
    {
        string vectorizable = k.HasSimdBody ? "true" : "false";
        if (k.HasSimdBody)
        {
            foreach (var callee in k.Kernel.Callees) vectorizable += $" && {callee}.Vectorizable";
            if (k.Kernel.Reduction?.CombineOperator is { } combine) vectorizable += $" && {combine}.Vectorizable";
        }
        return vectorizable;
    }

    /// <summary>A GPU kernel of its own, and every kernel its body calls has one too.</summary>
    private static string HasGpuKernel(KernelShape k)
    {
        string hasGpu = k.Gpu ? "true" : "false";
        if (k.Gpu && k.Kernel.Body is not null)
            foreach (var callee in k.Kernel.Callees) hasGpu += $" && {callee}.HasGpuKernel";
        return hasGpu;
    }

    /// <summary>The ILGPU device body, and the GPU launcher when the kernel runs on the GPU itself.</summary>
    private static void GpuParts(CodeWriter w, KernelShape k)
    {
        if (k.HasIlgpu)
        {
            // Also without a GPU kernel of its own: a caller's GPU kernel may call this one.
            w.Line();
            GpuBodyEmitter.Emit(w, k);
        }
        if (k.Gpu)
        {
            w.Line();
            GpuEmitter.Emit(w, k);
        }
    }

    private static string Interface(KernelShape k)
    {
        if (!k.UniformWidth || k.Kernel.ReturnsTuple || k.Parameters.Count > 3) return "";
        var t = k.Result;
        if (k.Parameters.Any(p => p.Type != t)) return "";
        string name = k.Parameters.Count switch { 1 => "IUnaryOperator", 2 => "IBinaryOperator", _ => "ITernaryOperator" };
        return $" : global::Batuta.Tensors.Operators.{name}<{t.Keyword()}>";
    }

    private static void VectorInvoke(CodeWriter w, KernelShape k, int width)
    {
        string parameters = string.Join(", ", k.Parameters.Select(p => Names.VectorOf(width, p.Type) + " " + p.Name));
        w.Line($"/// <summary>{Names.Vector(width).Substring(Names.Intrinsics.Length + 1)} lanes{(k.HasSimdBody ? "" : ", one at a time through the scalar body")}.</summary>");
        w.Line(Names.Inline);
        w.Open($"public static {k.VectorReturn(width)} Invoke({parameters})");
        if (k.HasSimdBody) SimdBody(w, k, width);
        else LaneByLane(w, k, width);
        w.Close();
    }

    private static void SimdBody(CodeWriter w, KernelShape k, int width)
    {
        var body = k.Kernel.Body.OrThrow();
        var letNames = new Dictionary<int, string>();
        foreach (var let in body.Lets) letNames[let.Id] = LetName(let);
        var e = new VectorEmitter(width, k.Kernel.LaneBits, k.Parameters.Select(p => p.Name).ToList(), letNames);
        foreach (var let in body.Lets) w.Line($"var {letNames[let.Id]} = {e.Emit(let.Value)};");
        w.Line(body.Results.Count == 1 ? $"return {e.Emit(body.Results[0])};" : $"return ({string.Join(", ", body.Results.Select(e.Emit))});");
    }

    public static string LetName(Let let)
    {
        var sb = new StringBuilder("v").Append(let.Id.ToString(CultureInfo.InvariantCulture)).Append('_');
        foreach (char c in let.Name) sb.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        return sb.ToString();
    }

    private static void LaneByLane(CodeWriter w, KernelShape k, int width)
    {
        string count = Names.VectorOf(width, k.Lane) + ".Count";
        for (int o = 0; o < k.Outputs.Count; o++)
            w.Line($"global::System.Span<{k.Outputs[o].Type.Keyword()}> lanes{o}_ = stackalloc {k.Outputs[o].Type.Keyword()}[{count}];");
        w.Open($"for (int i_ = 0; i_ < {count}; i_++)");
        string call = $"Invoke({string.Join(", ", k.Parameters.Select(p => p.Name + "[i_]"))})";
        if (k.Outputs.Count == 1) w.Line($"lanes0_[i_] = {call};");
        else
        {
            w.Line($"var r_ = {call};");
            for (int o = 0; o < k.Outputs.Count; o++) w.Line($"lanes{o}_[i_] = r_.Item{o + 1};");
        }
        w.Close();
        var results = k.Outputs.Select((o, i) => $"{Names.Vector(width)}.Create<{o.Type.Keyword()}>(lanes{i}_)").ToList();
        w.Line(results.Count == 1 ? $"return {results[0]};" : $"return ({string.Join(", ", results)});");
    }

    /// <summary>The fold of a reduction: its identity, how two partial results combine, and how one vector folds to a scalar.</summary>
    private static void Fold(CodeWriter w, KernelShape k, ReductionModel r)
    {
        var t = k.Result;
        string tk = t.Keyword();
        w.Line("/// <summary>The identity of the fold.</summary>");
        w.Line($"public const {tk} Identity = {r.IdentityLiteral};");
        w.Line();
        w.Line("/// <summary>Combines two partial results.</summary>");
        w.Line(Names.Inline);
        w.Line($"public static {tk} Combine({tk} x, {tk} y) => {ScalarCombine(r, "x", "y")};");
        foreach (int width in Widths)
        {
            string vt = Names.VectorOf(width, t), v = Names.Vector(width);
            w.Line();
            w.Line(Names.Inline);
            w.Line($"public static {vt} Combine({vt} x, {vt} y) => {VectorCombine(r, v, "x", "y")};");
            w.Line();
            w.Line($"/// <summary>Folds the lanes of one vector.</summary>");
            if (r.Kind == ReductionKind.Sum)
            {
                w.Line($"public static {tk} Fold({vt} x) => {v}.Sum(x);");
                continue;
            }
            w.Open($"public static {tk} Fold({vt} x)");
            w.Line($"{tk} result = x[0];");
            w.Line($"for (int i = 1; i < {vt}.Count; i++) result = Combine(result, x[i]);");
            w.Line("return result;");
            w.Close();
        }
    }

    public static string ScalarCombine(ReductionModel r, string a, string b) => r.Kind switch
    {
        ReductionKind.Sum => $"{a} + {b}",
        ReductionKind.Product => $"{a} * {b}",
        ReductionKind.Min => $"global::System.Math.Min({a}, {b})",
        ReductionKind.Max => $"global::System.Math.Max({a}, {b})",
        _ => $"{r.CombineMethod}({a}, {b})",
    };

    private static string VectorCombine(ReductionModel r, string v, string a, string b) => r.Kind switch
    {
        ReductionKind.Sum => $"{a} + {b}",
        ReductionKind.Product => $"{a} * {b}",
        ReductionKind.Min => $"{v}.Min({a}, {b})",
        ReductionKind.Max => $"{v}.Max({a}, {b})",
        _ => $"{r.CombineOperator}.Invoke({a}, {b})",
    };

    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
