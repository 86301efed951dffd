using Batuta.Generators.Kernels.Model;

namespace Batuta.Generators.Kernels.Emit;

/// <summary>
/// The loops over spans, generic over each operand's kind (a span, or a scalar broadcast to every
/// lane) so the JIT compiles one branch-free loop per combination. Element-wise loops use the widest
/// allowed vector, unrolled, and finish with one overlapping vector computed before any store
/// (so destination == input works); reductions keep several accumulators and mask the last vector.
/// </summary>
internal static class LoopEmitter
{
    public static void Emit(CodeWriter w, KernelShape k)
    {
        if (k.IsReduction) Reduce(w, k);
        else Apply(w, k);
    }

    private static string Signature(KernelShape k, string returnType, string name, bool destinations)
    {
        var parameters = new List<string>();
        for (int i = 0; i < k.Parameters.Count; i++) parameters.Add($"ref {k.Parameters[i].Type.Keyword()} {k.Ref(i)}");
        if (destinations)
            for (int o = 0; o < k.Outputs.Count; o++) parameters.Add($"ref {k.Outputs[o].Type.Keyword()} {KernelShape.Out(o)}");
        parameters.Add("nuint n");
        parameters.Add("int bits");
        string typeParams = string.Join(", ", k.Parameters.Select((_, i) => KernelShape.OperandKind(i)));
        return $"internal static {returnType} {name}<{typeParams}>({string.Join(", ", parameters)})";
    }

    private static void Constraints(CodeWriter w, KernelShape k)
    {
        w.Indent();
        for (int i = 0; i < k.Parameters.Count; i++)
            w.Line($"where {KernelShape.OperandKind(i)} : {Names.Support}.IKernelOperand<{k.Parameters[i].Type.Keyword()}>");
        w.Outdent();
    }

    private static string Loads(KernelShape k, int width, string index)
    {
        string suffix = width == 0 ? "" : KernelShape.Lit(width);
        return string.Join(", ", k.Parameters.Select((_, i) => $"{KernelShape.OperandKind(i)}.Load{suffix}(ref {k.Ref(i)}, {index})"));
    }

    /// <summary>4 vectors per iteration for small bodies, 2 for medium ones, 1 for big ones (registers run out).</summary>
    private static int Unroll(KernelShape k, int width)
    {
        int size = k.Kernel.Body is null ? 1000 : Size(k.Kernel.Body);
        if (width == 128) return size <= 24 ? 2 : 1;
        return size <= 12 ? 4 : size <= 40 ? 2 : 1;
    }

    private static int Size(KernelBody body) => body.Lets.Sum(l => Size(l.Value)) + body.Results.Sum(Size);

    private static int Size(Expr e) => e switch
    {
        UnaryExpr u => 1 + Size(u.Operand),
        BinaryExpr b => 1 + Size(b.Left) + Size(b.Right),
        CompareExpr c => 1 + Size(c.Left) + Size(c.Right),
        SelectExpr s => 1 + Size(s.Condition) + Size(s.WhenTrue) + Size(s.WhenFalse),
        ConvertExpr c => 1 + Size(c.Operand),
        MathExpr m => MathCost(m.Function) + m.Arguments.Sum(Size),
        KernelCallExpr c => 20 + c.Arguments.Sum(Size),
        _ => 0,
    };

    /// <summary>Transcendental functions cost about ten times a simple one.</summary>
    private static int MathCost(MathFunction f) =>
        f is MathFunction.Exp or MathFunction.Log or MathFunction.Log2 or MathFunction.Sin or MathFunction.Cos or MathFunction.Tanh ? 20 : 2;

    private static void Store(CodeWriter w, KernelShape k, int width, string value, string index)
    {
        string v = Names.Vector(width);
        if (k.Outputs.Count == 1)
        {
            w.Line($"{v}.StoreUnsafe({value}, ref {KernelShape.Out(0)}, {index});");
            return;
        }
        for (int o = 0; o < k.Outputs.Count; o++) w.Line($"{v}.StoreUnsafe({value}.Item{o + 1}, ref {KernelShape.Out(o)}, {index});");
    }

    private static void Apply(CodeWriter w, KernelShape k)
    {
        w.Line("/// <summary>The element-wise loop: <c>d[i] = Invoke(p0[i], p1[i], ...)</c> over <paramref name=\"n\"/> elements, at most <paramref name=\"bits\"/> wide (0: scalar).</summary>");
        w.Line(Names.Hidden);
        w.Line(Signature(k, "void", "Apply", destinations: true));
        Constraints(w, k);
        w.Open("");
        if (k.UniformWidth)
        {
            w.Open("if (Vectorizable)");
            foreach (int width in new[] { 512, 256, 128 }) ApplyWidth(w, k, width);
            w.Close();
        }
        w.Open("for (nuint i = 0; i < n; i++)");
        string call = $"Invoke({Loads(k, 0, "i")})";
        if (k.Outputs.Count == 1) w.Line($"{Names.Unsafe}.Add(ref {KernelShape.Out(0)}, i) = {call};");
        else
        {
            w.Line($"var r = {call};");
            for (int o = 0; o < k.Outputs.Count; o++) w.Line($"{Names.Unsafe}.Add(ref {KernelShape.Out(o)}, i) = r.Item{o + 1};");
        }
        w.Close();
        w.Close();
    }

