using Batuta.Python.Ast;
using Batuta.Transpiler.Inference;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    internal sealed partial class Emitter
    {
        /// <summary>
        /// A block. After <c>if test: ... return</c> (a body that always leaves) the rest of the block runs only when
        /// the test was false, so it is narrowed as an else branch would be.
        /// </summary>
        private void EmitBlock(IEnumerable<StatementNode> body)
        {
            int pushed = 0;
            try
            {
                foreach (var s in body)
                {
                    EmitStatement(s);
                    if (s is If { Orelse.Count: 0 } i && AlwaysLeaves(i.Body))
                    {
                        var map = new Dictionary<string, Ex>(StringComparer.Ordinal);
                        CollectNarrowing(i.Test, false, map);
                        _narrowed.Add(map);
                        pushed++;
                    }
                    if (s is Batuta.Python.Ast.Expr or Assign or AugAssign or AnnAssign && SuccessFacts(s) is { Count: > 0 } facts)
                    {
                        _narrowed.Add(facts);
                        pushed++;
                    }
                }
            }
            finally
            {
                for (int k = 0; k < pushed; k++) _narrowed.RemoveAt(_narrowed.Count - 1);
            }
        }

        /// <summary>
        /// What a statement that completed proves about the ints it used: <c>a[r - 1]</c> succeeded, so r - 1 is a valid
        /// index (within ±int.MaxValue, the most a list holds); <c>[0] * n</c> or <c>list(range(n))</c> succeeded, so n fits
        /// in a long and is at most int.MaxValue. The rest of the block uses those ranges, until the name is assigned again.
        /// </summary>
        private Dictionary<string, Ex> SuccessFacts(StatementNode s)
        {
            var facts = new Dictionary<string, Ex>(StringComparer.Ordinal);
            if (_function is null) return facts;
            var assigned = new HashSet<string>(ModelBuilder.AssignedNames(new[] { s }, includeNested: false), StringComparer.Ordinal);
            void Fact(ExpressionNode? node, long offset, long lo, long hi)
            {
                if (node is not Name n || assigned.Contains(n.Id) || _lambdaScope.ContainsKey(n.Id) || !IsOwnLocal(n.Id)) return;
                var r = Resolve(n.Id);
                if (r.Kind != ResolvedKind.Local || r.Var is null) return;
                var current = r.NarrowedType ?? r.Var.Type;
                if (current.Kind != TypeKind.Int) return;
                // value + offset lies in [lo, hi]
                long vlo = lo == long.MinValue ? lo : lo - offset, vhi = hi == long.MaxValue ? hi : hi - offset;
                var range = current.IsLong ? IntRanges.Intersect(current, vlo, vhi) : PyType.Long(vlo, vhi);
                if (facts.TryGetValue(n.Id, out var known)) range = IntRanges.Intersect(known.Type, range.Lo, range.Hi);
                if (current.IsLong && range.Equals(current)) return;
                facts[n.Id] = new Ex(current.IsLong ? r.Code : $"(long){r.Code}", range, current.IsLong || r.Code.StartsWith("(", StringComparison.Ordinal));
            }
            foreach (var e in ModelBuilder.StatementExpressions(s).SelectMany(UnconditionalParts))
            {
                switch (e)
                {
                    case Subscript { Slice: not Slice } sub when EmitExprQuiet(sub.Value).Type.Kind is TypeKind.List or TypeKind.Str or TypeKind.VarTuple or TypeKind.Deque or TypeKind.Bytes:
                    {
                        const long max = int.MaxValue;
                        switch (sub.Slice)
                        {
                            case Name: Fact(sub.Slice, 0, -max, max - 1); break;
                            case BinOp { Op: Operator.Add, Left: Name, Right: Constant { Value: System.Numerics.BigInteger c } } b when c >= -max && c <= max: Fact(b.Left, (long)c, -max, max - 1); break;
                            case BinOp { Op: Operator.Add, Left: Constant { Value: System.Numerics.BigInteger c }, Right: Name } b when c >= -max && c <= max: Fact(b.Right, (long)c, -max, max - 1); break;
                            case BinOp { Op: Operator.Sub, Left: Name, Right: Constant { Value: System.Numerics.BigInteger c } } b when c >= -max && c <= max: Fact(b.Left, -(long)c, -max, max - 1); break;
                        }
                        break;
                    }
                    case BinOp { Op: Operator.Mult } m when EmitExprQuiet(m.Left).Type.Kind is TypeKind.List or TypeKind.Str:
                        Fact(m.Right, 0, long.MinValue, int.MaxValue);
                        break;
                    case BinOp { Op: Operator.Mult } m when EmitExprQuiet(m.Right).Type.Kind is TypeKind.List or TypeKind.Str:
                        Fact(m.Left, 0, long.MinValue, int.MaxValue);
                        break;
                    case Call { Func: Name { Id: "list" }, Args: { Count: 1 } la } when la[0] is Call { Func: Name { Id: "range" }, Args: var ra } && Resolve("range").Kind == ResolvedKind.Builtin && Resolve("list").Kind == ResolvedKind.Builtin:
                        if (ra.Count == 1) Fact(ra[0], 0, long.MinValue, int.MaxValue);
                        else foreach (var x in ra) Fact(x, 0, long.MinValue, long.MaxValue);
                        break;
                }
            }
            return facts;
        }

        /// <summary>The subexpressions evaluated whenever the expression is: not the operands after the first of and/or,
        /// the branches of a conditional expression, or anything inside a lambda or comprehension.</summary>
        private static IEnumerable<ExpressionNode> UnconditionalParts(ExpressionNode? e)
        {
            if (e is null) yield break;
            yield return e;
            IEnumerable<ExpressionNode?> kids = e switch
            {
                BoolOp b => new[] { b.Values[0] },
                IfExp i => new[] { i.Test },
                Lambda or ListComp or SetComp or DictComp or GeneratorExp => Array.Empty<ExpressionNode>(),
                NamedExpr n => new[] { n.Value },
                BinOp b => new[] { b.Left, b.Right },
                UnaryOp u => new[] { u.Operand },
                Compare c => new[] { c.Left, c.Comparators[0] },
                Call c => new[] { c.Func }.Concat(c.Args).Concat(c.Keywords.Select(k => k.Value)),
                Attribute a => new[] { a.Value },
                Subscript s => new[] { s.Value, s.Slice },
                Starred s => new[] { s.Value },
                List l => l.Elts,
                Tuple t => t.Elts,
                Set s => s.Elts,
                Dict d => d.Keys.Concat(d.Values),
                JoinedStr j => j.Values,
                FormattedValue f => new[] { f.Value },
                _ => Array.Empty<ExpressionNode>(),
            };
            foreach (var k in kids)
                foreach (var x in UnconditionalParts(k)) yield return x;
        }

        private static bool AlwaysLeaves(NodeList<StatementNode> body) =>
            body.Count > 0 && body[body.Count - 1] switch
            {
                Return or Raise or Break or Continue => true,
                If i => i.Orelse.Count > 0 && AlwaysLeaves(i.Body) && AlwaysLeaves(i.Orelse),
                _ => false,
            };

        /// <summary>
        /// A loop runs its body again after the body's assignments, and re-tests its condition: facts established
        /// before the loop about the variables it assigns do not hold inside it (nor after it).
        /// </summary>
        private void ForgetAssignedIn(StatementNode loop)
        {
            if (_narrowed.Count == 0) return;
            foreach (var name in ModelBuilder.AssignedNames(new[] { loop }, includeNested: false))
                foreach (var map in _narrowed) map.Remove(name);
        }

        private void EmitStatement(StatementNode s)
        {
            try
            {
                EmitStatementCore(s);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Never crash: one construct the emitter cannot handle becomes a reported runtime failure.
                Report(TranspilerCodes.Internal, TranspilerSeverity.Warning, $"the transpiler could not migrate this {s.PythonName} statement ({e.GetType().Name}: {e.Message})", "report it; meanwhile rewrite the statement more simply", s);
                _w.Line($"throw Py.Unsupported({CsNames.Literal(s.PythonName + " statement")}, {CsNames.Literal(_module.Path + ":" + s.Line)});");
            }
        }

        private void EmitStatementCore(StatementNode s)
        {
            // a while test's yields run on every iteration, inside the loop (EmitWhileCore)
            if (s is not While) HoistSentYields(s);
            else _sentValues.Clear();
            switch (s)
            {
                case Expr e: EmitExprStatement(e); break;
                case Assign a: EmitAssign(a); break;
                case AnnAssign an:
                    if (an.Value is not null) EmitAssignTo(an.Target, an.Value);
                    break;
                case AugAssign aa: EmitAugAssign(aa); break;
                case If i: EmitIf(i); break;
                case While wh: EmitWhile(wh); break;
                case For f: EmitFor(f); break;
                case Return r: EmitReturn(r); break;
                case Pass: break;
                case Break:
                    if (_loopElseFlags.Count > 0 && _loopElseFlags.Peek() is { } flag) _w.Line($"{flag} = true;");
                    _w.Line("break;");
                    break;
                case Continue: _w.Line("continue;"); break;
                case Raise r: EmitRaise(r); break;
                case Try t: EmitTry(t); break;
                case TryStar ts: EmitTry(ts); break;
                case With w: EmitWith(w); break;
                case FunctionDef fd: EmitFunctionDefStatement(fd); break;
                case ClassDef cd:
                    if (_function is not null) EmitLocalClassStatement(cd);
                    else if (_module.Classes.Values.FirstOrDefault(c => c.Def == cd) is { } defined)
                    {
                        EmitDefaultAssignments(defined.Methods.Values);
                        CallInitSubclass(defined);
                        ApplyClassDecorators(defined);
                    }
                    break;
                case Global or Nonlocal: break;
                case Import imp:
                    foreach (var a in imp.Names) EmitImport(a.Name, imp);
                    break;
                case ImportFrom from: EmitImportFrom(from); break;
                case Assert a:
                    _w.Line(a.Msg is null ? $"Py.Assert({Truth(EmitExpr(a.Test))});" : $"Py.Assert({Truth(EmitExpr(a.Test))}, {Box(EmitExpr(a.Msg))});");
                    break;
                case Delete d:
                    foreach (var t in d.Targets) EmitDelete(t);
                    break;
                case Match m: EmitMatch(m); break;
                case AsyncFunctionDef or AsyncFor or AsyncWith:
                    UnsupportedStatement(s, "async code", "use synchronous code; asyncio is not supported");
                    break;
                default:
                    UnsupportedStatement(s, s.PythonName + " statements");
                    break;
            }
        }

        private void EmitImportFrom(ImportFrom from)
        {
            var target = _module.Imports.TryGetValue(from.Names[0].Asname ?? from.Names[0].Name, out var t) ? t.Split(':')[1] : from.Module ?? "";
            if (Mapping.StdlibModules.IsPackage(target)) foreach (var n in from.Names) EmitImport(target + "." + n.Name, from);
            else EmitImport(target, from);
            if (from.Names.Any(n => n.Name == "*")) Report(TranspilerCodes.Unsupported, TranspilerSeverity.Warning, "'from ... import *' is not supported", "import the names you use", from);
        }

        /// <summary>A def statement where it runs: a nested function's closure, a top-level function's defaults and decorators.</summary>
        private void EmitFunctionDefStatement(FunctionDef fd)
        {
            if (_function is not null && _function.Nested.Values.FirstOrDefault(n => n.Def == fd) is { } nested)
            {
                _w.Line();
                EmitNestedFunction(nested);
                if (_function.RedefinedNested.Contains(fd.Name)) BindRedefinedNested(_function.Locals[fd.Name], nested);
            }
            else if (_function is null && _module.Functions.Values.FirstOrDefault(f => f.Def == fd) is { } top)
            {
                EmitDefaultAssignments(new[] { top });
                if (top.IsDecorated) EmitDecoration(top);
                if (_module.RedefinedFunctions.Contains(fd.Name)) BindRedefinedFunction(top);
            }
        }

        private void EmitImport(string module, StatementNode at)
        {
            if (_moduleByName.TryGetValue(module, out var m))
            {
                if (m != _module) _w.Line($"{m.CsName}.Init();");
                return;
            }
            var root = module.Split('.')[0];
            if (!Mapping.StdlibModules.IsKnown(module) && !_moduleByName.Keys.Any(k => k.StartsWith(module + ".", StringComparison.Ordinal)))
                Report(TranspilerCodes.UnknownModule, TranspilerSeverity.Warning, $"module '{module}' is neither in the project nor in the supported standard library", $"supported modules: {string.Join(", ", Mapping.StdlibModules.Names)}", at);
            _ = root;
        }

        /// <summary>The call an expression statement consists of: its result is dropped, so a void C# call stays as it is.</summary>
        private Call? _statementCall;

        private void EmitExprStatement(Expr e)
        {
            switch (e.Value)
            {
                case Constant: return; // docstrings and stray literals
                case IfExp ie:
                    // a.append(x) if c else b.append(x): C# has no conditional expression statement
                    _w.Open($"if ({Truth(EmitExpr(ie.Test))})");
                    EmitExprStatement(new Expr(ie.Body, e.Span));
                    _w.Close();
                    _w.Open("else");
                    EmitExprStatement(new Expr(ie.Orelse, e.Span));
                    _w.Close();
                    return;
                case Yield y:
                    NoteUnknownCode();
                    if (_function is null) { UnsupportedStatement(y, "yield outside a function"); return; }
                    var v = YieldedValue(y);
                    if (_deferredYield is { } dy && _deferredYieldNodes is { } dn && dn.Any(x => ReferenceEquals(x, e)))
                    {
                        _w.Line($"{dy.Value} = {v};");
                        _w.Line($"{dy.Flag} = true;");
                        return;
                    }
                    _w.Line($"yield return {v};");
                    // throw() raises at this yield too, though its value is unused
                    if (_function.ReceivesSent) _w.Line("__gen.Received();");
                    return;
                case YieldFrom yf:
                {
                    var src = EmitExpr(yf.Value);
                    if (_function is not null) WidenReturn(_function, PyType.Iterable(src.Type.Elem));
                    var tmp = Temp("y");
                    _w.Line($"foreach (var {tmp} in {DelegatedItems(src)}) yield return {Coerce(new Ex(tmp, src.Type.Elem, true), YieldElem()).Code};");
                    return;
                }
            }
            _statementCall = e.Value as Call;
            var ex = EmitExpr(e.Value);
            _statementCall = null;
            if (ex.Code.StartsWith("Py.Raise<", StringComparison.Ordinal)) { _w.Line(ex.Code + ";"); return; }
            if (ex.Type.Kind == TypeKind.None || ex.Code.EndsWith("/*void*/", StringComparison.Ordinal)) _w.Line(ex.Code.Replace("/*void*/", "") + ";");
            else if (e.Value is NamedExpr) _w.Line(ex.Code + ";");
            else _w.Line($"_ = {ex.Code};");
        }

        /// <summary>The items <c>yield from src</c> passes on; a generator that receives values forwards them to src.</summary>
        private string DelegatedItems(Ex src) => _function is { ReceivesSent: true } ? $"__gen.From({Iterate(src)})" : Iterate(src);

        /// <summary>The value a yield gives the consumer, coerced to the generator's item type (which it widens).</summary>
        private string YieldedValue(Yield y)
        {
            var function = _function.OrThrow();
            var v = y.Value is null ? new Ex("null", PyType.None, true) : EmitExpr(y.Value, YieldElem());
            WidenReturn(function, PyType.Iterable(v.Type));
            // `yield state` of a list/dict the consumer keeps (with cm() as st): one object, one type
            if (y.Value is not null && IsMutableContainer(YieldElem())) ContributeTo(y.Value, YieldElem());
            return Coerce(v, YieldElem()).Code;
        }

        /// <summary>The yields of the statement being emitted whose value it uses, each with the local holding what was sent.</summary>
        private readonly List<(Yield Node, string Local)> _sentValues = new();

        /// <summary>
        /// x = yield v: C# has no yield inside an expression, so each such yield of a simple statement runs before it,
        /// and the statement reads what send() passed in (None for next()) from a local. In evaluation order as long
        /// as the yield comes first, as it does in the usual <c>x = yield v</c>.
        /// </summary>
        private void HoistSentYields(StatementNode s)
        {
            _sentValues.Clear();
            if (_function is not { ReceivesSent: true } || s is not (Assign or AugAssign or AnnAssign or Python.Ast.Expr or Return or If or While)) return;
            foreach (var y in ModelBuilder.SentYields(s))
            {
                NoteUnknownCode();
                _w.Line($"yield return {YieldedValue(y)};");
                var local = Temp("sent");
                _w.Line($"var {local} = __gen.Received();");
                _sentValues.Add((y, local));
            }
        }

        private (string Value, string Flag)? _deferredYield;
        private List<StatementNode>? _deferredYieldNodes;

        private PyType YieldElem() => _function is not null && _function.ReturnType.Kind == TypeKind.Iterable ? _function.ReturnType.Elem : PyType.Unknown;

        // ---- assignment ----
        private void EmitAssign(Assign a)
        {
            // Point = namedtuple(...) made a class (ModelBuilder.NamedTupleClass)
            if (_function is null && ModelBuilder.NamedTupleClass(a) is { } nt && _module.Classes.ContainsKey(nt.Name)) return;
            if (_function is null && ModelBuilder.TypeAliasName(a) is { } alias && _module.TypeAliases.ContainsKey(alias)) return;
            if (a.Targets.Count == 1 && a.Value is YieldFrom delegated && _function is { IsGenerator: true })
            {
                // x = yield from g(): g's items are yielded, then x is what g returned (None unless it returned a value)
                var src = EmitExpr(delegated.Value);
                WidenReturn(_function, PyType.Iterable(src.Type.Elem));
                var gen = Temp("g");
                var item = Temp("y");
                _w.Line($"var {gen} = {src.Code};");
                _w.Line($"foreach (var {item} in {DelegatedItems(new Ex(gen, src.Type, true))}) yield return {Coerce(new Ex(item, src.Type.Elem, true), YieldElem()).Code};");
                AssignValue(a.Targets[0], new Ex($"(({gen} as IPyGenerator)?.ReturnValue)", PyType.Object, true));
                return;
            }
            if (a.Targets.Count == 1)
            {
                EmitAssignTo(a.Targets[0], a.Value);
                return;
            }
            var v = EmitExpr(a.Value);
            var tmp = Temp();
            // `var` cannot hold a bare null (a = b = None)
            _w.Line(v.Type.Kind == TypeKind.None ? $"object? {tmp} = null;" : $"var {tmp} = {v.Code};");
            foreach (var t in a.Targets) AssignValue(t, new Ex(tmp, v.Type, true));
        }

        private void EmitAssignTo(ExpressionNode target, ExpressionNode value)
        {
            // x = x + 1 is the same counter step as x += 1
            if (value is BinOp { Op: Operator.Add or Operator.Sub } step && SameTarget(target, step.Left) && TryEmitStep(target, step.Op, step.Right)) return;
            if (value is BinOp { Op: Operator.Add } rstep && SameTarget(target, rstep.Right) && TryEmitStep(target, Operator.Add, rstep.Left)) return;
            if (TryEmitCopyInto(target, value)) return;
            // a, b = b, a: evaluate the whole right side first, as Python does.
            if (target is Tuple or List && value is Tuple rt && !rt.Elts.Any(x => x is Starred))
            {
                var elts = target is Tuple tt ? tt.Elts : ((List)target).Elts;
                if (elts.Count == rt.Elts.Count && !elts.Any(x => x is Starred))
                {
                    if (TryEmitSpanPermutation(elts, rt.Elts)) return;
                    var values = new List<Ex>();
                    for (int i = 0; i < elts.Count; i++) values.Add(TypedForTarget(EmitExpr(rt.Elts[i], TargetType(elts[i])), elts[i]));
                    var temps = new List<string>();
                    foreach (var v in values)
                    {
                        var tmp = Temp();
                        temps.Add(tmp);
                        _w.Line($"var {tmp} = {ValueForVar(v)};");
                    }
                    for (int i = 0; i < elts.Count; i++) AssignValue(elts[i], new Ex(temps[i], values[i].Type, true));
                    return;
                }
            }
            var ex = EmitExpr(value, TargetType(target));
            AssignValue(target, ex);
            WidenAlias(target, value);
        }

        /// <summary>
        /// A value of a parallel assignment, held in a temporary before any target is assigned: one whose type is still
        /// open (<c>[]</c>, <c>{}</c>) takes the target's type now, as a single assignment's Coerce would give it.
        /// </summary>
        private Ex TypedForTarget(Ex value, ExpressionNode target)
        {
            var want = target is Name n ? ResolveUnnarrowed(n.Id).Var?.Type : null;
            if (want is null || want.HasUnknown || !value.Type.HasUnknown || value.Type.Kind != want.Inner.Kind) return value;
            return Coerce(value, want);
        }

        /// <summary><c>obj[a:b:c] = value</c>: a list's slice assignment, a user <c>__setitem__</c> given a slice object, or dynamic.</summary>
        private void EmitSliceStore(Subscript s, Slice sl, Ex obj, Ex value)
        {
            if (obj.Type.Kind == TypeKind.Class && FindClass(obj.Type.Name.OrThrow())?.FindMethod("__setitem__") is { } sliceSet)
            {
                // a user sequence given a slice object, as Python passes it
                if (sliceSet.Params.Count > 0) WidenParam(sliceSet, 0, PyType.Object);
                _w.Line($"{obj.P}.{sliceSet.CsName}(PySlice.Of({SliceArgs(sl)}), {Coerce(value, sliceSet.Params.ElementAtOrDefault(1)?.Type ?? PyType.Object).Code});");
                return;
            }
            if (obj.Type.Kind is TypeKind.Object or TypeKind.Unknown)
            {
                _w.Line($"Dyn.SetItem({obj.Code}, PySlice.Of({SliceArgs(sl)}), {Box(value)});");
                return;
            }
            NoteListResize();
            // The new items take part in the list's element type (lst[0:1] = ["a"] on a list of ints).
            if (obj.Type.Kind == TypeKind.List) ContributeTo(s.Value, PyType.List(ElementType(value.Type)));
            var items = obj.Type.Kind == TypeKind.List ? CoerceTo(new Ex(AsEnumerable(value), PyType.Iterable(ElementType(value.Type)), false), PyType.Iterable(obj.Type.Elem)).Code : value.Code;
            _w.Line($"{obj.P}.SetSlice({SliceArgs(sl)}, {items});");
        }

        /// <summary>The variable an aliasing assignment stores into: a name, or an instance field (<c>self.items</c>).</summary>
        private VarInfo? AliasTargetVar(ExpressionNode target) => target switch
        {
            Name tn => ResolveUnnarrowed(tn.Id).Var,
            Attribute a when EmitExprQuiet(a.Value).Type is { Kind: TypeKind.Class } ot && FindClass(ot.Name.OrThrow())?.FindField(a.Attr) is { } f => f,
            _ => null,
        };

        /// <summary>
        /// <c>ys = xs</c> with a mutable container: both names hold one object, so they get one type (otherwise
        /// <c>ys.append(2.5)</c> would widen only ys, and the assignment would copy xs into a new list).
        /// </summary>
        private void WidenAlias(ExpressionNode target, ExpressionNode value)
        {
            if (AliasTargetVar(target) is not { } tv) return;
            if (tv.Type.Kind is not (TypeKind.List or TypeKind.Dict or TypeKind.Set or TypeKind.Deque or TypeKind.DefaultDict or TypeKind.Counter)) return;
            // self.items = items: the field and the parameter hold one object (self.items.append("s") must reach the caller's list)
            if (target is Attribute)
            {
                if (value is Name an && ResolveUnnarrowed(an.Id).Var is { } av) Widen(av, tv.Type);
                return;
            }
            var tn = (Name)target;
            switch (value)
            {
                case Name vn when vn.Id != tn.Id && ResolveUnnarrowed(vn.Id).Var is { } sv:
                    Widen(sv, tv.Type);
                    break;
                // row = grid[i]: the row stays an element of grid, so grid's element type follows the row's
                case Subscript { Value: Name gn, Slice: not Slice } when gn.Id != tn.Id && ResolveUnnarrowed(gn.Id).Var is { } gv:
                    if (gv.Type.Kind == TypeKind.List) Widen(gv, PyType.List(tv.Type));
                    else if (gv.Type.Kind == TypeKind.Dict) Widen(gv, PyType.Dict(gv.Type.Key, tv.Type));
                    break;
                // b = bucket(m, k) returning m[k]: the function returns an object the caller keeps, so its return type
                // follows b's (and its return statements pass that on to what they return)
                case Call { Func: Name fn } when Resolve(fn.Id) is { Kind: ResolvedKind.Function, Function: { IsGenerator: false, ReturnDeclared: false } rf } && IsMutableContainer(rf.ReturnType):
                    WidenReturn(rf, tv.Type);
                    break;
                // g = groups.setdefault(k, []): g is the dict's value, so the dict's value type follows g's
                case Call { Func: Attribute { Attr: "setdefault", Value: var dictExpr }, Args.Count: 2 } when !SameTarget(dictExpr, target):
                {
                    var d = EmitExprQuiet(dictExpr).Type;
                    if (d.Kind is TypeKind.Dict or TypeKind.DefaultDict) ContributeTo(dictExpr, d.Kind == TypeKind.DefaultDict ? PyType.DefaultDict(d.Key, tv.Type) : PyType.Dict(d.Key, tv.Type));
                    break;
                }
            }
        }

        /// <summary>A literal int becomes a PyInt before it is stored in a var.</summary>
        private static bool SameTarget(ExpressionNode a, ExpressionNode b) => (a, b) switch
        {
            (Name x, Name y) => x.Id == y.Id,
            (Attribute { Value: Name xo } x, Attribute { Value: Name yo } y) => x.Attr == y.Attr && xo.Id == yo.Id,
            _ => false,
        };

        /// <summary>
        /// A counter step: <c>x += k</c>, <c>x -= k</c> or <c>x = x ± k</c> with a literal 1 ≤ k ≤ 16 on an int variable
        /// or attribute. Inference keeps such a variable a long when its other assignments stay small (IntRanges.Counter);
        /// the step is then checked against the counter limit (Ops.StepUp/StepDown). False: emit it as plain arithmetic.
        /// </summary>
        private bool TryEmitStep(ExpressionNode target, Operator op, ExpressionNode value)
        {
            if (op is not (Operator.Add or Operator.Sub)) return false;
            long k;
            if (value is Constant { Value: System.Numerics.BigInteger b } && b >= 1 && b <= IntRanges.CounterStep) k = (long)b;
            else if (value is UnaryOp { Op: UnaryOperator.USub, Operand: Constant { Value: System.Numerics.BigInteger nb } } && nb >= 1 && nb <= IntRanges.CounterStep) k = -(long)nb;
            else return false;
            bool up = (op == Operator.Add) == (k > 0);
            k = Math.Abs(k);
            VarInfo? v = null;
            string code;
            switch (target)
            {
                case Name n:
                {
                    var r = ResolveUnnarrowed(n.Id);
                    if (r.Kind is not (ResolvedKind.Local or ResolvedKind.Global) || r.Var is null || _lambdaScope.ContainsKey(n.Id)) return false;
                    v = r.Var;
                    code = r.Code;
                    break;
                }
                case Attribute a:
                {
                    var obj = Unwrap(EmitExprQuiet(a.Value), a.Attr);
                    // an attribute that may be missing takes the checked read and write (EmitAttribute, TryAssignInstanceAttribute)
                    if (obj.Type.Kind != TypeKind.Class || FindClass(obj.Type.Name.OrThrow()) is not { } cls || cls.Setters.ContainsKey(a.Attr) || cls.FindMethod(a.Attr) is not null || _maybeAbsent.Contains(a.Attr)) return false;
                    v = cls.FindField(a.Attr);
                    if (v is null || FindClassVarOwner(cls, a.Attr) is not null) return false;
                    code = $"{Unwrap(EmitExpr(a.Value), a.Attr).P}.{v.CsName}";
                    break;
                }
                default:
                    return false;
            }
            if (v.Declared || v.Type.Kind is not (TypeKind.Int or TypeKind.Unknown)) return false;
            WidenStep(v, up);
            if (!v.Ints.CounterOk || !v.Type.IsLong) return false;
            if (target is Name tn) foreach (var map in _narrowed) map.Remove(tn.Id);
            _w.Line($"{code} = Ops.Step{(up ? "Up" : "Down")}({code}, {k});");
            return true;
        }

        /// <summary>Code with its own C# type, fit for <c>var</c>: a bare int literal becomes a long.</summary>
        private static string ValueForVar(Ex v) => v.IntLiteral ? v.Code + "L" : v.Type.Kind == TypeKind.None ? (v.Code.StartsWith("Py.NoneAfter(", StringComparison.Ordinal) ? v.Code : "(object?)null") : v.Code;

        private PyType TargetType(ExpressionNode target)
        {
            switch (target)
            {
                case Name n:
                    var r = Resolve(n.Id);
                    return r.Var?.Type ?? PyType.Unknown;
                case Attribute a:
                {
                    var obj = Unwrap(EmitExprQuiet(a.Value), a.Attr);
                    if (obj.Type.Kind == TypeKind.Class && FindClass(obj.Type.Name.OrThrow())?.FindField(a.Attr) is { } f) return f.Type;
                    return PyType.Unknown;
                }
                case Subscript s:
                {
                    var obj = EmitExprQuiet(s.Value);
                    var elem = obj.Type.IsDictLike ? obj.Type.Value : obj.Type.Kind == TypeKind.List ? obj.Type.Elem : PyType.Unknown;
                    // an int stored into a float container stays an int (dp[0] = 0 prints 0): the container's elements widen
                    return elem.Kind == TypeKind.Float ? PyType.Unknown : elem;
                }
            }
            return PyType.Unknown;
        }

        /// <summary>Emits without touching the output (for looking at a type).</summary>
        private Ex EmitExprQuiet(ExpressionNode e)
        {
            var saved = _w;
            var savedInfer = _inferring;
            _w = new CodeWriter();
            try { return EmitExpr(e); }
            finally { _w = saved; }
        }

        /// <summary>A fresh iterator that outlives the expression: a PyIterator (one position for next() and loops).</summary>
        private Ex KeepIterator(Ex v) => v.IsIterator && v.Type.Kind == TypeKind.Iterable ? new Ex($"PyIter.Of({v.Code})", v.Type, true) : v;

        private void AssignValue(ExpressionNode target, Ex value)
        {
            if (target is Name or Attribute) value = KeepIterator(value);
            if (value.Type.Kind == TypeKind.Module && value.Code.StartsWith("Py.Raise<", StringComparison.Ordinal))
                Report(TranspilerCodes.Unsupported, TranspilerSeverity.Warning, $"the module {value.Type.Name} used as a value is not supported; the migrated code raises NotSupportedException here", "use the module's name where its members are read", target);
            switch (target)
            {
                case Name n:
                {
                    foreach (var map in _narrowed) map.Remove(n.Id);
                    var r = Resolve(n.Id);
                    if (r.Var is null)
                    {
                        _w.Line($"{CsNames.Local(n.Id)} = {value.Code};");
                        return;
                    }
                    Widen(r.Var, value.Type);
                    if (value.Partial is { } partial) _partials[r.Var] = partial;
                    NotePartialCall(r.Var, value.PartialCall);
                    _w.Line($"{r.Code} = {Coerce(value, r.Var.Type).Code};");
                    return;
                }
                case Attribute a when FunctionAttribute(a) is { } fa:
                {
                    var fv = fa.Var.OrThrow();
                    Widen(fv, value.Type);
                    _w.Line($"{fa.Code} = {Coerce(value, fv.Type).Code};");
                    return;
                }
                case Attribute a when StaticClass(a.Value) is { } sc && FindClassVarOwner(sc, a.Attr) is { } owner:
                {
                    var cv = owner.ClassVars[a.Attr];
                    Widen(cv, value.Type);
                    _w.Line($"{ClassCsName(IsPerClass(sc, a.Attr) ? sc : owner)}.{cv.CsName} = {Coerce(value, cv.Type).Code};");
                    return;
                }
                case Attribute a when StdlibName(a) is { } member:
                    EmitStdlibAssign(a, member, value);
                    return;
                case Attribute a:
                {
                    var obj = Unwrap(EmitExpr(a.Value), a.Attr);
                    if (obj.Type.Kind == TypeKind.Class && FindClass(obj.Type.Name.OrThrow()) is { } cls && TryAssignInstanceAttribute(cls, obj, a.Attr, value)) return;
                    if (obj.Type.Kind == TypeKind.Module && _moduleByName.TryGetValue(obj.Type.Name.OrThrow(), out var mod) && mod.Globals.TryGetValue(a.Attr, out var g))
                    {
                        Widen(g, value.Type);
                        _w.Line($"{mod.CsName}.{g.CsName} = {Coerce(value, g.Type).Code};");
                        return;
                    }
                    _w.Line($"Dyn.SetAttr({obj.Code}, {CsNames.Literal(a.Attr)}, {Box(value)});");
                    return;
                }
                case Subscript s:
                {
                    var obj = EmitExpr(s.Value);
                    if (Mapping.Libraries.StoreSubscript(this, obj, s, value) is { } store)
                    {
                        _w.Line(store);
                        return;
                    }
                    if (s.Slice is Slice sl)
                    {
                        EmitSliceStore(s, sl, obj, value);
                        return;
                    }
                    if ((obj.Type.Kind == TypeKind.List || obj.Type.Equals(Mapping.Builtins.ByteArray)) && MaybeSliceKey(s.Slice) is { } sliceKey)
                    {
                        _w.Line($"Dyn.SetItem({obj.Code}, {sliceKey.Code}, {Box(value)});");
                        return;
                    }
                    var key = obj.Type.Kind == TypeKind.List ? EmitIndex(s.Slice) : EmitExpr(s.Slice, obj.Type.IsDictLike ? obj.Type.Key : PyType.Int);
                    ContributeContainer(s.Value, obj.Type, key.Type, value.Type);
                    if (obj.Type.IsDictLike)
                    {
                        _w.Line($"{obj.P}[{Coerce(key, obj.Type.Key).Code}] = {Coerce(value, obj.Type.Value).Code};");
                        return;
                    }
                    if (obj.Type.Kind == TypeKind.List)
                    {
                        _w.Line(SpanOf(s.Value) is { } span
                            ? $"{SpanWrite(span, key, Coerce(value, obj.Type.Elem).Code)};"
                            : $"{obj.P}[{IndexCode(key)}] = {Coerce(value, obj.Type.Elem).Code};");
                        return;
                    }
                    if (obj.Type.Equals(Mapping.Builtins.ByteArray) && key.Type.Kind == TypeKind.Int && value.Type.Kind == TypeKind.Int)
                    {
                        _w.Line($"{obj.P}[{LongCode(key)}] = {LongCode(value)};");
                        return;
                    }
                    if (obj.Type.Kind == TypeKind.Class && FindClass(obj.Type.Name.OrThrow())?.FindMethod("__setitem__") is { } setitem)
                    {
                        _w.Line($"{obj.P}.{setitem.CsName}({Coerce(key, setitem.Params.ElementAtOrDefault(0)?.Type ?? PyType.Object).Code}, {Coerce(value, setitem.Params.ElementAtOrDefault(1)?.Type ?? PyType.Object).Code});");
                        return;
                    }
                    _w.Line($"Dyn.SetItem({obj.Code}, {Box(key)}, {Box(value)});");
                    return;
                }
                case Tuple or List:
                    Unpack(target is Tuple t ? t.Elts : ((List)target).Elts, value);
                    return;
                case Starred st:
                    AssignValue(st.Value, value);
                    return;
            }
            UnsupportedStatement(target, "this assignment target");
        }

        /// <summary>obj.attr = value on an instance of a class of the program: property setter, frozen field, routed class attribute or field.</summary>
        private bool TryAssignInstanceAttribute(ClassModel cls, Ex obj, string attr, Ex value)
        {
            var field = cls.FindField(attr);
            var prop = cls.Setters.TryGetValue(attr, out var setter) ? setter : null;
            if (DataDescriptor(cls, attr, "__set__") is { Method.Params.Count: 2 } descriptor)
            {
                WidenParam(descriptor.Method, 0, obj.Type);
                WidenParam(descriptor.Method, 1, value.Type);
                var ps = descriptor.Method.Params;
                _w.Line($"{descriptor.Code}.{descriptor.Method.CsName}({Coerce(obj, ps[0].Type).Code}, {Coerce(value, ps[1].Type).Code});");
                return true;
            }
            if (prop is not null)
            {
                // the setter's parameter is C#'s `value`, of the property's (the getter's) type
                var propertyType = cls.FindMethod(attr)?.ReturnType ?? value.Type;
                if (prop.Params.Count > 0) WidenParam(prop, 0, propertyType.Kind == TypeKind.Unknown ? value.Type : propertyType);
                _w.Line($"{obj.P}.{CsNames.Member(attr)} = {Coerce(value, propertyType).Code};");
                return true;
            }
            if (field is not null && (cls.DataclassFrozen || cls.IsNamedTuple) && !cls.ClassVars.ContainsKey(attr))
            {
                // a frozen dataclass or a named tuple: assigning a field raises (the constructor sets them)
                _w.Line(cls.IsNamedTuple ? "throw new AttributeError(\"can't set attribute\");" : $"throw new FrozenInstanceError({CsNames.Literal($"cannot assign to field '{attr}'")});");
                return true;
            }
            if (field is not null && FindClassVarOwner(cls, attr) is { } routedOwner && ClassVarRouting(routedOwner, attr) is { Shadowed: true } route)
            {
                Widen(route.RootVar, value.Type);
                _w.Line($"{obj.P}.{InstanceMember(route)} = {Coerce(value, route.Type).Code};");
                return true;
            }
            if (field is not null)
            {
                Widen(field, value.Type);
                bool isStatic = cls.ClassVars.ContainsKey(attr) || FindClassVarOwner(cls, attr) is not null;
                var owner = FindClassVarOwner(cls, attr);
                string code = Coerce(value, field.Type).Code;
                if (isStatic && owner is not null) _w.Line($"{ClassCsName(owner)}.{field.CsName} = {code};");
                else _w.Line(FieldStore(obj, field, code));
                return true;
            }
            return false;
        }

        /// <summary>
        /// An instance field's store. An attribute that may be missing is there again once assigned: after the value is
        /// computed (<c>obj.n += 1</c> reads it first), so through Dyn.Assigned where naming the receiver twice is harmless.
        /// </summary>
        private string FieldStore(Ex obj, VarInfo field, string code)
        {
            if (!_maybeAbsent.Contains(field.Name)) return $"{obj.P}.{field.CsName} = {code};";
            if (System.Text.RegularExpressions.Regex.IsMatch(obj.Code, @"^[A-Za-z_@][\w.@]*$"))
                return $"{obj.P}.{field.CsName} = Dyn.Assigned<{CsTypes.Of(field.Type)}>({obj.Code}, {CsNames.Literal(field.Name)}, {code});";
            return $"Dyn.Assigning({obj.Code}, {CsNames.Literal(field.Name)}).{field.CsName} = {code};";
        }

        private ClassModel? FindClassVarOwner(ClassModel c, string name)
        {
            for (var x = c; x is not null; x = x.Base) if (x.ClassVars.ContainsKey(name)) return x;
            return null;
        }

        /// <summary>A class attribute each subclass keeps its own copy of once assigned (see Inference.PerClassAttributes).</summary>
        private static bool IsPerClass(ClassModel c, string name)
        {
            ClassModel? root = null;
            for (var x = c; x is not null; x = x.Base) if (x.ClassVars.ContainsKey(name)) root = x;
            return root is not null && root.PerClassAttributes.Contains(name);
        }

        /// <summary>How instance reads and writes of a class attribute are routed.</summary>
        /// <param name="Root">The topmost class defining it.</param>
        /// <param name="Shadowed">Some method assigns it through <c>self</c>: instances get their own value
        /// (<c>Inst_X</c>) once assigned, and read the class's value until then.</param>
        /// <param name="Type">What an instance read gives: the attribute's type, or a dynamic value when a
        /// subclass redefines it with another type (reported once as BATUTA-T-003).</param>
        private sealed record ClassVarRoute(ClassModel Root, VarInfo RootVar, bool Shadowed, PyType Type);

        /// <summary>
        /// Class attribute <paramref name="name"/> seen from class <paramref name="c"/>, when a subclass redefines
        /// it or a method assigns it through <c>self</c>: instance reads then go through a virtual getter
        /// (<c>Cls_X</c>, overridden in each redefining subclass) so <c>self.attr</c> in a base method sees the
        /// subclass's value, and assignments through <c>self</c> create the instance's own value, as in Python.
        /// When the definitions have different C# types the getter returns a dynamic value. Null when neither
        /// applies (a plain static read).
        /// </summary>
        private ClassVarRoute? ClassVarRouting(ClassModel c, string name)
        {
            ClassModel? root = null;
            for (var x = c; x is not null; x = x.Base) if (x.ClassVars.ContainsKey(name)) root = x;
            if (root is null || root.IsEnum) return null;
            var rootVar = root.ClassVars[name];
            string type = CsTypes.Of(rootVar.Type);
            bool redefined = false, shadowed = false, mixed = false;
            ClassModel? other = null;
            foreach (var sub in _modules.SelectMany(m => m.Classes.Values))
            {
                if (!sub.IsSubclassOf(root)) continue;
                shadowed |= sub.InstanceStores.Contains(name);
                if (sub == root || !sub.ClassVars.TryGetValue(name, out var v)) continue;
                if (CsTypes.Of(v.Type) != type && !mixed) (mixed, other) = (true, sub);
                redefined = true;
            }
            if (!redefined && !shadowed && !root.PerClassAttributes.Contains(name)) return null;
            if (mixed)
            {
                var o = other.OrThrow();
                Report(TranspilerCodes.DynamicFallback, TranspilerSeverity.Info,
                    $"class attribute '{name}' is {rootVar.Type} in {root.Name} but {o.ClassVars[name].Type} in {o.Name}; reads through instances are dynamic values at run time",
                    "give the attribute one type in every class", o.Module.Path, Math.Max(1, o.Def.Line), o.Def.Column);
            }
            return new ClassVarRoute(root, rootVar, shadowed, mixed ? PyType.Object : rootVar.Type);
        }

        /// <summary>The member an instance reads a routed class attribute through.</summary>
        private static string InstanceMember(ClassVarRoute route) => (route.Shadowed ? "Inst_" : "Cls_") + route.RootVar.CsName;

        /// <summary>The virtual getter of a routed class attribute (the underscore keeps it apart from mapped Python names).</summary>
        private static string ClassVarGetter(VarInfo rootVar) => "Cls_" + rootVar.CsName;

        /// <summary>d[k] = v and l[i] = v on a container whose element types are still open refine them.</summary>
        private void ContributeContainer(ExpressionNode container, PyType current, PyType key, PyType value)
        {
            PyType contribution;
            if (current.IsDictLike) contribution = current.Kind == TypeKind.DefaultDict ? PyType.DefaultDict(key, value) : current.Kind == TypeKind.Counter ? PyType.Join(current, PyType.CounterOf(current.Key, value)) : PyType.Dict(key, value);
            else if (current.Kind == TypeKind.List) contribution = PyType.List(value);
            else return;
            ContributeTo(container, contribution);
        }

        private void ContributeTo(ExpressionNode container, PyType contribution)
        {
            switch (container)
            {
                case Name n when Resolve(n.Id).Var is { } v:
                    Widen(v, contribution);
                    break;
                case Attribute a:
                {
                    var obj = Unwrap(EmitExprQuiet(a.Value), a.Attr);
                    if (obj.Type.Kind == TypeKind.Class && FindClass(obj.Type.Name.OrThrow())?.FindField(a.Attr) is { } f) Widen(f, contribution);
                    break;
                }
                case Subscript s:
                {
                    var outer = EmitExprQuiet(s.Value);
                    var k = EmitExprQuiet(s.Slice);
                    if (outer.Type.IsDictLike) ContributeTo(s.Value, outer.Type.Kind == TypeKind.DefaultDict ? PyType.DefaultDict(k.Type, contribution) : PyType.Dict(k.Type, contribution));
                    else if (outer.Type.Kind == TypeKind.List) ContributeTo(s.Value, PyType.List(contribution));
                    break;
                }
            }
        }

        private void Unpack(NodeList<ExpressionNode> targets, Ex value)
        {
            // a variable that was None before it held a tuple: unpacking None raises CPython's TypeError
            if (value.Type.Kind == TypeKind.Optional)
                value = new Ex($"({value.Code} ?? throw new TypeError(\"cannot unpack non-iterable NoneType object\"))", value.Type.Args[0], true);
            int star = -1;
            for (int i = 0; i < targets.Count; i++) if (targets[i] is Starred) star = i;
            var src = Temp("u");
            _w.Line($"var {src} = {value.Code};");
            // a named tuple unpacks into its fields, typed
            if (star < 0 && value.Type.Kind == TypeKind.Class && FindClass(value.Type.Name.OrThrow()) is { IsNamedTuple: true } ntc && DataclassFieldsWithBases(ntc) is { } ntFields && ntFields.Count == targets.Count)
            {
                for (int i = 0; i < targets.Count; i++) AssignValue(targets[i], new Ex($"{src}.{ntFields[i].CsName}", ntFields[i].Type, true));
                return;
            }
            if (value.Type.Kind == TypeKind.Tuple && star < 0)
            {
                if (value.Type.Args.Count != targets.Count)
                {
                    _w.Line($"throw new ValueError({CsNames.Literal(value.Type.Args.Count < targets.Count ? $"not enough values to unpack (expected {targets.Count}, got {value.Type.Args.Count})" : $"too many values to unpack (expected {targets.Count})")});");
                    return;
                }
                for (int i = 0; i < targets.Count; i++) AssignValue(targets[i], new Ex($"{src}.Item{i + 1}", value.Type.Args[i], true));
                return;
            }
            var elem = value.Type.Kind == TypeKind.Object ? PyType.Object : value.Type.Kind == TypeKind.Class ? ElementType(value.Type) : value.Type.Elem;
            var items = Temp("u");
            string elemCs = CsTypes.Of(elem);
            if (star < 0)
            {
                _w.Line($"var {items} = Py.Unpack<{elemCs}>({AsEnumerable(new Ex(src, value.Type, true))}, {targets.Count});");
                for (int i = 0; i < targets.Count; i++) AssignValue(targets[i], new Ex($"{items}[{i}]", elem, true));
                return;
            }
            _w.Line($"var {items} = Py.UnpackStar<{elemCs}>({AsEnumerable(new Ex(src, value.Type, true))}, {star}, {targets.Count - star - 1});");
            for (int i = 0; i < targets.Count; i++)
            {
                if (i == star) AssignValue(targets[i], new Ex($"{items}.Rest", PyType.List(elem), true));
                else AssignValue(targets[i], new Ex($"{items}.Items[{(i < star ? i : i - 1)}]", elem, true));
            }
        }

        private string AsEnumerable(Ex v) => v.Type.Kind switch
        {
            TypeKind.Class when Mapping.Libraries.Iterate(v) is { } library => library,
            // __getitem__ without __iter__: the old sequence protocol
            TypeKind.Class when IteratesByIndex(v.Type) => $"Dyn.IterByIndex({v.Code})",
            TypeKind.Str => $"StrOps.Chars({v.Code})",
            TypeKind.Object or TypeKind.Unknown => $"Dyn.Iter({v.Code})",
            TypeKind.Tuple when v.Type.Elem.Kind is not (TypeKind.Object or TypeKind.Unknown) => $"PyTuple.From({v.Code}).Select(__v => Dyn.Cast<{CsTypes.Of(v.Type.Elem)}>(__v))",
            TypeKind.Tuple => $"PyTuple.From({v.Code})",
            TypeKind.VarTuple when v.Type.Elem.Kind is not (TypeKind.Object or TypeKind.Unknown) => $"{v.P}.Select(__v => Dyn.Cast<{CsTypes.Of(v.Type.Elem)}>(__v))",
            TypeKind.Dict or TypeKind.DefaultDict or TypeKind.Counter => $"{v.P}.Keys()",
            // a variable that may still be None: iterating None is CPython's TypeError
            TypeKind.Optional => AsEnumerable(new Ex($"({v.Code} ?? throw new TypeError(\"'NoneType' object is not iterable\"))", v.Type.Args[0], true)),
            _ => v.P,
        };

        private static string InPlaceDunder(Operator op) => op switch
        {
            Operator.Add => "__iadd__", Operator.Sub => "__isub__", Operator.Mult => "__imul__", Operator.Div => "__itruediv__",
            Operator.FloorDiv => "__ifloordiv__", Operator.Mod => "__imod__", Operator.BitOr => "__ior__", Operator.BitAnd => "__iand__",
            Operator.BitXor => "__ixor__", Operator.LShift => "__ilshift__", Operator.RShift => "__irshift__", Operator.Pow => "__ipow__",
            _ => "__imatmul__",
        };

        /// <summary><c>t[1] += [3]</c> on a tuple: the list is extended in place, then storing it back raises (CPython's famous gotcha).</summary>
        private void ThrowIfTupleItem(ExpressionNode target)
        {
            if (target is Subscript s && EmitExprQuiet(s.Value).Type.Kind is TypeKind.Tuple or TypeKind.VarTuple)
                _w.Line("throw new TypeError(\"'tuple' object does not support item assignment\");");
        }

        private void EmitAugAssign(AugAssign aa)
        {
            var target = aa.Target;
            if (TryEmitStep(target, aa.Op, aa.Value)) return;
            if (TryEmitSpanAugAssign(aa)) return;
            var cur = EmitExpr(target);
            // x += y on an object with __iadd__ (and co.): x = x.__iadd__(y), as Python does before trying __add__.
            if (ClassOf(cur.Type)?.FindMethod(InPlaceDunder(aa.Op)) is { Params.Count: 1 } iop)
            {
                var arg = EmitExpr(aa.Value, iop.Params[0].Type);
                AssignValue(target, new Ex($"{cur.P}.{iop.CsName}({Coerce(arg, iop.Params[0].Type).Code})", iop.ReturnType, true));
                return;
            }
            // xs += [2] keeps the int like xs.append(2) does, so a float list gives the right side no float hint.
            var rhs = EmitExpr(aa.Value, cur.Type.Kind == TypeKind.List ? cur.Type.FloatsAsUnknown() : cur.Type);
            // stack += items on a list subclass: list.__iadd__ extends it in place (it stays a Stack)
            if (aa.Op == Operator.Add && ClassOf(cur.Type) is { ValueKind: "list" } lc && lc.FindMethod("__add__") is null)
            {
                _w.Line($"Dyn.CallMethod({cur.P}, \"extend\", {Box(rhs)});");
                return;
            }
            if (Mapping.Libraries.InPlace(aa.Op, cur, rhs) is { } inPlace)
            {
                AssignValue(target, inPlace);
                return;
            }
            if (cur.Type.Kind == TypeKind.List && aa.Op == Operator.Add)
            {
                NoteListResize();
                ContributeTo(target, PyType.List(rhs.Type.Elem));
                _w.Line($"{cur.P}.Extend({AsEnumerable(rhs)});");
                ThrowIfTupleItem(target);
                return;
            }
            if (cur.Type.Kind == TypeKind.Set && aa.Op is Operator.BitOr or Operator.BitAnd or Operator.Sub or Operator.BitXor)
            {
                string m = aa.Op switch { Operator.BitOr => "Update", Operator.BitAnd => "IntersectionUpdate", Operator.Sub => "DifferenceUpdate", _ => "SymmetricDifferenceUpdate" };
                _w.Line($"{cur.P}.{m}({rhs.Code});");
                ThrowIfTupleItem(target);
                return;
            }
            var result = BinaryOp(aa.Op, cur, rhs, aa);
            if (target is Name n && Resolve(n.Id).Var is { } v)
            {
                Widen(v, result.Type);
                bool simple = aa.Op is Operator.Add or Operator.Sub or Operator.Mult && v.Type.Equals(result.Type) && v.Type.Kind is TypeKind.Int or TypeKind.Float or TypeKind.Str
                    && !(v.Type.Kind == TypeKind.Float && rhs.Type.Kind != TypeKind.Float && rhs.Type.Kind != TypeKind.Int);
                if (simple && !(v.Type.Kind == TypeKind.Str && aa.Op == Operator.Mult))
                {
                    string op = aa.Op switch { Operator.Add => "+=", Operator.Sub => "-=", _ => "*=" };
                    _w.Line($"{Resolve(n.Id).Code} {op} {(rhs.IntLiteral && !v.Type.IsLong ? rhs.Code : Coerce(rhs, v.Type).Code)};");
                    return;
                }
            }
            AssignValue(target, result);
        }

        private void EmitDelete(ExpressionNode t)
        {
            switch (t)
            {
                case Subscript s:
                {
                    var obj = EmitExpr(s.Value);
                    NoteListResize();
                    if (s.Slice is Slice userSlice && obj.Type.Kind is TypeKind.Class or TypeKind.Object or TypeKind.Unknown)
                    {
                        _w.Line($"Dyn.DelItem({obj.Code}, PySlice.Of({SliceArgs(userSlice)}));");
                        return;
                    }
                    if (s.Slice is Slice sl) { _w.Line($"{obj.P}.DeleteSlice({SliceArgs(sl)});"); return; }
                    if (obj.Type.Kind == TypeKind.List && MaybeSliceKey(s.Slice) is { } sliceKey) { _w.Line($"{obj.P}.DeleteItemOrSlice({sliceKey.Code});"); return; }
                    var key = EmitExpr(s.Slice, obj.Type.IsDictLike ? obj.Type.Key : PyType.Int);
                    if (obj.Type.IsDictLike) _w.Line($"{obj.P}.Delete({Coerce(key, obj.Type.Key).Code});");
                    else if (obj.Type.Kind == TypeKind.List) _w.Line($"{obj.P}.Delete({IndexCode(key)});");
                    else _w.Line($"Dyn.DelItem({obj.Code}, {Box(key)});");
                    return;
                }
                case Name n:
                    foreach (var map in _narrowed) map.Remove(n.Id);
                    var r = Resolve(n.Id);
                    _w.Line($"{r.Code} = default!;");
                    return;
                case Tuple tu:
                    foreach (var e in tu.Elts) EmitDelete(e);
                    return;
                case Attribute a:
                    EmitDeleteAttribute(a);
                    return;
            }
            UnsupportedStatement(t, "this del target");
        }

        /// <summary>
        /// <c>sys.argv = [...]</c> (a script that sets its own arguments before parsing them); any other assignment to a
        /// standard-library module's member (monkeypatching <c>sys.stdout</c>, <c>random.seed</c>) is BATUTA-T-004.
        /// </summary>
        private void EmitStdlibAssign(Attribute a, string member, Ex value)
        {
            if (member == "sys.argv")
            {
                _w.Line($"Sys.Argv = {Coerce(value, PyType.List(PyType.Str)).Code};");
                return;
            }
            UnsupportedStatement(a, $"assigning {member}", "keep the value in a variable of the program");
        }

        /// <summary><c>del obj.attr</c>: a property's deleter, a descriptor's __delete__, else the instance attribute goes (Dyn.DelAttr).</summary>
        private void EmitDeleteAttribute(Attribute a)
        {
            var obj = EmitExpr(a.Value);
            if (obj.Type.Kind == TypeKind.Class && FindClass(obj.Type.Name.OrThrow()) is { } cls)
            {
                if (FindDeleter(cls, a.Attr) is { } deleter) { _w.Line($"{obj.P}.{deleter.CsName}();"); return; }
                if (cls.FindMethod(a.Attr) is { IsProperty: true })
                {
                    _w.Line($"throw new AttributeError({CsNames.Literal($"property '{a.Attr}' of '{cls.Name}' object has no deleter")});");
                    return;
                }
                if (DataDescriptor(cls, a.Attr, "__delete__") is { } descriptor)
                {
                    _w.Line($"{descriptor.Code}.{descriptor.Method.CsName}({Box(obj)});");
                    return;
                }
            }
            _w.Line($"Dyn.DelAttr({Box(obj)}, {CsNames.Literal(a.Attr)});");
        }

        private static FunctionModel? FindDeleter(ClassModel? c, string name)
        {
            for (var x = c; x is not null; x = x.Base) if (x.Deleters.TryGetValue(name, out var d)) return d;
            return null;
        }

        /// <summary>A data descriptor class attribute (ClassModel.DataDescriptors) seen from an instance of <paramref name="cls"/>, with its method <paramref name="dunder"/>.</summary>
        private (string Code, FunctionModel Method)? DataDescriptor(ClassModel cls, string attr, string dunder)
        {
            if (FindClassVarOwner(cls, attr) is not { } owner || !owner.DataDescriptors.TryGetValue(attr, out var descriptor)) return null;
            return descriptor.FindMethod(dunder) is { } method ? ($"{ClassCsName(owner)}.{owner.ClassVars[attr].CsName}", method) : null;
        }

        // ---- control flow ----
        private void EmitIf(If i, bool elseIf = false)
        {
            var test = EmitExpr(i.Test);
            _w.Open($"{(elseIf ? "else if" : "if")} ({Truth(test)})");
            WithNarrowing(i.Test, true, () => EmitBlock(i.Body));
            _w.Close();
            if (i.Orelse.Count == 0) return;
            // elif chains read as else-if chains
            // (an elif whose test uses a yield's value runs that yield first: a statement of its own in the else block)
            if (i.Orelse.Count == 1 && i.Orelse[0] is If elif && !(_function is { ReceivesSent: true } && ModelBuilder.SentYields(elif).Any()))
            {
                WithNarrowing(i.Test, false, () => EmitIf(elif, elseIf: true));
                return;
            }
            _w.Open("else");
            WithNarrowing(i.Test, false, () => EmitBlock(i.Orelse));
            _w.Close();
        }

        private void EmitWhile(While wh)
        {
            ForgetAssignedIn(wh);
            var spans = HoistListSpans(wh);
            WithEffects(EffectsOf(wh), () => EmitWhileCore(wh));
            DropListSpans(spans);
        }

        private void EmitWhileCore(While wh)
        {
            string? flag = wh.Orelse.Count > 0 ? Temp("broke") : null;
            if (flag is not null) _w.Line($"bool {flag} = false;");
            if (ModelBuilder.SentYields(wh).Any())
            {
                // `while (x := (yield v)) is not None`: the yield runs before each test, so the test moves into the loop
                _w.Open("while (true)");
                HoistSentYields(wh);
                _w.Line($"if (!({Truth(EmitExpr(wh.Test))})) break;");
            }
            else _w.Open(wh.Test is Constant { Value: true } ? "while (true)" : $"while ({Truth(EmitExpr(wh.Test))})");
            _loopElseFlags.Push(flag);
            WithNarrowing(wh.Test, true, () => EmitBlock(wh.Body));
            _loopElseFlags.Pop();
            _w.Close();
            if (flag is not null)
            {
                _w.Open($"if (!{flag})");
                EmitBlock(wh.Orelse);
                _w.Close();
            }
        }

        private void EmitFor(For f)
        {
            ForgetAssignedIn(f);
            var spans = HoistListSpans(f);
            WithEffects(EffectsOf(f), () => EmitForCore(f));
            DropListSpans(spans);
        }

        private void EmitForCore(For f)
        {
            string? flag = f.Orelse.Count > 0 ? Temp("broke") : null;
            if (flag is not null) _w.Line($"bool {flag} = false;");
            _loopElseFlags.Push(flag);
            if (f.Iter is Call { Func: Name { Id: "range" } } rc && rc.Keywords.Count == 0 && rc.Args.Count is >= 1 and <= 3 && f.Target is Name && Resolve("range").Kind == ResolvedKind.Builtin)
                EmitRangeFor(f, rc);
            else
            {
                var iter = EmitExpr(f.Iter);
                var elem = ElementType(iter.Type);
                var tmp = Temp("x");
                _w.Open($"foreach (var {tmp} in {Iterate(iter)})");
                AssignValue(f.Target, new Ex(tmp, elem, true));
                EmitBlock(f.Body);
                _w.Close();
            }
            _loopElseFlags.Pop();
            if (flag is not null)
            {
                _w.Open($"if (!{flag})");
                EmitBlock(f.Orelse);
                _w.Close();
            }
        }

        /// <summary>for i in range(...): a counted C# loop, no iterator; i is a long within the range's bounds.</summary>
        private void EmitRangeFor(For f, Call rc)
        {
            var args = rc.Args.Select(a => EmitLongArgument(a, "Checked")).ToList();
            string start = args.Count >= 2 ? LongCode(args[0]) : "0";
            string stop = args.Count >= 2 ? LongCode(args[1]) : LongCode(args[0]);
            string step = args.Count == 3 ? LongCode(args[2]) : "1";
            var i = Temp("i");
            var stopVar = Temp("n");
            string cond;
            string stepCode = step;
            long? stepValue = args.Count < 3 ? 1 : args[2].Type.IsLong && args[2].Type.Lo == args[2].Type.Hi ? args[2].Type.Lo : null;
            if (args.Count == 3 && args[2].Type.IsLong && (args[2].Type.Lo > 0 || args[2].Type.Hi < 0) && !(rc.Args[2] is Constant || rc.Args[2] is UnaryOp { Operand: Constant }))
            {
                // a step whose sign is proven (range(i + i, m, i) with i ≥ 2): no zero test, one comparison
                var stepVar = Temp("s");
                _w.Line($"long {stepVar} = {step};");
                cond = args[2].Type.Lo > 0 ? $"{i} < {stopVar}" : $"{i} > {stopVar}";
                stepCode = stepVar;
                stepValue = args[2].Type.Lo > 0 ? 1 : -1;
            }
            else if (args.Count == 3 && !(rc.Args[2] is Constant || rc.Args[2] is UnaryOp { Operand: Constant }))
            {
                var stepVar = Temp("s");
                _w.Line($"long {stepVar} = {step};");
                _w.Line($"if ({stepVar} == 0) throw new ValueError(\"range() arg 3 must not be zero\");");
                cond = $"{stepVar} > 0 ? {i} < {stopVar} : {i} > {stopVar}";
                stepCode = stepVar;
            }
            else
            {
                bool negative = step.StartsWith("-", StringComparison.Ordinal) || step.StartsWith("(-", StringComparison.Ordinal);
                cond = negative ? $"{i} > {stopVar}" : $"{i} < {stopVar}";
            }
            string inc = stepCode == "1" ? $"{i}++" : $"{i} += {stepCode}";
            bool storeOnly = IsStoreOnlyLoop(f);
            if (storeOnly)
            {
                _w.Open("try");
                _storeOnlyLoop++;
            }
            _w.Open($"for (long {i} = {start}, {stopVar} = {stop}; {cond}; {inc})");
            var loopVar = _inferring && args.Any(a => a.Type.HasUnknown) ? PyType.Unknown : RangeVarType(args.Count >= 2 ? args[0].Type : IntRanges.Constant(0), args.Count >= 2 ? args[1].Type : args[0].Type, stepValue);
            TryEmitSearchSkip(f, i, stopVar, stepValue, args.Count >= 2 ? args[0].Type : IntRanges.Constant(0), loopVar);
            AssignValue(f.Target, new Ex(i, loopVar, true));
            EmitBlock(f.Body);
            _w.Close();
            if (!storeOnly) return;
            _storeOnlyLoop--;
            _w.Close();
            _w.Open("catch (IndexOutOfRangeException)");
            _w.Line("throw new IndexError(\"list assignment index out of range\");");
            _w.Close();
        }

        /// <summary>The values a range loop variable takes: between start and stop (exclusive) in the step's direction.</summary>
        private static PyType RangeVarType(PyType start, PyType stop, long? step)
        {
            PyType AsLong(PyType t) => t.IsLong ? t : PyType.LongFull;
            PyType a = AsLong(start), b = AsLong(stop);
            if (step > 0) return b.Hi == long.MinValue ? a : PyType.Long(a.Lo, Math.Max(a.Lo, b.Hi - 1));
            if (step < 0) return b.Lo == long.MaxValue ? a : PyType.Long(Math.Min(a.Hi, b.Lo + 1), a.Hi);
            return PyType.Long(Math.Min(a.Lo, b.Lo), Math.Max(a.Hi, b.Hi));
        }

        private static string LongCode(Ex e) => e.IntLiteral ? e.Code : e.Type.IsLong ? e.P : e.Type.Kind == TypeKind.Int ? $"(long){e.P}" : e.Type.Kind == TypeKind.Bool ? $"({e.Code} ? 1L : 0L)" : $"(long)Dyn.Cast<PyInt>({e.Code})";

        private PyType ElementType(PyType t) => t.Kind switch
        {
            TypeKind.Dict or TypeKind.DefaultDict or TypeKind.Counter => t.Key,
            TypeKind.Tuple => TupleElement(t),
            TypeKind.Class when Mapping.Libraries.ElementType(t) is { } library => library,
            TypeKind.Class when t.Equals(Mapping.Builtins.ByteArray) => PyType.Long(0, 255),
            TypeKind.Class when t.Equals(Mapping.Builtins.BinaryFile) => PyType.Bytes,
            TypeKind.Class => FindClass(t.Name.OrThrow()) is { } iterable ? IterElement(iterable) : PyType.Object,
            TypeKind.Object => PyType.Object,
            TypeKind.Unknown => _inferring ? PyType.Unknown : PyType.Object,
            _ => t.Elem,
        };

        /// <summary>
        /// What iterating a tuple gives: the join of its items, or a dynamic value when they are containers of different
        /// types (([1, 2], [1.5]): a PyList&lt;long&gt; is not a PyList&lt;object?&gt;).
        /// </summary>
        private static PyType TupleElement(PyType t)
        {
            var joined = t.Elem;
            bool containers = joined.Kind is TypeKind.List or TypeKind.Dict or TypeKind.DefaultDict or TypeKind.Set or TypeKind.Deque or TypeKind.Counter or TypeKind.Tuple or TypeKind.VarTuple;
            return containers && t.Args.Any(a => !a.Equals(joined)) ? PyType.Object : joined;
        }

        /// <summary>The C# expression to foreach over.</summary>
        // a list or dict subclass iterates as the builtin does, whatever its __getitem__
        private bool IteratesByIndex(PyType t) => ClassOf(t) is { } c && c.FindMethod("__iter__") is null && c.FindMethod("__getitem__") is not null && !ContainerValueClass(c);

        private string Iterate(Ex v) => v.Type.Kind switch
        {
            TypeKind.Class when Mapping.Libraries.Iterate(v) is { } library => library,
            TypeKind.Class when IteratesByIndex(v.Type) => $"Dyn.IterByIndex({v.Code})",
            TypeKind.Str => $"StrOps.Chars({v.Code})",
            TypeKind.Dict or TypeKind.DefaultDict or TypeKind.Counter => $"{v.P}.Keys().ToList()",
            TypeKind.Tuple => TupleItems(v),
            TypeKind.Object or TypeKind.Unknown => $"Dyn.Iter({v.Code})",
            TypeKind.VarTuple when v.Type.Elem.Kind is not (TypeKind.Object or TypeKind.Unknown) => $"{v.P}.Select(__v => Dyn.Cast<{CsTypes.Of(v.Type.Elem)}>(__v))",
            _ => v.P,
        };

        /// <summary>A tuple's items as a list, the tuple evaluated once (an expression is bound to a lambda parameter first).</summary>
        private string TupleItems(Ex v)
        {
            var listType = CsTypes.Of(PyType.List(TupleElement(v.Type)));
            bool simple = System.Text.RegularExpressions.Regex.IsMatch(v.Code, @"^[A-Za-z_@][\w.@]*$");
            string t = simple ? v.Code : Temp("tup");
            string items = $"new {listType} {{ {string.Join(", ", v.Type.Args.Select((a, i) => Coerce(new Ex($"{t}.Item{i + 1}", a, true), TupleElement(v.Type)).Code))} }}";
            return simple ? items : $"Py.Let<{CsTypes.Of(v.Type)}, {listType}>({v.Code}, {t} => {items})";
        }

        private const string NotImplementedCode = "Py.NotImplemented";

        /// <summary>The builtin <c>NotImplemented</c>, or a name narrowed to it by <c>if x is NotImplemented:</c>.</summary>
        private bool IsNotImplemented(ExpressionNode? e) => e is Name n
            && (n.Id == "NotImplemented" ? Resolve(n.Id).Kind is ResolvedKind.Builtin or ResolvedKind.Unknown : Resolve(n.Id).Code == NotImplementedCode);

        /// <summary>
        /// <c>return NotImplemented</c> in a dunder: what Python ends with when the other operand does not help either
        /// (== falls back to identity, != to non-identity, an ordering or arithmetic operator raises TypeError).
        /// </summary>
        private string NotImplementedResult(FunctionModel f)
        {
            var other = SavedOperand(f) ?? (f.Params.Count > 0 ? f.Params[0].CsName : "null");
            string cls = f.Owner?.Name ?? "object";
            return f.Name switch
            {
                "__eq__" => $"return ReferenceEquals(this, {other});",
                "__ne__" => $"return !ReferenceEquals(this, {other});",
                "__lt__" or "__le__" or "__gt__" or "__ge__" =>
                    $"throw new TypeError($\"'{OperatorSymbol(f.Name)}' not supported between instances of '{cls}' and '{{Dyn.TypeName({other})}}'\");",
                _ => $"throw new TypeError($\"unsupported operand type(s) for {OperatorSymbol(f.Name)}: '{cls}' and '{{Dyn.TypeName({other})}}'\");",
            };
        }

        /// <summary>
        /// A dunder that rebinds its operand (<c>other = self._coerce(other)</c>) and may return NotImplemented keeps the
        /// argument as passed: the TypeError names the operand's type, not the rebound value's.
        /// </summary>
        private static string? SavedOperand(FunctionModel f) =>
            f.Owner is not null && f.Params.Count > 0 && f.Name.StartsWith("__", StringComparison.Ordinal)
            && ModelBuilder.WalkExpressions(f.Def.Body).Any(e => e is Name { Id: "NotImplemented" })
            && ModelBuilder.AssignedNames(f.Def.Body, includeNested: false).Contains(f.Params[0].Name)
                ? "__operand" : null;

        private static string OperatorSymbol(string dunder) => dunder switch
        {
            "__lt__" => "<", "__le__" => "<=", "__gt__" => ">", "__ge__" => ">=",
            "__add__" or "__radd__" => "+", "__sub__" or "__rsub__" => "-", "__mul__" or "__rmul__" => "*", "__truediv__" or "__rtruediv__" => "/",
            "__floordiv__" => "//", "__mod__" => "%", "__pow__" => "** or pow()", "__matmul__" => "@",
            _ => dunder.Trim('_'),
        };

        private void EmitReturn(Return r)
        {
            if (_function is null)
            {
                UnsupportedStatement(r, "return outside a function");
                return;
            }
            if (_function.IsGenerator)
            {
                EmitGeneratorReturn(r.Value);
                return;
            }
            if (r.Value is null)
            {
                WidenReturn(_function, PyType.None);
                _w.Line(ReturnStatement(_function.ReturnType.Kind is TypeKind.None or TypeKind.Unknown ? null : "default!"));
                return;
            }
            if (IsNotImplemented(r.Value) && _function.Owner is not null && _function.Name.StartsWith("__", StringComparison.Ordinal) && _function.Name.EndsWith("__", StringComparison.Ordinal))
            {
                if (CountOut() is { } leave) _w.Line(leave);
                _w.Line(NotImplementedResult(_function));
                return;
            }
            _statementCall = _function.ReturnType.Kind == TypeKind.None ? r.Value as Call : null;
            var v = EmitExpr(r.Value, _function.ReturnType);
            _statementCall = null;
            WidenReturn(_function, v.Type);
            if (_function.ReturnType.Kind == TypeKind.None && v.Type.Kind == TypeKind.None)
            {
                if (r.Value is not Constant) _w.Line(v.Code + ";");
                _w.Line(ReturnStatement(null));
                return;
            }
            if (r.Value is Name or Subscript { Slice: not Slice } or Attribute && IsMutableContainer(_function.ReturnType) && IsMutableContainer(v.Type)) ContributeTo(r.Value, _function.ReturnType);
            _w.Line(ReturnStatement(Coerce(KeepIterator(v), _function.ReturnType).Code));
        }

        private void EmitRaise(Raise r)
        {
            if (r.Exc is null)
            {
                // Outside a catch block (a handler run after a try body that yields), rethrow the recorded exception.
                _w.Line(_rethrowVars.Count > 0 && _rethrowVars.Peek() is { } caught ? $"System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture({caught}).Throw();" : "throw;");
                return;
            }
            // `raise MyError` instantiates the class, as `raise MyError()` does
            bool isClass = r.Exc is Name cn && Resolve(cn.Id).Kind == ResolvedKind.Class;
            var exc = isClass ? EmitExpr(new Call(r.Exc, NodeList.Of(Array.Empty<ExpressionNode>()), default, r.Exc.Span)) : EmitExpr(r.Exc);
            string code = exc.Code;
            // `raise ValueError` (a builtin class) but not `raise err` (a variable holding an exception)
            if (!isClass && r.Exc is Name n && Resolve(n.Id).Kind == ResolvedKind.Builtin && ModelBuilder.BuiltinExceptions.Contains(n.Id))
                code = $"new {CsTypes.RuntimeException(n.Id)}()";
            // a value not typed as an exception class (an object, a class held in a variable, `raise 42`): checked at run time
            if (exc.Type.Kind != TypeKind.Class && !code.StartsWith("new ", StringComparison.Ordinal)) code = $"PyExc.Raisable({Box(exc)})";
            if (r.Cause is not null)
            {
                if (r.Cause is Constant { Value: null }) code = $"{Paren(code)}.WithCause(null)";
                else code = $"{Paren(code)}.WithCause({EmitExpr(r.Cause).Code})";
            }
            // raised while handling another exception: that one is the new exception's __context__
            if (_exceptionVars.Count > 0) code = $"PyExc.InContext({code}, {_exceptionVars.Peek()})";
            _w.Line($"throw {code};");
        }

        private static string Paren(string code) => code.StartsWith("new ", StringComparison.Ordinal) || code.Contains(' ') ? "(" + code + ")" : code;

        private void EmitTry(ITryStatement t)
        {
            if (TryEmitYieldingFinally(t) || (t is Try plain && TryEmitTryAroundYields(plain))) return;
            if (t is TryStar && _function is { IsGenerator: true } && ModelBuilder.ContainsYield(new[] { (StatementNode)t }))
            {
                UnsupportedStatement((StatementNode)t, "a yield inside try ... except*", "move the yield out of the try statement");
                return;
            }
            string? ok = t.Orelse.Count > 0 ? Temp("ok") : null;
            if (ok is not null) _w.Line($"bool {ok} = false;");
            // C# has no `yield return` inside a try with a catch clause, nor inside a catch. In a generator whose try
            // body (or handler) ends with `yield value` and yields nowhere else, the value is computed there and
            // yielded right after the try/catch: the same order of effects, since nothing of that block runs after
            // its last statement (an `else` block runs after the yield, as in Python).
            var savedDeferred = (_deferredYield, _deferredYieldNodes);
            var deferNodes = new List<StatementNode>();
            if (_function is { IsGenerator: true } && t.Handlers.Count > 0)
            {
                foreach (var block in new[] { t.Body }.Concat(t.Handlers.OfType<ExceptHandler>().Select(h => h.Body)))
                    if (block.Count > 0 && block[block.Count - 1] is Expr { Value: Yield } last && !ModelBuilder.ContainsYield(block.Take(block.Count - 1)))
                        deferNodes.Add(last);
            }
            (string Value, string Flag)? deferred = null;
            if (deferNodes.Count > 0)
            {
                var value = Temp("yv");
                var flag = Temp("hy");
                _w.Line($"{CsTypes.Of(YieldElem().Kind == TypeKind.Unknown ? PyType.Object : YieldElem())} {value} = default!;");
                _w.Line($"bool {flag} = false;");
                deferred = (value, flag);
                _deferredYield = deferred;
                _deferredYieldNodes = deferNodes;
            }
            bool hasFinally = t.Finalbody.Count > 0;
            if (hasFinally) _w.Open("try");
            string? depth = t.Handlers.Count > 0 ? SaveRecursionDepth() : null;
            if (t.Handlers.Count > 0) _w.Open("try");
            EmitBlock(t.Body);
            if (ok is not null) _w.Line($"{ok} = true;");
            if (t.Handlers.Count > 0)
            {
                _w.Close();
                if (t is TryStar) EmitStarHandlers(t.Handlers, depth);
                else foreach (var h in t.Handlers.OfType<ExceptHandler>()) EmitHandler(h, depth);
            }
            (_deferredYield, _deferredYieldNodes) = savedDeferred;
            if (deferred is { } d) _w.Line(_function is { ReceivesSent: true } ? $"if ({d.Flag}) {{ yield return {d.Value}; __gen.Received(); }}" : $"if ({d.Flag}) yield return {d.Value};");
            if (ok is not null)
            {
                _w.Open($"if ({ok})");
                EmitBlock(t.Orelse);
                _w.Close();
            }
            if (hasFinally)
            {
                _w.Close();
                _w.Open("finally");
                EmitBlock(t.Finalbody);
                _w.Close();
            }
        }

        /// <summary>
        /// In a program with recursive functions, the recursion depth before a try with handlers: an exception that
        /// unwinds guarded frames skips their count-out, so a handler that catches it puts the depth back.
        /// </summary>
        private string? SaveRecursionDepth()
        {
            if (!_hasRecursion) return null;
            var depth = Temp("depth");
            _w.Line($"int {depth} = RecursionGuard.Depth;");
            return depth;
        }

        private void RestoreRecursionDepth(string? depth)
        {
            if (depth is not null) _w.Line($"RecursionGuard.Depth = {depth};");
        }

        private void EmitHandler(ExceptHandler h, string? depth)
        {
            var ev = Temp("e");
            // except handled as e, where handled is a variable holding a class or a tuple of classes: tested at run time
            bool byValue = h.Type is Name hn && Resolve(hn.Id).Kind is ResolvedKind.Local or ResolvedKind.Global;
            var types = byValue ? new List<PyType> { PyType.Exception("BaseException") } : HandlerTypes(h);
            string test = byValue ? $"Py.IsInstanceOf(PyExc.Translate({ev}), {Box(EmitExpr(h.Type.OrThrow()))})" : HandlerTest(types, $"PyExc.Translate({ev})");
            _w.Open($"catch (Exception {ev}){(test.Length == 0 ? "" : $" when ({test})")}");
            RestoreRecursionDepth(depth);
            BindHandlerName(h, types, ev);
            _exceptionVars.Push(ev);
            _rethrowVars.Push(null);
            if (ProgramLogsExceptions) _w.Open($"using (PyExc.Handling({ev}))");
            EmitHandlerBody(h.Body, ev);
            if (ProgramLogsExceptions) _w.Close();
            _rethrowVars.Pop();
            _exceptionVars.Pop();
            _w.Close();
        }

        /// <summary>Whether any code reads <c>__context__</c>: only then is the implicit chaining observable.</summary>
        private bool ProgramReadsContext => _readsContext ??= _modules.Any(m =>
            ModelBuilder.WalkExpressions(m.Tree.Body).Concat(AllFunctions(m).SelectMany(f => ModelBuilder.WalkExpressions(f.Def.Body)))
                .Any(e => e is Attribute { Attr: "__context__" }));

        private bool? _readsContext;

        /// <summary>
        /// Whether any call may read the exception being handled (logging's exception(), exc_info=, sys.exc_info(), the
        /// traceback module's format_exc/print_exc): only then is it tracked.
        /// </summary>
        private bool ProgramLogsExceptions => _logsExceptions ??= _modules.Any(m =>
            ModelBuilder.WalkExpressions(m.Tree.Body).Concat(AllFunctions(m).SelectMany(f => ModelBuilder.WalkExpressions(f.Def.Body)))
                .Any(e => e is Call { Func: Attribute { Attr: "exception" or "exc_info" or "format_exc" or "print_exc" } or Name { Id: "exc_info" or "format_exc" or "print_exc" } }
                    || e is Call c && c.Keywords.Any(k => k.Arg == "exc_info")));

        private bool? _logsExceptions;

        /// <summary>
        /// An exception that a builtin operation raises in the handler (d[k], 1 / 0, a call), not only an explicit
        /// <c>raise</c>, gets the handled one as <c>__context__</c>: a filter that never catches sets it on the way
        /// out. Not around a body that cannot raise implicitly, nor one that yields (C# has no yield in a try/catch).
        /// </summary>
        private void EmitHandlerBody(NodeList<StatementNode> body, string ev)
        {
            if (body.All(s => s is Pass or Break or Continue or Raise) || ModelBuilder.ContainsYield(body) || !ProgramReadsContext)
            {
                EmitBlock(body);
                return;
            }
            var raised = Temp("e");
            _w.Open("try");
            EmitBlock(body);
            _w.Close();
            _w.Line($"catch (Exception {raised}) when (PyExc.ChainContext({raised}, PyExc.Translate({ev}))) {{ throw; }}");
        }

        /// <summary>
        /// The attribute a positional class pattern's i-th sub-pattern reads: a dataclass field, or the i-th name of the
        /// class's <c>__match_args__</c> tuple.
        /// </summary>
        private VarInfo? PositionalField(ClassModel cls, int i)
        {
            if (cls.IsDataclass) return DataclassFieldsWithBases(cls).ElementAtOrDefault(i);
            for (var k = cls; k is not null; k = k.Base)
            {
                var names = k.Def.Body.OfType<Assign>().Where(a => a.Targets.Count == 1 && a.Targets[0] is Name { Id: "__match_args__" })
                    .Select(a => a.Value is Tuple t ? t.Elts.Select(e => e is Constant { Value: string n } ? n : null).ToList() : null).FirstOrDefault();
                if (names is null) continue;
                return i < names.Count && names[i] is { } attr ? cls.FindField(attr) : null;
            }
            return null;
        }

        /// <summary>A class pattern's type test: a program class, or a builtin one tested as isinstance tests it (case int() matches True).</summary>
        private string MatchClassType(ClassModel? cls, ExpressionNode clsExpr) =>
            cls is not null ? ClassCsName(cls) : "(" + Mapping.Builtins.IsinstanceTarget(this, clsExpr) + ")";

        private PyType ExceptionType(ExpressionNode e)
        {
            var name = e is Name n ? n.Id : e is Attribute a ? a.Attr : "Exception";
            if (e is Attribute { Value: Name { Id: var module } } attr && Resolve(module) is { Kind: ResolvedKind.Module, Qualified: { } qualified } && ModuleErrorClass(qualified, attr.Attr) is { } moduleError)
                return PyType.Exception(moduleError);
            // from queue import Empty; except Empty:
            if (e is Name imported && Resolve(imported.Id) is { Kind: ResolvedKind.StdlibMember, Qualified: { } member } && member.LastIndexOf('.') is var dot and > 0
                && ModuleErrorClass(member.Substring(0, dot), member.Substring(dot + 1)) is { } importedError)
                return PyType.Exception(importedError);
            if (ClassNamed(e) is { } ec) return ec.Type;
            if (ModelBuilder.BuiltinExceptions.Contains(name)) return PyType.Exception(name);
            if (Mapping.Libraries.ExceptionType(name) is { } library) return library;
            if (name == "JSONDecodeError") return PyType.Exception("ValueError");
            if (RuntimeExceptionNames.Contains(name)) return PyType.Exception(name);
            Report(TranspilerCodes.Unsupported, TranspilerSeverity.Warning, $"unknown exception type '{name}' in except clause; catching Exception instead", null, e);
            return PyType.Exception("Exception");
        }

        /// <summary>A module's exception whose runtime class has another name: re.error, csv.Error, configparser.Error, shutil.Error, decimal.Overflow.</summary>
        private static string? ModuleErrorClass(string module, string attr) => (module, attr) switch
        {
            ("re", "error") => "ReError",
            ("csv", "Error") => "CsvError",
            ("configparser", "Error") => "ConfigParserError",
            ("struct", "error") => "StructError",
            ("binascii", "Error") => "BinAsciiError",
            ("zlib", "error") => "ZlibError",
            ("io", "UnsupportedOperation") => "UnsupportedOperation",
            ("queue", "Empty") => "QueueEmpty",
            ("queue", "Full") => "QueueFull",
            ("shutil", "Error") => "ShutilError",
            ("getopt", "error") => "GetoptError",
            ("decimal", "Overflow") => "DecimalOverflow",
            _ => null,
        };

        /// <summary>Stdlib exceptions that the runtime defines under their Python names.</summary>
        private static readonly HashSet<string> RuntimeExceptionNames = new(StringComparer.Ordinal)
        {
            "StatisticsError", "FrozenInstanceError", "DecimalException", "InvalidOperation", "DivisionByZero",
            "IllegalMonthError", "IllegalWeekdayError", "SameFileError", "GetoptError",
            "OptParseError", "OptionError", "OptionConflictError", "OptionValueError", "BadOptionError", "AmbiguousOptionError",
            "NoSectionError", "NoOptionError", "DuplicateSectionError", "DuplicateOptionError", "InterpolationError",
            "InterpolationMissingOptionError", "InterpolationSyntaxError", "InterpolationDepthError", "ParsingError", "MissingSectionHeaderError",
        };

        internal const string DecoratedSuffix = "__decorated";

        /// <summary>Where a decorated def runs: its name becomes decorator(function), applied bottom-up, as Python does.</summary>
        /// <summary>
        /// Defining a subclass runs the nearest base's <c>__init_subclass__</c> for it, with the class statement's
        /// keywords (<c>class Csv(Exporter, ext="csv")</c>): the plugin-registry idiom.
        /// </summary>
        private void CallInitSubclass(ClassModel c)
        {
            if (c.Base?.FindMethod("__init_subclass__") is null) return;
            var span = c.Def.Span;
            var hook = new Attribute(new Name(c.Name, ExprContext.Load, span), "__init_subclass__", ExprContext.Load, span);
            var keywords = new NodeList<Keyword>(c.Def.Keywords.Where(k => k.Arg != "metaclass").ToArray());
            EmitExprStatement(new Expr(new Call(hook, NodeList<ExpressionNode>.Empty, keywords, span), span));
        }

        /// <summary>Class decorators Batuta does not translate itself (the @dataclass family is part of the class).</summary>
        internal static bool IsUserClassDecorator(ExpressionNode d)
        {
            var dn = d is Name n ? n.Id : d is Attribute a ? a.Attr : d is Call { Func: Name cn } ? cn.Id : d is Call { Func: Attribute ca } ? ca.Attr : "";
            return dn is not ("dataclass" or "total_ordering" or "runtime_checkable" or "unique" or "final" or "");
        }

        /// <summary>
        /// <c>@register class A</c>: the decorators run on the class where the class statement runs, innermost first
        /// (registries). The name keeps the class, so a decorator must return it: anything else fails loudly.
        /// </summary>
        private void ApplyClassDecorators(ClassModel c)
        {
            var decorators = c.Def.DecoratorList.Where(IsUserClassDecorator).ToList();
            for (int i = decorators.Count - 1; i >= 0; i--)
                _w.Line($"Py.ClassDecorated(Dyn.Call({Box(EmitExpr(decorators[i]))}, typeof({ClassCsName(c)})), typeof({ClassCsName(c)}));");
        }

        /// <summary>A def of a name several defs bind: the module global now holds this one (see ModuleModel.RedefinedFunctions).</summary>
        private void BindRedefinedFunction(FunctionModel f)
        {
            var g = _module.Globals[f.Name];
            Widen(g, PyType.Object);
            _w.Line($"{g.CsName} = {(f.IsDecorated ? f.CsName + DecoratedSuffix : UndecoratedValue(f, f.CsName))};");
        }

        /// <summary>A nested def of a name several defs bind: the local now holds this one (see FunctionModel.RedefinedNested).</summary>
        private void BindRedefinedNested(VarInfo local, FunctionModel f)
        {
            Widen(local, PyType.Object);
            _w.Line($"{local.CsName} = {Box(FunctionValue(f, f.CsName))};");
        }

        private void EmitDecoration(FunctionModel f)
        {
            var value = UndecoratedValue(f, f.CsName);
            for (int i = f.Decorators.Count - 1; i >= 0; i--) value = Decorated(f.Decorators[i], value);
            _w.Line($"{f.CsName}{DecoratedSuffix} = {value};");
        }

        /// <summary>A decorator applied to a function value; @functools.singledispatch(method) is the runtime's dispatcher.</summary>
        private string Decorated(ExpressionNode decorator, string value, ClassModel? owner = null) => StdlibName(decorator) switch
        {
            "functools.singledispatch" => $"new SingleDispatch({value})",
            "functools.singledispatchmethod" => $"new SingleDispatch({value}, method: true)",
            _ => $"Dyn.Call({DecoratorValue(decorator, owner)}, {value})",
        };

        /// <summary>
        /// The decorator's value; in a class body, <c>@fmt.register</c> / <c>@fmt.register(float)</c> name the class's
        /// decorated method fmt (the class statement's scope), not a module global.
        /// </summary>
        private string DecoratorValue(ExpressionNode decorator, ClassModel? owner)
        {
            if (owner is not null && decorator is Attribute { Value: Name n } a && owner.Methods.TryGetValue(n.Id, out var m) && m.IsDecorated)
                return $"Dyn.GetAttr({ClassCsName(owner)}.{m.CsName}{DecoratedSuffix}, {CsNames.Literal(a.Attr)})";
            if (owner is not null && decorator is Call { Func: Attribute { Value: Name cn } } c && owner.Methods.TryGetValue(cn.Id, out var cm) && cm.IsDecorated && c.Keywords.Count == 0)
                return $"Dyn.Call({string.Join(", ", new[] { DecoratorValue(c.Func, owner) }.Concat(c.Args.Select(x => Box(EmitExpr(x)))))})";
            return Box(EmitExpr(decorator));
        }

        private void EmitWith(With w)
        {
            int opened = 0;
            bool bodyWritten = false;
            for (int index = 0; index < w.Items.Count && !bodyWritten; index++)
            {
                var item = w.Items[index];
                if (item is { ContextExpr: Call sc, OptionalVars: null } && StdlibName(sc.Func) == "contextlib.suppress")
                {
                    EmitSuppress(sc, w, index);
                    bodyWritten = true;
                    continue;
                }
                var ctx = EmitExpr(item.ContextExpr);
                if (ctx.Type.Kind == TypeKind.Class && FindClass(ctx.Type.Name.OrThrow()) is { } checkedClass && ContextProtocolError(checkedClass) is { } error)
                {
                    var bad = Temp("cm");
                    _w.Line($"var {bad} = {ctx.Code};");
                    _w.Line($"throw new TypeError({CsNames.Literal(error)});");
                    ctx = new Ex(bad, ctx.Type, true);
                }
                if (ctx.Type.Kind == TypeKind.Class && FindClass(ctx.Type.Name.OrThrow()) is { } cls && cls.FindMethod("__enter__") is { } enter)
                {
                    var cm = Temp("cm");
                    _w.Line($"var {cm} = {ctx.Code};");
                    var entered = new Ex($"{cm}.{enter.CsName}()", enter.ReturnType, false);
                    if (item.OptionalVars is not null) AssignValue(item.OptionalVars, entered);
                    else _w.Line(entered.Code + ";");
                    var exit = cls.FindMethod("__exit__");
                    if (exit is not null && exit.Params.Count == 3)
                    {
                        EmitUserContext(cm, exit, w, index + 1);
                        bodyWritten = true;
                        continue;
                    }
                    _w.Open("try");
                    opened++;
                    _withExits.Push(exit is null ? "" : $"{cm}.{exit.CsName}({string.Join(", ", exit.Params.Select(_ => "null"))});");
                    continue;
                }
                if (ContextGenerator(item.ContextExpr) is { } gen)
                {
                    EmitGeneratorContext(ctx, gen, w, index);
                    bodyWritten = true;
                    continue;
                }
                // a builtin value is no context manager: the dynamic path raises CPython's TypeError for it
                if (ctx.Type.Kind is TypeKind.Object or TypeKind.Unknown or TypeKind.Int or TypeKind.Float or TypeKind.Str or TypeKind.Bool or TypeKind.None
                    or TypeKind.List or TypeKind.Dict or TypeKind.DefaultDict or TypeKind.Counter or TypeKind.Tuple or TypeKind.VarTuple or TypeKind.Set or TypeKind.Deque)
                {
                    EmitDynamicContext(ctx, w, index);
                    bodyWritten = true;
                    continue;
                }
                var res = Temp("r");
                _w.Line($"var {res} = {ctx.Code};");
                if (item.OptionalVars is not null) AssignValue(item.OptionalVars, new Ex(res, ctx.Type, true));
                _w.Open("try");
                opened++;
                _withExits.Push(ctx.Type.Kind == TypeKind.File ? $"{res}.Close();" : $"({res} as IDisposable)?.Dispose();");
            }
            if (!bodyWritten) EmitBlock(w.Body);
            for (int i = 0; i < opened; i++)
            {
                _w.Close();
                _w.Open("finally");
                _w.Line(_withExits.Pop());
                _w.Close();
            }
        }

        private readonly Stack<string> _withExits = new();

        /// <summary>
        /// <c>with suppress(E1, E2), rest: body</c> is <c>try: (with rest: body) except (E1, E2): pass</c>, which is what
        /// contextlib.suppress's __exit__ amounts to; suppress() with no classes suppresses nothing.
        /// </summary>
        private void EmitSuppress(Call suppress, With w, int index)
        {
            var rest = w.Items.Skip(index + 1).ToArray();
            var inner = rest.Length > 0 ? NodeList.Of<StatementNode>(new With(NodeList.Of(rest), w.Body, w.TypeComment, w.Span)) : w.Body;
            if (suppress.Args.Count == 0)
            {
                EmitBlock(inner);
                return;
            }
            var caught = suppress.Args.Count == 1 && suppress.Args[0] is not Starred ? suppress.Args[0] : new Tuple(suppress.Args, ExprContext.Load, suppress.Span);
            var handler = new ExceptHandler(caught, null, NodeList.Of<StatementNode>(new Pass(w.Span)), w.Span);
            EmitStatement(new Try(inner, NodeList.Of<ExceptHandlerNode>(handler), NodeList.Of<StatementNode>(), NodeList.Of<StatementNode>(), w.Span));
        }

        private static bool IsMutableContainer(PyType t) => t.Kind is TypeKind.List or TypeKind.Dict or TypeKind.Set or TypeKind.Deque or TypeKind.DefaultDict or TypeKind.Counter;

        /// <summary><c>with gen(...) as x:</c> over a <c>@contextmanager</c> generator (see ContextManagerGenerator).</summary>
        private void EmitGeneratorContext(Ex call, FunctionModel gen, With w, int index)
        {
            var elem = ElementType(call.Type);
            var cm = Temp("cm");
            var ok = Temp("ok");
            _w.Line($"var {cm} = new Batuta.Python.Runtime.Modules.ContextManagerGenerator<{CsTypes.Of(elem)}>({call.Code});");
            var entered = new Ex($"{cm}.Enter()", elem, true);
            // `as st` holds the generator's own object: a list/dict st fills in widens what the generator yields
            if (w.Items[index].OptionalVars is Name asName && ResolveUnnarrowed(asName.Id).Var is { } asVar && IsMutableContainer(asVar.Type))
                WidenReturn(gen, PyType.Iterable(asVar.Type));
            if (w.Items[index].OptionalVars is { } target) AssignValue(target, entered);
            else _w.Line(entered.Code + ";");
            var ex = Temp("ex");
            _w.Line($"bool {ok} = true;");
            string? depth = SaveRecursionDepth();
            _w.Open("try");
            EmitWithRest(w, index + 1);
            _w.Close();
            _w.Open($"catch (Exception {ex})");
            RestoreRecursionDepth(depth);
            _w.Line($"{ok} = false;");
            // only a generator that receives the exception can suppress it; C# must see the others always rethrow
            if (gen.ReceivesSent) _w.Line($"if (!{cm}.Abort({ex})) throw;");
            else _w.Line($"{cm}.Abort({ex}); throw;");
            _w.Close();
            _w.Open("finally");
            _w.Line($"if ({ok}) {cm}.Exit();");
            _w.Close();
        }

        /// <summary>
        /// CPython's TypeError for <c>with</c> on an instance of a class that lacks __enter__ or __exit__; null when it
        /// has both, or when a base outside the program's single-inheritance classes may supply them.
        /// </summary>
        private string? ContextProtocolError(ClassModel c)
        {
            for (var k = c; k is not null; k = k.Base)
                if (k.Mixins.Count > 0 || k.Def.Bases.Count > 1 || k.Def.Bases.Count == 1 && k.Def.Bases[0] is not Name { Id: "object" } && (k.Base is null || ClassNamed(k.Def.Bases[0]) != k.Base))
                    return null;
            if (c.FindField("__enter__") is not null || c.FindField("__exit__") is not null) return null;
            string message = $"'{c.Name}' object does not support the context manager protocol";
            if (c.FindMethod("__enter__") is null) return message;
            return c.FindMethod("__exit__") is null ? message + " (missed __exit__ method)" : null;
        }

        /// <summary>
        /// A user context manager's __exit__ as Python calls it: (type, value, traceback) of an exception raised in the
        /// body, which a true result suppresses; (None, None, None) when the body ends any other way (also return/break).
        /// The remaining items of the same with statement nest inside.
        /// </summary>
        private void EmitUserContext(string cm, FunctionModel exit, With w, int nextItem)
        {
            for (int i = 0; i < 3; i++) WidenParam(exit, i, PyType.Object);
            string Args(string type, string value) =>
                $"{Coerce(new Ex(type, PyType.Object, true), exit.Params[0].Type).Code}, {Coerce(new Ex(value, PyType.Object, true), exit.Params[1].Type).Code}, {Coerce(new Ex("null", PyType.None, true), exit.Params[2].Type).Code}";
            string Raised(string py) => $"{cm}.{exit.CsName}({Args($"Py.Type({py})", py)})";
            Func<string, string>? suppressed = exit.ReturnType.Kind is TypeKind.None or TypeKind.Unknown ? null
                : exit.ReturnType.Kind == TypeKind.Bool ? Raised : py => $"Py.Truth({Box(new Ex(Raised(py), exit.ReturnType, true))})";
            EmitExitProtocol(w, nextItem, Raised, suppressed, $"{cm}.{exit.CsName}({Args("null", "null")})");
        }

        /// <summary>
        /// <c>with</c> on a value whose class only the run time knows: <see cref="DynamicContext"/> looks up
        /// <c>__enter__</c>/<c>__exit__</c> (or closes a runtime resource).
        /// </summary>
        private void EmitDynamicContext(Ex ctx, With w, int index)
        {
            var cm = Temp("cm");
            _w.Line($"var {cm} = new DynamicContext({Box(ctx)});");
            var entered = new Ex($"{cm}.Value", PyType.Object, true);
            if (w.Items[index].OptionalVars is { } target) AssignValue(target, entered);
            EmitExitProtocol(w, index + 1, py => $"{cm}.Exit({py})", py => $"{cm}.Exit({py})", $"{cm}.Exit(null)");
        }

        /// <summary>
        /// The body of a with statement (the remaining items nest inside) and its exit as Python runs it: the exception
        /// leaving the block goes to <paramref name="raised"/>, whose true <paramref name="suppressed"/> result swallows
        /// it; <paramref name="normal"/> runs when the body ends any other way (also return/break).
        /// </summary>
        private void EmitExitProtocol(With w, int nextItem, Func<string, string> raised, Func<string, string>? suppressed, string normal)
        {
            var ok = Temp("ok");
            var ex = Temp("ex");
            var py = Temp("py");
            if (_function is { IsGenerator: true } && ModelBuilder.ContainsYield(w.Body))
            {
                // C# has no yield inside a try with a catch: in a generator the block runs in try/finally, and
                // __exit__ sees (None, None, None) even when an exception leaves the block (it cannot suppress it)
                Report(TranspilerCodes.Unsupported, TranspilerSeverity.Warning, "an exception leaving a with block that yields reaches __exit__ as (None, None, None) and is not suppressed",
                    "move the yield out of the with block if __exit__ must see or suppress the exception", w);
                _w.Open("try");
                EmitWithRest(w, nextItem);
                _w.Close();
                _w.Open("finally");
                _w.Line(normal + ";");
                _w.Close();
                return;
            }
            _w.Line($"bool {ok} = true;");
            string? depth = SaveRecursionDepth();
            _w.Open("try");
            EmitWithRest(w, nextItem);
            _w.Close();
            _w.Open($"catch (Exception {ex})");
            RestoreRecursionDepth(depth);
            _w.Line($"{ok} = false;");
            _w.Line($"var {py} = PyExc.Translate({ex});");
            // an exception raised by __exit__ gets the one leaving the block as __context__ (a filter: nothing is caught)
            string chained = $"catch (Exception {ex}2) when (PyExc.ChainContext({ex}2, {py})) {{ throw; }}";
            if (suppressed is null)
            {
                _w.Line($"try {{ {raised(py)}; }} {chained}");
                _w.Line("throw;");
            }
            else
            {
                var keep = Temp("suppressed");
                _w.Line($"bool {keep};");
                _w.Line($"try {{ {keep} = {suppressed(py)}; }} {chained}");
                _w.Line($"if (!{keep}) throw;");
            }
            _w.Close();
            _w.Open("finally");
            _w.Line($"if ({ok}) {normal};");
            _w.Close();
        }

        private void EmitWithRest(With w, int nextItem)
        {
            if (nextItem < w.Items.Count) EmitWith(new With(NodeList.Of(w.Items.Skip(nextItem).ToArray()), w.Body, w.TypeComment, w.Span));
            else EmitBlock(w.Body);
        }

        // ---- match ----
        private void EmitMatch(Match m)
        {
            var subject = EmitExpr(m.Subject);
            var s = Temp("m");
            _w.Line($"var {s} = {subject.Code};");
            var subj = new Ex(s, subject.Type, true);
            bool first = true;
            foreach (var c in m.Cases)
            {
                var cond = Pattern(c.Pattern, subj);
                bool boundInCondition = false;
                if (c.Guard is not null)
                {
                    var saved = _w;
                    _w = new CodeWriter();
                    BindPattern(c.Pattern, subj);
                    var lines = _w.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
                    _w = saved;
                    var assigns = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^([A-Za-z_@][A-Za-z0-9_]*) = (.*);$")).ToList();
                    if (assigns.All(m => m.Success))
                    {
                        boundInCondition = true;
                        var binds = assigns.Select(m => $"(({m.Groups[1].Value} = {m.Groups[2].Value}) is var _)");
                        cond = $"({cond}){string.Concat(binds.Select(b => " && " + b))} && {Truth(EmitExpr(c.Guard))}";
                    }
                    else cond = $"({cond}) && {Truth(EmitExpr(c.Guard))}";
                }
                if (c.Pattern is MatchAs { Pattern: null, Name: null } && c.Guard is null)
                {
                    _w.Open(first ? "if (true)" : "else");
                }
                else _w.Open((first ? "if" : "else if") + $" ({cond})");
                if (!boundInCondition) BindPattern(c.Pattern, subj);
                EmitBlock(c.Body);
                _w.Close();
                first = false;
            }
        }

        private string Pattern(PatternNode p, Ex subj)
        {
            switch (p)
            {
                case MatchValue mv:
                    return Compare(subj, CompareOperator.Eq, EmitExpr(mv.Value, subj.Type));
                case MatchSingleton ms:
                    return ms.Value is null ? $"{subj.Code} is null" : $"Dyn.Eq({Box(subj)}, {(ms.Value is true ? "true" : "false")})";
                case MatchAs ma:
                    return ma.Pattern is null ? "true" : Pattern(ma.Pattern, subj);
                case MatchOr mo:
                    return string.Join(" || ", mo.Patterns.Select(x => "(" + Pattern(x, subj) + ")"));
                case MatchSequence sq:
                {
                    int star = -1;
                    for (int i = 0; i < sq.Patterns.Count; i++) if (sq.Patterns[i] is MatchStar) star = i;
                    var elem = ElementType(subj.Type);
                    var list = $"Py.AsSequence({Box(subj)})";
                    var q = Temp("q");
                    string len = star < 0 ? $"{list} is {{ }} {q} && {q}.Count == {sq.Patterns.Count}" : $"{list} is {{ }} {q} && {q}.Count >= {sq.Patterns.Count - 1}";
                    var parts = new List<string> { len };
                    for (int i = 0; i < sq.Patterns.Count; i++)
                    {
                        if (i == star) continue;
                        string idx = star >= 0 && i > star ? $"{q}.Count - {sq.Patterns.Count - i}" : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        var inner = Pattern(sq.Patterns[i], new Ex($"Py.SeqItem({q}, {idx})", PyType.Object, false));
                        if (inner != "true") parts.Add("(" + inner + ")");
                    }
                    _ = elem;
                    return string.Join(" && ", parts);
                }
                case MatchClass mc:
                {
                    var cls = ClassNamed(mc.Cls);
                    string type = MatchClassType(cls, mc.Cls);
                    // a typed subject is seen as object, so that a pattern of another type compiles (case int() on a bool)
                    string seen = cls is null && subj.Type.Kind is not (TypeKind.Object or TypeKind.Unknown) ? "(object?)" : "";
                    var parts = new List<string> { $"{seen}{Box(subj)} is {type}" };
                    for (int i = 0; i < mc.Patterns.Count && cls is not null; i++)
                    {
                        var field = PositionalField(cls, i);
                        if (field is null) continue;
                        var inner = Pattern(mc.Patterns[i], new Ex($"(({type}){Box(subj)}).{field.CsName}", field.Type, false));
                        if (inner != "true") parts.Add("(" + inner + ")");
                    }
                    for (int i = 0; i < mc.KwdAttrs.Count && cls is not null; i++)
                    {
                        var field = cls.FindField(mc.KwdAttrs[i]);
                        if (field is null) continue;
                        var inner = Pattern(mc.KwdPatterns[i], new Ex($"(({type}){Box(subj)}).{field.CsName}", field.Type, false));
                        if (inner != "true") parts.Add("(" + inner + ")");
                    }
                    return string.Join(" && ", parts);
                }
                case MatchMapping mm:
                {
                    var parts = new List<string> { $"{Box(subj)} is IPyDict" };
                    for (int i = 0; i < mm.Keys.Count; i++)
                    {
                        var k = Box(EmitExpr(mm.Keys[i]));
                        parts.Add($"((IPyDict){Box(subj)}).ContainsKeyObject({k})");
                        var inner = Pattern(mm.Patterns[i], new Ex($"((IPyDict){Box(subj)}).GetItem({k})", PyType.Object, false));
                        if (inner != "true") parts.Add("(" + inner + ")");
                    }
                    return string.Join(" && ", parts);
                }
            }
            return "false";
        }

        /// <summary>What <c>case int(n)</c> binds n as: the subject itself, so True stays True (bool is an int) and only a known int is typed int.</summary>
        private static PyType BuiltinPatternType(string name, Ex subj) => name switch
        {
            "int" => subj.Type.Kind == TypeKind.Int ? PyType.Int : PyType.Object,
            "float" => PyType.Float, "str" => PyType.Str, "bool" => PyType.Bool, _ => PyType.Object,
        };

        private void BindPattern(PatternNode p, Ex subj)
        {
            switch (p)
            {
                case MatchAs ma:
                    if (ma.Name is not null) AssignValue(new Name(ma.Name, ExprContext.Store, ma.Span), subj);
                    if (ma.Pattern is not null) BindPattern(ma.Pattern, subj);
                    break;
                case MatchOr mo:
                {
                    // the names an or-pattern captures come from the alternative that matched
                    var alternatives = mo.Patterns.Where(x => ModelBuilder.PatternNames(x).Any()).ToList();
                    for (int i = 0; i < alternatives.Count; i++)
                    {
                        _w.Open(i == 0 ? $"if ({Pattern(alternatives[i], subj)})" : $"else if ({Pattern(alternatives[i], subj)})");
                        BindPattern(alternatives[i], subj);
                        _w.Close();
                    }
                    break;
                }
                case MatchSequence sq:
                {
                    int star = -1;
                    for (int i = 0; i < sq.Patterns.Count; i++) if (sq.Patterns[i] is MatchStar) star = i;
                    var elem = ElementType(subj.Type);
                    var list = $"Py.AsSequence({Box(subj)})!";
                    for (int i = 0; i < sq.Patterns.Count; i++)
                    {
                        if (sq.Patterns[i] is MatchStar ms)
                        {
                            if (ms.Name is not null)
                                AssignValue(new Name(ms.Name, ExprContext.Store, ms.Span), new Ex($"Py.SeqRest<{CsTypes.Of(elem)}>({list}, {i}, {sq.Patterns.Count - i - 1})", PyType.List(elem), false));
                            continue;
                        }
                        string idx = star >= 0 && i > star ? $"{list}.Count - {sq.Patterns.Count - i}" : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        BindPattern(sq.Patterns[i], new Ex($"Dyn.Cast<{CsTypes.Of(elem)}>(Py.SeqItem({list}, {idx}))", elem, false));
                    }
                    break;
                }
                case MatchClass mc:
                {
                    var name = mc.Cls is Name n ? n.Id : "object";
                    var cls = ClassNamed(mc.Cls);
                    string type = cls is not null ? ClassCsName(cls) : ClassCsName(name);
                    if (cls is null)
                    {
                        var bt = BuiltinPatternType(name, subj);
                        foreach (var x in mc.Patterns) BindPattern(x, Coerce(new Ex(Box(subj), PyType.Object, subj.Atomic), bt));
                        break;
                    }
                    for (int i = 0; i < mc.Patterns.Count; i++)
                    {
                        var field = PositionalField(cls, i);
                        if (field is not null) BindPattern(mc.Patterns[i], new Ex($"(({type}){Box(subj)}).{field.CsName}", field.Type, false));
                    }
                    for (int i = 0; i < mc.KwdAttrs.Count; i++)
                    {
                        var field = cls.FindField(mc.KwdAttrs[i]);
                        if (field is not null) BindPattern(mc.KwdPatterns[i], new Ex($"(({type}){Box(subj)}).{field.CsName}", field.Type, false));
                    }
                    break;
                }
                case MatchMapping mm:
                    for (int i = 0; i < mm.Keys.Count; i++)
                        BindPattern(mm.Patterns[i], new Ex($"((IPyDict){Box(subj)}).GetItem({Box(EmitExpr(mm.Keys[i]))})", PyType.Object, false));
                    if (mm.Rest is not null)
                    {
                        var dt = subj.Type.Kind == TypeKind.Dict ? PyType.Dict(subj.Type.Args[0], subj.Type.Args[1]) : PyType.Dict(PyType.Object, PyType.Object);
                        string keys = string.Concat(mm.Keys.Select(k => ", " + Box(EmitExpr(k))));
                        string generic = $"{CsTypes.Of(dt.Args[0])}, {CsTypes.Of(dt.Args[1])}";
                        AssignValue(new Name(mm.Rest, ExprContext.Store, mm.Span), new Ex($"Py.MappingRest<{generic}>((IPyDict){Box(subj)}{keys})", dt, false));
                    }
                    break;
            }
        }

        // ---- narrowing: if x is not None / isinstance(x, T) ----
        private void WithNarrowing(ExpressionNode test, bool whenTrue, Action body)
        {
            var map = new Dictionary<string, Ex>(StringComparer.Ordinal);
            CollectNarrowing(test, whenTrue, map);
            _narrowed.Add(map);
            try { body(); }
            finally { _narrowed.RemoveAt(_narrowed.Count - 1); }
        }

        private void CollectNarrowing(ExpressionNode test, bool whenTrue, Dictionary<string, Ex> map)
        {
            switch (test)
            {
                case Compare { Ops.Count: 1, Left: Name n, Comparators: var cs } c when cs[0] is Constant { Value: null }:
                {
                    bool notNone = c.Ops[0] == CompareOperator.IsNot || c.Ops[0] == CompareOperator.NotEq;
                    if (notNone == whenTrue) NarrowOptional(n.Id, map);
                    break;
                }
                case Compare c when c.Ops.All(o => o is CompareOperator.Lt or CompareOperator.LtE or CompareOperator.Gt or CompareOperator.GtE or CompareOperator.Eq or CompareOperator.NotEq) && (whenTrue || c.Ops.Count == 1):
                {
                    var left = c.Left;
                    for (int i = 0; i < c.Ops.Count; i++)
                    {
                        var op = whenTrue ? c.Ops[i] : Negate(c.Ops[i]);
                        NarrowRange(left, op, c.Comparators[i], map);
                        NarrowRange(c.Comparators[i], Mirror(op), left, map);
                        left = c.Comparators[i];
                    }
                    break;
                }
                case Compare { Ops.Count: 1, Left: Name n } c when c.Comparators[0] is Name { Id: "NotImplemented" } && c.Ops[0] == (whenTrue ? CompareOperator.Is : CompareOperator.IsNot) && Resolve("NotImplemented").Kind is ResolvedKind.Builtin or ResolvedKind.Unknown:
                    // `if other is NotImplemented: return other` returns the marker, i.e. the operator's fallback
                    map[n.Id] = new Ex(NotImplementedCode, PyType.Object, true);
                    break;
                case Name n when whenTrue:
                    NarrowOptional(n.Id, map);
                    break;
                case BoolOp { Op: BoolOperator.And } b when whenTrue:
                    foreach (var v in b.Values) CollectNarrowing(v, true, map);
                    break;
                case UnaryOp { Op: UnaryOperator.Not } u:
                    CollectNarrowing(u.Operand, !whenTrue, map);
                    break;
                case Call { Func: Name { Id: "isinstance" }, Args: var args } when whenTrue && args.Count == 2 && args[0] is Name vn:
                {
                    var r = Resolve(vn.Id);
                    if (r.Var is null) break;
                    var t = IsinstanceType(args[1]);
                    if (t is null || t.Equals(r.Var.Type)) break;
                    if (t.Kind == TypeKind.Object) break;
                    // an int check also passes bools and IntEnum members: converted, not cast
                    map[vn.Id] = t.Kind == TypeKind.Int ? new Ex($"Dyn.Cast<PyInt>({Box(new Ex(r.Code, r.Var.Type, true))})", t, true)
                        : new Ex($"(({CsTypes.Of(t)}){(r.Var.Type.Kind is TypeKind.Object or TypeKind.Unknown or TypeKind.Class ? "" : "(object?)")}{Box(new Ex(r.Code, r.Var.Type, true))})", t, true);
                    break;
                }
            }
        }

        private static CompareOperator Negate(CompareOperator op) => op switch
        {
            CompareOperator.Lt => CompareOperator.GtE,
            CompareOperator.LtE => CompareOperator.Gt,
            CompareOperator.Gt => CompareOperator.LtE,
            CompareOperator.GtE => CompareOperator.Lt,
            CompareOperator.Eq => CompareOperator.NotEq,
            _ => CompareOperator.Eq,
        };

        /// <summary>a op b as b op' a.</summary>
        private static CompareOperator Mirror(CompareOperator op) => op switch
        {
            CompareOperator.Lt => CompareOperator.Gt,
            CompareOperator.LtE => CompareOperator.GtE,
            CompareOperator.Gt => CompareOperator.Lt,
            CompareOperator.GtE => CompareOperator.LtE,
            _ => op,
        };

        /// <summary>
        /// <c>i &lt; n</c> bounds a long local i by n's range inside the branch. Only locals of this function that no nested
        /// function rebinds (nonlocal) qualify: nothing else can change them between the test and their use.
        /// </summary>
        private void NarrowRange(ExpressionNode subject, CompareOperator op, ExpressionNode bound, Dictionary<string, Ex> map)
        {
            if (subject is not Name n || _function is null || op == CompareOperator.NotEq) return;
            var r = Resolve(n.Id);
            if (r.Kind != ResolvedKind.Local || r.Var is null || _lambdaScope.ContainsKey(n.Id) || !IsOwnLocal(n.Id)) return;
            var current = r.NarrowedType ?? r.Var.Type;
            if (!current.IsLong) return;
            var b = EmitExprQuiet(bound).Type;
            if (b.Kind == TypeKind.Bool) b = BoolAsInt;
            if (!b.IsLong) return;
            var t = op switch
            {
                CompareOperator.Lt => b.Hi == long.MinValue ? current : IntRanges.Intersect(current, long.MinValue, b.Hi - 1),
                CompareOperator.LtE => IntRanges.Intersect(current, long.MinValue, b.Hi),
                CompareOperator.Gt => b.Lo == long.MaxValue ? current : IntRanges.Intersect(current, b.Lo + 1, long.MaxValue),
                CompareOperator.GtE => IntRanges.Intersect(current, b.Lo, long.MaxValue),
                _ => IntRanges.Intersect(current, b.Lo, b.Hi),
            };
            if (!t.Equals(current)) map[n.Id] = new Ex(r.Code, t, true);
        }

        /// <summary>A parameter or local of the current function that no nested function declares nonlocal.</summary>
        private bool IsOwnLocal(string name)
        {
            var f = _function.OrThrow();
            if (f.Globals.Contains(name) || f.Nonlocals.Contains(name)) return false;
            if (!f.Locals.ContainsKey(name) && f.Params.All(p => p.Name != name)) return false;
            return !ModelBuilder.Walk(f.Def.Body).OfType<FunctionDef>().Any(d => ModelBuilder.Walk(d.Body).OfType<Nonlocal>().Any(nl => nl.Names.Contains(name)))
                && !f.Nested.Values.Any(nf => nf.Nonlocals.Contains(name));
        }

        private void NarrowOptional(string name, Dictionary<string, Ex> map)
        {
            var r = Resolve(name);
            if (r.Var is null || r.Var.Type.Kind != TypeKind.Optional) return;
            var inner = r.Var.Type.Inner;
            map[name] = new Ex(CsTypes.IsValueType(inner) ? $"{r.Code}.Value" : $"{r.Code}!", inner, true);
        }

        private PyType? IsinstanceType(ExpressionNode e)
        {
            if (e is Tuple) return null;
            var name = e is Name n ? n.Id : e is Attribute a ? a.Attr : null;
            return name switch
            {
                null => null,
                "int" => PyType.Int,
                "float" => PyType.Float,
                "str" => PyType.Str,
                "bool" => PyType.Bool,
                "list" or "dict" or "tuple" or "set" => null,
                _ => ClassNamed(e) is { } c ? c.Type : ModelBuilder.BuiltinExceptions.Contains(name) ? PyType.Exception(name) : null,
            };
        }
    }
}
