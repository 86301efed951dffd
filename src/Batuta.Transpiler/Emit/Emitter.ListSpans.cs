using Batuta.Python.Ast;
using Batuta.Transpiler.Inference;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    /// <summary>
    /// What running some code may do to lists, as far as hoisting a list's storage out of a loop is concerned:
    /// change a list's length (append, pop, slice assignment, del, heappush...), run code the emitter cannot see
    /// (dynamic operations, calls through function values, user dunders and properties), or yield.
    /// </summary>
    internal sealed class ListEffects
    {
        public bool Resizes { get; set; }
        public bool Unknown { get; set; }
        public HashSet<FunctionModel> Callees { get; } = new();
    }

    internal sealed partial class Emitter
    {
        // Effects are collected in every round (they only grow) and used by the final emission.
        private readonly Dictionary<Node, ListEffects> _loopEffects = new();
        private readonly Dictionary<FunctionModel, ListEffects> _functionEffects = new();
        private readonly List<ListEffects> _effectStack = new();
        private Dictionary<FunctionModel, bool>? _mayResize;

        /// <summary>List name → the span local that holds its storage during the current loop.</summary>
        private readonly Dictionary<string, string> _spans = new(StringComparer.Ordinal);
        /// <summary>Inside a lambda, comprehension or local function: spans cannot be captured there.</summary>
        private int _closureDepth;
        /// <summary>Binding a base constructor call's arguments (: base(...)), where no statement can be written first.</summary>
        private bool _argumentsAsExpressions;

        private ListEffects EffectsOf(Node loop)
        {
            if (!_loopEffects.TryGetValue(loop, out var e)) _loopEffects[loop] = e = new ListEffects();
            return e;
        }

        private ListEffects EffectsOf(FunctionModel f)
        {
            if (!_functionEffects.TryGetValue(f, out var e)) _functionEffects[f] = e = new ListEffects();
            return e;
        }

        internal void NoteListResize()
        {
            foreach (var e in _effectStack) e.Resizes = true;
        }

        internal void NoteUnknownCode()
        {
            foreach (var e in _effectStack) e.Unknown = true;
        }

        private void NoteCall(FunctionModel f)
        {
            if (_effectStack.Count == 0) return;
            var targets = f.Owner is null ? new[] { f } : Family(f).Append(f).Distinct().ToArray();
            foreach (var e in _effectStack) foreach (var t in targets) e.Callees.Add(t);
        }

        /// <summary>Code whose type may run user code implicitly (dynamic values, classes with dunders or properties).</summary>
        private void NoteValue(Ex v)
        {
            if (_effectStack.Count == 0) return;
            if (v.Code.Contains("Dyn.") || v.Type.Kind is TypeKind.Object || HasUserHooks(v.Type)) NoteUnknownCode();
        }

        /// <summary><paramref name="seen"/>: the classes already looked at (dataclasses whose fields name each other, test_pprint's
        /// dataclass5/dataclass6, recursed until the stack overflowed).</summary>
        private bool HasUserHooks(PyType t, HashSet<ClassModel>? seen = null)
        {
            if (t.Kind == TypeKind.Optional) return HasUserHooks(t.Inner, seen);
            if (t.Kind != TypeKind.Class) return t.Args.Any(a => HasUserHooks(a, seen));
            seen ??= new HashSet<ClassModel>();
            for (var c = FindClass(t.Name.OrThrow()); c is not null && seen.Add(c); c = c.Base)
            {
                if (c.Methods.Values.Any(m => m.IsProperty || m.Name.StartsWith("__", StringComparison.Ordinal) && m.Name is not ("__init__" or "__post_init__")) || c.Setters.Count > 0) return true;
                if (c.IsDataclass && c.Fields.Values.Any(f => f.Type.Kind is TypeKind.Object or TypeKind.Unknown || f.Type.Kind == TypeKind.Class && f.Type.Name != t.Name && HasUserHooks(f.Type, seen))) return true;
            }
            return false;
        }

        private void WithEffects(ListEffects frame, Action body)
        {
            _effectStack.Add(frame);
            try { body(); }
            finally { _effectStack.RemoveAt(_effectStack.Count - 1); }
        }

        /// <summary>After inference: which functions may, directly or through what they call, change a list's length.</summary>
        private void ComputeMayResize()
        {
            var result = new Dictionary<FunctionModel, bool>();
            foreach (var kv in _functionEffects) result[kv.Key] = kv.Value.Resizes || kv.Value.Unknown || kv.Key.IsGenerator;
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (var kv in _functionEffects)
                {
                    if (result[kv.Key]) continue;
                    if (kv.Value.Callees.Any(c => !result.TryGetValue(c, out var r) || r))
                    {
                        result[kv.Key] = true;
                        changed = true;
                    }
                }
            }
            _mayResize = result;
        }

        /// <summary>
        /// Before a loop: the lists subscripted in it whose storage cannot change while it runs (a local of this function
        /// the loop never rebinds, and nothing the loop runs changes any list's length) are read and written through a
        /// span of their storage, taken once: an index is then one bounds test instead of a call.
        /// </summary>
        private List<string> HoistListSpans(StatementNode loop)
        {
            var hoisted = new List<string>();
            if (_inferring || _mayResize is null || _function is null || _function.IsGenerator || _closureDepth > 0) return hoisted;
            if (!_loopEffects.TryGetValue(loop, out var fx) || fx.Resizes || fx.Unknown || fx.Callees.Any(c => !_mayResize.TryGetValue(c, out var r) || r)) return hoisted;
            var assigned = new HashSet<string>(ModelBuilder.AssignedNames(new[] { loop }, includeNested: false), StringComparer.Ordinal);
            var subscripted = ModelBuilder.Walk(new[] { loop }).SelectMany(ModelBuilder.StatementExpressions).SelectMany(ModelBuilder.WalkExpression)
                .OfType<Subscript>().Where(s => s.Slice is not Slice).Select(s => s.Value).OfType<Name>().Select(n => n.Id).Distinct().ToList();
            foreach (var name in subscripted)
            {
                if (_spans.ContainsKey(name) || assigned.Contains(name) || _lambdaScope.ContainsKey(name) || !IsOwnLocal(name)) continue;
                var r = ResolveUnnarrowed(name);
                if (r.Kind != ResolvedKind.Local || r.Var is not { Type.Kind: TypeKind.List } v || v.Type.Elem.HasUnknown) continue;
                var span = Temp("s");
                _w.Line($"Span<{CsTypes.Of(v.Type.Elem)}> {span} = {r.Code} is null ? default : {r.Code}.AsSpan();");
                _spans[name] = span;
                hoisted.Add(name);
            }
            return hoisted;
        }

        private void DropListSpans(List<string> hoisted)
        {
            foreach (var name in hoisted) _spans.Remove(name);
        }

        /// <summary>The span holding a hoisted list's storage, when this subscript can use it.</summary>
        private string? SpanOf(ExpressionNode list) =>
            _closureDepth == 0 && list is Name n && _spans.TryGetValue(n.Id, out var span) && !_narrowed.Any(m => m.ContainsKey(n.Id)) ? span : null;

        /// <summary>
        /// Reading a hoisted list element: a proven index in [0, int.MaxValue] indexes the span directly (past the end it
        /// raises IndexError: list index out of range); otherwise the in-range test is written out, with Python's
        /// normalisation of negative indices as the cold path. (A helper taking the span would keep it in memory.)
        /// </summary>
        private string SpanRead(string span, Ex index) => $"{span}[{SpanIntIndex(span, index)}]";

        /// <summary>The int position a read of <paramref name="index"/> uses: the index itself when proven within
        /// [0, int.MaxValue] (the span's own bounds test raises past the end), else the tested, normalised index.</summary>
        private string SpanIntIndex(string span, Ex index) => ProvenPosition(index) ? $"(int){index.P}" : SpanIndex(span, index, "");

        private string SpanWrite(string span, Ex index, string value) =>
            _storeOnlyLoop > 0 && ProvenPosition(index)
                ? $"{span}[(int){index.P}] = {value}"
                : $"{span}[{SpanIndex(span, index, ", \"list assignment\"")}] = {value}";

        private static bool ProvenPosition(Ex index) =>
            index.Type.IsLong && index.Type.Lo >= 0 && index.Type.Hi <= int.MaxValue || index.IntLiteral && !index.Code.StartsWith("-", StringComparison.Ordinal);

        /// <summary>Inside a store-only range loop (<see cref="IsStoreOnlyLoop"/>): proven stores index the span directly.</summary>
        private int _storeOnlyLoop;

        /// <summary>
        /// <c>for j in range(...): flags[j] = False</c>: a range loop whose body only stores numbers computed from numeric
        /// names and literals into hoisted lists. The only .NET IndexOutOfRangeException its C# can raise is then a store
        /// past the end, so the loop is wrapped in one try/catch that raises Python's "list assignment index out of range",
        /// and a store whose index is proven in [0, int.MaxValue] needs no test of its own (the span's bounds test is the
        /// test). Elsewhere a store tests its index itself, because a read past the end says "list index out of range".
        /// </summary>
        private bool IsStoreOnlyLoop(For f)
        {
            if (_inferring || _closureDepth > 0 || f.Orelse.Count > 0 || f.Body.Count == 0) return false;
            // the range's bounds are computed inside the try too
            if (f.Iter is not Call rc || !rc.Args.All(IsNumericTerm)) return false;
            foreach (var st in f.Body)
            {
                if (st is Pass) continue;
                if (st is not Assign { Targets.Count: 1 } a || a.Targets[0] is not Subscript { Value: Name list, Slice: var index } || index is Slice) return false;
                if (SpanOf(list) is null || !IsNumericTerm(index) || !IsNumericTerm(a.Value)) return false;
            }
            return true;
        }

        /// <summary>Literals, numeric locals, len() of builtin containers, and arithmetic, comparisons and conditionals of
        /// them: nothing that indexes a container or runs user code.</summary>
        private bool IsNumericTerm(ExpressionNode e) => e switch
        {
            Constant { Value: System.Numerics.BigInteger or double or bool } => true,
            Name => EmitExprQuiet(e).Type.IsNumeric,
            UnaryOp u => IsNumericTerm(u.Operand),
            BinOp b => IsNumericTerm(b.Left) && IsNumericTerm(b.Right),
            BoolOp bo => bo.Values.All(IsNumericTerm),
            Compare c => IsNumericTerm(c.Left) && c.Comparators.All(IsNumericTerm),
            IfExp i => IsNumericTerm(i.Test) && IsNumericTerm(i.Body) && IsNumericTerm(i.Orelse),
            // len() of a builtin container: its count, no user __len__
            Call { Func: Name { Id: "len" }, Args: [Name arg], Keywords.Count: 0 } when Resolve("len").Kind == ResolvedKind.Builtin =>
                EmitExprQuiet(arg).Type.Kind is TypeKind.List or TypeKind.Str or TypeKind.Dict or TypeKind.Set or TypeKind.Tuple or TypeKind.VarTuple,
            _ => false,
        };

        private string SpanIndex(string span, Ex index, string what)
        {
            string i = LongCode(index);
            // a negative literal always counts from the end ((ulong)-1 would not compile as a constant)
            if (index.IntLiteral && i.StartsWith("-", StringComparison.Ordinal)) return $"Indexing.Normalize({i}, {span}.Length{what})";
            if (!index.Atomic && !index.IntLiteral)
            {
                var t = Temp("k");
                return $"{i} is var {t} && (ulong){t} < (ulong){span}.Length ? (int){t} : Indexing.Normalize({t}, {span}.Length{what})";
            }
            return $"(ulong){i} < (ulong){span}.Length ? (int){i} : Indexing.Normalize({i}, {span}.Length{what})";
        }

        /// <summary>
        /// <c>a[i], a[j] = a[j], a[i]</c> (any permutation of elements of one hoisted list, indexed by names or int
        /// literals): each index is tested and normalised once, when its element is read, and the stores reuse it. The
        /// reads raise what Python's reads raise, in the same order; a store can then never fail (it writes an element
        /// just read, and nothing in between can change the list's length or rebind an index), so its own bounds test
        /// (and its "list assignment" message) cannot be observed. One tested read and one untested store per element
        /// instead of two tests and two normalisations.
        /// </summary>
        private bool TryEmitSpanPermutation(NodeList<ExpressionNode> targets, NodeList<ExpressionNode> values)
        {
            if (targets.Count < 2) return false;
            string? list = null;
            var keys = new List<string>();
            foreach (var e in values.Concat(targets))
            {
                if (e is not Subscript { Value: Name n, Slice: var slice } || slice is Slice || StableIndexKey(slice) is not { } key) return false;
                if (list is null) list = n.Id;
                else if (list != n.Id) return false;
                keys.Add(key);
            }
            var valueKeys = keys.Take(values.Count).ToList();
            if (keys.Skip(values.Count).Any(k => !valueKeys.Contains(k, StringComparer.Ordinal))) return false;
            var first = (Subscript)values[0];
            if (SpanOf(first.Value) is not { } span) return false;
            var obj = EmitExprQuiet(first.Value);
            if (obj.Type.Kind != TypeKind.List || values.Any(v => EmitExprQuiet(((Subscript)v).Slice).Type.Kind != TypeKind.Int)) return false;
            var slots = new Dictionary<string, string>(StringComparer.Ordinal);
            var temps = new List<string>();
            for (int i = 0; i < values.Count; i++)
            {
                if (!slots.TryGetValue(valueKeys[i], out var slot))
                {
                    slot = Temp("k");
                    _w.Line($"int {slot} = {SpanIntIndex(span, EmitIndex(((Subscript)values[i]).Slice))};");
                    slots[valueKeys[i]] = slot;
                }
                var tmp = Temp();
                temps.Add(tmp);
                _w.Line($"var {tmp} = {span}[{slot}];");
            }
            for (int i = 0; i < targets.Count; i++) _w.Line($"{span}[{slots[keys[values.Count + i]]}] = {temps[i]};");
            return true;
        }

        /// <summary>
        /// <c>counts[i] += x</c> on a hoisted list of ints or floats, indexed by a name or literal (or their sums): the index
        /// is tested and normalised once, by the read, as Python evaluates it once; the store reuses it (it cannot fail:
        /// nothing between the read and the store can change the list's length or rebind the index).
        /// </summary>
        private bool TryEmitSpanAugAssign(AugAssign aa)
        {
            if (aa.Target is not Subscript { Value: Name list, Slice: var slice } sub || slice is Slice || StableIndexKey(slice) is null) return false;
            if (SpanOf(list) is not { } span) return false;
            var obj = EmitExprQuiet(list);
            if (obj.Type.Kind != TypeKind.List || obj.Type.Elem.Kind is not (TypeKind.Int or TypeKind.Float) || EmitExprQuiet(slice).Type.Kind != TypeKind.Int) return false;
            var key = EmitIndex(slice);
            var slot = Temp("k");
            _w.Line($"int {slot} = {SpanIntIndex(span, key)};");
            var cur = new Ex($"{span}[{slot}]", obj.Type.Elem, true);
            var rhs = EmitExpr(aa.Value, cur.Type);
            var result = BinaryOp(aa.Op, cur, rhs, aa);
            ContributeContainer(sub.Value, obj.Type, key.Type, result.Type);
            _w.Line($"{span}[{slot}] = {Coerce(result, obj.Type.Elem).Code};");
            return true;
        }

        /// <summary>
        /// An index whose value cannot change while the statement runs: names, int literals, and their sums, differences
        /// and negations (<c>a[i], a[i + 1] = a[i + 1], a[i]</c>). The key is the expression's shape, so equal keys are
        /// equal values; the caller checks that the index is an int (no user <c>__add__</c> to run twice or skip).
        /// </summary>
        private static string? StableIndexKey(ExpressionNode index) => index switch
        {
            Name n => "n:" + n.Id,
            Constant { Value: System.Numerics.BigInteger b } => "c:" + b.ToString(System.Globalization.CultureInfo.InvariantCulture),
            UnaryOp { Op: UnaryOperator.USub, Operand: var x } when StableIndexKey(x) is { } kx => "(-" + kx + ")",
            BinOp { Op: Operator.Add or Operator.Sub, Left: var l, Right: var r } bin when StableIndexKey(l) is { } kl && StableIndexKey(r) is { } kr =>
                "(" + kl + (bin.Op == Operator.Add ? "+" : "-") + kr + ")",
            _ => null,
        };

        /// <summary>
        /// <c>perm = perm1[:]</c> in a loop: when no other reference to the list in <c>perm</c> can exist (the variable
        /// never escapes: it is only indexed, measured, compared, printed or sliced), the old list cannot be observed
        /// after the assignment, so its storage is reused for the copy instead of allocating a list per iteration.
        /// </summary>
        private bool TryEmitCopyInto(ExpressionNode target, ExpressionNode value)
        {
            if (target is not Name n || value is not Subscript { Slice: Slice { Lower: null, Upper: null, Step: null } } copy || _function is null) return false;
            var r = ResolveUnnarrowed(n.Id);
            if (r.Kind != ResolvedKind.Local || r.Var is not { Type.Kind: TypeKind.List } v || v.Type.HasUnknown || _lambdaScope.ContainsKey(n.Id) || !IsOwnLocal(n.Id)) return false;
            var src = EmitExpr(copy.Value);
            if (!src.Type.Equals(v.Type) || !NeverEscapes(n.Id)) return false;
            Widen(v, src.Type);
            foreach (var map in _narrowed) map.Remove(n.Id);
            _w.Line($"{r.Code} = PyList<{CsTypes.Of(v.Type.Elem)}>.CopyInto({r.Code}, {src.Code});");
            return true;
        }

        private readonly Dictionary<(FunctionModel, string), bool> _neverEscapes = new();

        /// <summary>Every use of the local <paramref name="name"/> in the current function keeps no reference to its list.</summary>
        private bool NeverEscapes(string name)
        {
            var key = (_function.OrThrow(), name);
            if (_neverEscapes.TryGetValue(key, out var known)) return known;
            bool result = _function.OrThrow().Nested.Count == 0 && UsesKeepNoReference(_function.Def.Body, name);
            _neverEscapes[key] = result;
            return result;
        }

        private static bool UsesKeepNoReference(IEnumerable<StatementNode> body, string name)
        {
            foreach (var s in ModelBuilder.Walk(body))
            {
                switch (s)
                {
                    case FunctionDef or ClassDef or Global or Nonlocal:
                        if (Mentions(s, name)) return false;
                        continue;
                    case For f when f.Iter is Name it && it.Id == name:
                        // iterating the old list while the body rebinds the name would see the copy
                        if (ModelBuilder.AssignedNames(f.Body, includeNested: false).Contains(name)) return false;
                        if (!SafeUses(f.Target, name)) return false;
                        continue;
                }
                foreach (var e in ModelBuilder.StatementExpressions(s))
                    if (!SafeUses(e, name)) return false;
            }
            return true;
        }

        private static bool Mentions(StatementNode s, string name) => s switch
        {
            Global g => g.Names.Contains(name),
            Nonlocal nl => nl.Names.Contains(name),
            FunctionDef fd => ModelBuilder.WalkExpressions(fd.Body).OfType<Name>().Any(x => x.Id == name),
            ClassDef cd => ModelBuilder.WalkExpressions(cd.Body).OfType<Name>().Any(x => x.Id == name),
            _ => false,
        };

        /// <summary>
        /// The name appears in <paramref name="e"/> only where its list is read and dropped: indexed, measured, compared,
        /// combined into a new value, formatted, or the receiver of a list method; a bare occurrence anywhere else
        /// (a call argument, a literal element, an assigned or returned value) may keep a reference.
        /// </summary>
        private static bool SafeUses(ExpressionNode? e, string name)
        {
            bool Bare(ExpressionNode? x) => x is Name n && n.Id == name;
            bool Operand(ExpressionNode x) => Bare(x) || SafeUses(x, name);
            switch (e)
            {
                case null: return true;
                case Name x: return x.Id != name || x.Ctx != ExprContext.Load;
                case Subscript sub when Bare(sub.Value): return SafeUses(sub.Slice, name);
                case Call { Func: Attribute { Value: var receiver, Attr: var m } } call when Bare(receiver):
                    return m is "index" or "count" or "copy" or "append" or "extend" or "insert" or "pop" or "remove" or "clear" or "sort" or "reverse"
                        && call.Args.All(a => SafeUses(a, name)) && call.Keywords.All(k => k.Arg != "key" && SafeUses(k.Value, name));
                case Call { Func: Name { Id: "len" or "print" or "str" or "repr" or "sorted" or "sum" or "min" or "max" or "any" or "all" or "list" or "tuple" or "set" or "bool" } } call:
                    return call.Args.All(Operand) && call.Keywords.All(k => SafeUses(k.Value, name));
                case Compare c: return Operand(c.Left) && c.Comparators.All(Operand);
                case BinOp b: return Operand(b.Left) && Operand(b.Right);
                case FormattedValue fv: return Operand(fv.Value) && SafeUses(fv.FormatSpec, name);
                case Lambda or ListComp or SetComp or DictComp or GeneratorExp:
                    return !ModelBuilder.WalkExpression(e).OfType<Name>().Any(x => x.Id == name);
            }
            return DirectChildren(e).All(c => SafeUses(c, name));
        }

        private static IEnumerable<ExpressionNode> DirectChildren(ExpressionNode e) => e switch
        {
            BoolOp b => b.Values,
            NamedExpr n => new[] { n.Target, n.Value },
            UnaryOp u => new[] { u.Operand },
            IfExp i => new[] { i.Test, i.Body, i.Orelse },
            Dict d => d.Keys.Where(k => k is not null).Select(k => k.OrThrow()).Concat(d.Values),
            Set s => s.Elts,
            Call c => new[] { c.Func }.Concat(c.Args).Concat(c.Keywords.Select(k => k.Value)),
            Attribute a => new[] { a.Value },
            Subscript s => new[] { s.Value, s.Slice },
            Starred s => new[] { s.Value },
            List l => l.Elts,
            Tuple t => t.Elts,
            Slice s => new[] { s.Lower, s.Upper, s.Step }.Where(x => x is not null).Select(x => x.OrThrow()),
            JoinedStr j => j.Values,
            Await a => new[] { a.Value },
            Yield y => y.Value is null ? Array.Empty<ExpressionNode>() : new[] { y.Value },
            YieldFrom yf => new[] { yf.Value },
            _ => Array.Empty<ExpressionNode>(),
        };

        private void WithClosure(Action body)
        {
            _closureDepth++;
            try { body(); }
            finally { _closureDepth--; }
        }
    }
}