    private static void ApplyWidth(CodeWriter w, KernelShape k, int width)
    {
        string v = Names.Vector(width);
        string count = $"(nuint){Names.VectorOf(width, k.Lane)}.Count";
        int unroll = Unroll(k, width);
        w.Open($"if (bits >= {width} && {v}.IsHardwareAccelerated && n >= {count})");
        w.Line($"nuint w = {count};");
        w.Line($"var last = Invoke({Loads(k, width, "n - w")});");
        // A store that straddles two cache lines costs two: the main loop starts where the (first)
        // destination is vector-aligned. The head vector is computed before any store and stored
        // after the loop (so in-place calls stay correct). Alignment is only a speed hint here:
        // the stores stay unaligned-safe, so a GC move mid-loop costs nothing but speed.
        int bytes = width / 8;
        w.Line($"nuint head = ((nuint)(-{Names.Unsafe}.ByteOffset(ref {Names.Unsafe}.NullRef<{k.Outputs[0].Type.Keyword()}>(), ref {KernelShape.Out(0)})) & {bytes - 1}) / {k.Outputs[0].Type.Size()};");
        w.Line("bool shifted = head != 0 && n >= w + head;");
        w.Line($"var first = shifted ? Invoke({Loads(k, width, "0")}) : last;");
        w.Line("nuint i = shifted ? head : 0;");
        if (unroll > 1)
        {
            w.Open($"for (; i + {unroll} * w <= n; i += {unroll} * w)");
            for (int u = 0; u < unroll; u++)
                w.Line($"var r{u} = Invoke({Loads(k, width, Offset(u))});");
            for (int u = 0; u < unroll; u++) Store(w, k, width, "r" + u, Offset(u));
            w.Close();
        }
        w.Open("for (; i + w <= n; i += w)");
        w.Line($"var r = Invoke({Loads(k, width, "i")});");
        Store(w, k, width, "r", "i");
        w.Close();
        Store(w, k, width, "last", "n - w");
        w.Open("if (shifted)");
        Store(w, k, width, "first", "0");
        w.Close();
        w.Line("return;");
        w.Close();
    }

    private static string Offset(int u) => u switch { 0 => "i", 1 => "i + w", _ => $"i + {u} * w" };

    private static void Reduce(CodeWriter w, KernelShape k)
    {
        string t = k.Result.Keyword();
        w.Line("/// <summary>The fold: <c>Identity ⊕ Invoke(p0[0], ...) ⊕ Invoke(p0[1], ...) ⊕ ...</c> over <paramref name=\"n\"/> elements, at most <paramref name=\"bits\"/> wide (0: scalar).</summary>");
        w.Line(Names.Hidden);
        w.Line(Signature(k, t, "Reduce", destinations: false));
        Constraints(w, k);
        w.Open("");
        if (k.UniformWidth)
        {
            w.Open("if (Vectorizable)");
            foreach (int width in new[] { 512, 256, 128 }) ReduceWidth(w, k, width);
            w.Close();
        }
        w.Line($"{t} acc = Identity;");
        w.Line($"for (nuint i = 0; i < n; i++) acc = Combine(acc, Invoke({Loads(k, 0, "i")}));");
        w.Line("return acc;");
        w.Close();
    }

    private static void ReduceWidth(CodeWriter w, KernelShape k, int width)
    {
        string v = Names.Vector(width);
        string count = $"(nuint){Names.VectorOf(width, k.Lane)}.Count";
        var mask = ScalarTypes.MaskOf(k.Kernel.LaneBits);
        int unroll = Math.Max(2, Unroll(k, width));
        w.Open($"if (bits >= {width} && {v}.IsHardwareAccelerated && n >= {count})");
        w.Line($"nuint w = {count};");
        w.Line($"var identity = {v}.Create(Identity);");
        for (int u = 0; u < unroll; u++) w.Line($"var acc{u} = identity;");
        w.Line("nuint i = 0;");
        w.Open($"for (; i + {unroll} * w <= n; i += {unroll} * w)");
        for (int u = 0; u < unroll; u++) w.Line($"acc{u} = Combine(acc{u}, Invoke({Loads(k, width, Offset(u))}));");
        w.Close();
        w.Line($"for (; i + w <= n; i += w) acc0 = Combine(acc0, Invoke({Loads(k, width, "i")}));");
        w.Open("if (i < n)");
        w.Line("// The last vector overlaps elements already folded: keep only its new lanes.");
        w.Line($"var keep = {v}.GreaterThanOrEqual({Names.VectorOf(width, mask)}.Indices, {v}.Create(({mask.Keyword()})(w - (n - i))));");
        string keep = k.Result switch
        {
            ScalarType.Float => $"{v}.AsSingle(keep)",
            ScalarType.Double => $"{v}.AsDouble(keep)",
            _ => "keep",
        };
        w.Line($"acc1 = Combine(acc1, {v}.ConditionalSelect({keep}, Invoke({Loads(k, width, "n - w")}), identity));");
        w.Close();
        string combined = "acc0";
        for (int u = 1; u < unroll; u++) combined = $"Combine({combined}, acc{u})";
        w.Line($"return Fold({combined});");
        w.Close();
    }
}
