using Batuta.Python.Ast;
using Batuta.Transpiler.Inference;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    internal sealed partial class Emitter
    {
        // Facade for the mapping tables.
        internal Ex Expr(ExpressionNode e, PyType? expected = null) => EmitExpr(e, expected);
        internal Ex CoerceTo(Ex v, PyType t) => Coerce(v, t);
        internal static string BoxOf(Ex v) => Box(v);
        internal string TruthOf(Ex v) => Truth(v);
        internal string EnumerableOf(Ex v) => AsEnumerable(v);
        internal PyType ElementOf(PyType t) => ElementType(t);
        internal Ex NotSupported(Node at, string construct, string? hint = null) => Unsupported(at, construct, hint);
        internal void Contribute(ExpressionNode container, PyType contribution) => ContributeTo(container, contribution);
        internal string IndexOf(Ex key) => IndexCode(key);
        internal static string Long(Ex e) => LongCode(e);
        internal string TempName(string prefix) => Temp(prefix);
        internal bool IsUserClass(PyType t) => t.Kind == TypeKind.Class && FindClass(t.Name!) is not null;
        internal ClassModel? ClassOf(PyType t) => t.Kind == TypeKind.Class ? FindClass(t.Name!) : null;
        internal string StrOfValue(Ex v) => StrOf(v);
        internal string FormatArgsOf(Ex r) => FormatArgs(r);
        internal Ex Peek(ExpressionNode e) => EmitExprQuiet(e);
        internal PyType DynamicOf(params Ex[] operands) => DynamicType(operands);

        private Ex EmitCall(Call call, PyType expected)
        {
            switch (call.Func)
            {
                case Name n:
                {
                    if (n.Id is "eval" or "exec" or "compile" or "globals" or "locals" or "__import__" or "breakpoint" && Resolve(n.Id).Kind == ResolvedKind.Builtin)
                        return Unsupported(call, n.Id + "()", "dynamic code execution cannot be migrated statically; replace it with explicit code");
                    var r = Resolve(n.Id);
                    switch (r.Kind)
                    {
                        case ResolvedKind.Function: return CallFunction(r.Function!, r.Code, call);
                        case ResolvedKind.Class: return Construct(r.Class!, r.Code, call);
                        case ResolvedKind.Builtin:
                            if (ModelBuilder.BuiltinExceptions.Contains(n.Id))
                                return new Ex($"new {CsTypes.RuntimeException(n.Id)}({string.Join(", ", call.Args.Select(a => Box(EmitExpr(a))))})", PyType.Exception(n.Id), true);
                            return WhileArgumentsUnknown(() => Mapping.Builtins.Call(this, n.Id, call, expected));
                        case ResolvedKind.StdlibMember:
                            return WhileArgumentsUnknown(() => Mapping.StdlibModules.Call(this, r.Qualified!, call, expected));
                        case ResolvedKind.Local or ResolvedKind.Global:
                            return CallValue(new Ex(r.Code, r.NarrowedType ?? r.Var!.Type, true), call);
                    }
                    return CallValue(EmitName(n), call);
                }
                case Attribute a:
                    return CallAttribute(a, call, expected);
            }
            return CallValue(EmitExpr(call.Func), call);
        }

        private int _unknownSeen;

        /// <summary>
        /// A mapped call (builtin, standard module, method) whose int or dynamic result depends on arguments inference has not typed yet: "not known yet"
        /// too, as for operators (DynamicType), so an early guess (a PyInt, a full long range) never sticks.
        /// </summary>
        private Ex WhileArgumentsUnknown(Func<Ex> call) => MaybeWhileArgumentsUnknown(() => call())!.Value;

        private Ex? MaybeWhileArgumentsUnknown(Func<Ex?> call)
        {
            int before = _unknownSeen;
            var r = call();
            if (_inferring && r is { } v && _unknownSeen != before && v.Type.Kind is TypeKind.Int or TypeKind.Object)
                return new Ex(v.Code, PyType.Unknown, v.Atomic);
            return r;
        }

        private Ex CallValue(Ex f, Call call)
        {
            NoteUnknownCode();
            if (f.Type.Kind == TypeKind.Func)
            {
                var ps = f.Type.Params.ToList();
                var args = call.Args.Select((a, i) => Coerce(EmitExpr(a, i < ps.Count ? ps[i] : PyType.Unknown), i < ps.Count ? ps[i] : PyType.Object).Code);
                return new Ex($"{f.P}({string.Join(", ", args)})", f.Type.Return, true);
            }
            if (f.Type.Kind == TypeKind.Class && FindClass(f.Type.Name!)?.FindMethod("__call__") is { } m)
                return new Ex($"{f.P}.{m.CsName}({string.Join(", ", BindArguments(m, call.Args.ToList(), call.Keywords.ToList(), call))})", m.ReturnType, true);
            var argCodes = call.Args.Select(a => Box(EmitExpr(a)));
            return new Ex($"Dyn.Call({Box(f)}{string.Concat(argCodes.Select(x => ", " + x))})", DynamicType(f), true);
        }

        private Ex CallFunction(FunctionModel f, string code, Call call)
        {
            NoteCall(f);
            var args = BindArguments(f, call.Args.ToList(), call.Keywords.ToList(), call);
            var rt = f.IsGenerator ? (f.ReturnType.Kind == TypeKind.Iterable ? f.ReturnType : PyType.Iterable(f.ReturnType)) : f.ReturnType;
            var ex = new Ex($"{code}({string.Join(", ", args)})", rt.Kind == TypeKind.Unknown && !_inferring ? PyType.None : rt, true);
            return rt.Kind is TypeKind.None ? new Ex(ex.Code, PyType.None, true) : ex;
        }

        /// <summary>Positional, keyword and default arguments → one C# argument per parameter (types widened by inference).</summary>
        private List<string> BindArguments(FunctionModel f, List<ExpressionNode> args, List<Keyword> keywords, Node at)
        {
            var defaults = DefaultsOf(f);
            var result = new string?[f.Params.Count];
            var extra = new List<string>();
            int pos = 0;
            foreach (var a in args)
            {
                if (a is Starred vst && f.VarArgs is not null && pos >= f.Params.Count)
                {
                    var sv = EmitExpr(vst.Value);
                    Widen(f.VarArgs, PyType.VarTuple(ElementType(sv.Type)));
                    extra.Add($"..{AsEnumerable(sv)}.Select(__s => (object?)__s)");
                    continue;
                }
                if (a is Starred st)
                {
                    var sv = EmitExpr(st.Value);
                    var elem = ElementType(sv.Type);
                    var tmp = Temp("sa");
                    for (; pos < f.Params.Count; pos++)
                    {
                        WidenParam(f, pos, elem);
                        result[pos] = Coerce(new Ex($"Py.Unpack<{CsTypes.Of(elem)}>({AsEnumerable(sv)}, {f.Params.Count})[{pos}]", elem, false), f.Params[pos].Type).Code;
                    }
                    _ = tmp;
                    continue;
                }
                if (pos < f.Params.Count)
                {
                    var v = EmitExpr(a, f.Params[pos].Type);
                    WidenParam(f, pos, v.Type);
                    ShareContainerType(a, v.Type, f.Params[pos].Type);
                    result[pos] = Coerce(v, f.Params[pos].Type).Code;
                    pos++;
                }
                else if (f.VarArgs is not null)
                {
                    var v = EmitExpr(a);
                    Widen(f.VarArgs, PyType.VarTuple(v.Type));
                    extra.Add(Box(v));
                }
                else
                {
                    Report(TranspilerCodes.Unsupported, TranspilerSeverity.Warning, $"{f.Name}() takes {f.Params.Count} positional arguments but more were given", null, at);
                }
            }
            foreach (var k in keywords)
            {
                if (k.Arg is null) { Unsupported(k.Value, "**kwargs in a call", "pass the arguments by name"); continue; }
                int i = f.Params.FindIndex(p => p.Name == k.Arg);
                if (i < 0) { Report(TranspilerCodes.Unsupported, TranspilerSeverity.Warning, $"{f.Name}() got an unexpected keyword argument '{k.Arg}'", null, k.Value); continue; }
                var v = EmitExpr(k.Value, f.Params[i].Type);
                WidenParam(f, i, v.Type);
                ShareContainerType(k.Value, v.Type, f.Params[i].Type);
                result[i] = Coerce(v, f.Params[i].Type).Code;
            }
            for (int i = 0; i < result.Length; i++)
            {
                if (result[i] is not null) continue;
                var d = i < defaults.Count ? defaults[i].Default : null;
                if (d is null)
                {
                    Report(TranspilerCodes.Unsupported, TranspilerSeverity.Warning, $"{f.Name}() missing required argument '{f.Params[i].Name}'", null, at);
                    result[i] = "default!";
                    continue;
                }
                if (IsInlineDefault(d))
                {
                    var saved = _function;
                    var v = EmitExpr(d, f.Params[i].Type);
                    WidenParam(f, i, v.Type);
                    result[i] = Coerce(v, f.Params[i].Type).Code;
                    _function = saved;
                }
                else
                {
                    var owner = f.Owner is null ? _modules.First(m => m.Functions.ContainsValue(f)).CsName : ClassCsName(f.Owner.Name);
                    var sv = EmitDefaultValueType(f, d);
                    WidenParam(f, i, sv);
                    result[i] = owner + "." + DefaultField(f, f.Params[i]);
                }
            }
            var list = result.Select(x => x!).ToList();
            if (extra.Any(x => x.StartsWith("..", StringComparison.Ordinal)))
                list.Add("[" + string.Join(", ", extra) + "]");
            else list.AddRange(extra);
            return list;
        }

        /// <summary>Keyword arguments as a PyDict for dynamic calls (builtin names such as <c>type=int</c> become functions).</summary>
        internal string KeywordDict(Call call)
        {
            var items = call.Keywords.Where(k => k.Arg is not null).Select(k =>
            {
                var v = k.Value is Name n && Resolve(n.Id).Kind == ResolvedKind.Builtin && Mapping.Builtins.AsValue(n.Id) is { } bv ? bv : EmitExpr(k.Value);
                return $"[{CsNames.Literal(k.Arg!)}] = {Box(v)}";
            });
            return $"new PyDict<string, object?> {{ {string.Join(", ", items)} }}";
        }

        /// <summary>A list passed to a function is the same list: what the callee appends refines the caller's variable too.</summary>
        private void ShareContainerType(ExpressionNode arg, PyType argType, PyType paramType)
        {
            if (argType.Kind != paramType.Kind || argType.Equals(paramType)) return;
            if (argType.Kind is TypeKind.List or TypeKind.Dict or TypeKind.Set or TypeKind.DefaultDict or TypeKind.Deque or TypeKind.Counter)
                ContributeTo(arg, paramType);
        }

        private PyType EmitDefaultValueType(FunctionModel f, ExpressionNode d)
        {
            var saved = (_function, _module);
            _function = null;
            var m = f.Owner?.Module ?? _modules.FirstOrDefault(x => x.Functions.ContainsValue(f)) ?? _module;
            _module = m;
            var t = EmitExprQuiet(d).Type;
            (_function, _module) = saved;
            return t;
        }

        private Ex Construct(ClassModel c, string code, Call call)
        {
            var type = PyType.Class(c.Name);
            if (c.IsEnum)
            {
                var v = EmitExpr(call.Args[0]);
                return new Ex($"{code}.Members.First(__e => Dyn.Eq(__e.Value, {Box(v)}))", type, true);
            }
            var init = c.FindMethod("__init__");
            if (init is not null) NoteCall(init);
            if (init is null && c.IsDataclass || init is null && c.Base?.IsDataclass == true)
            {
                var fields = DataclassFieldsWithBases(c.IsDataclass ? c : c.Base!);
                var defaultsByName = new Dictionary<string, ExpressionNode?>();
                for (var x = c; x is not null; x = x.Base) foreach (var (n, d, _) in x.DataFields) if (!defaultsByName.ContainsKey(n)) defaultsByName[n] = d;
                var result = new string?[fields.Count];
                for (int i = 0; i < call.Args.Count && i < fields.Count; i++)
                {
                    var v = EmitExpr(call.Args[i], fields[i].Type);
                    Widen(fields[i], v.Type);
                    result[i] = Coerce(v, fields[i].Type).Code;
                }
                foreach (var k in call.Keywords)
                {
                    int i = fields.FindIndex(f => f.Name == k.Arg);
                    if (i < 0) continue;
                    var v = EmitExpr(k.Value, fields[i].Type);
                    Widen(fields[i], v.Type);
                    result[i] = Coerce(v, fields[i].Type).Code;
                }
                for (int i = 0; i < result.Length; i++)
                {
                    if (result[i] is not null) continue;
                    var d = defaultsByName.TryGetValue(fields[i].Name, out var dd) ? dd : null;
                    if (d is Call { Func: Name { Id: "field" } } fc)
                    {
                        var factory = fc.Keywords.FirstOrDefault(k => k.Arg == "default_factory")?.Value;
                        var dv = fc.Keywords.FirstOrDefault(k => k.Arg == "default")?.Value;
                        if (factory is not null) d = new Call(factory, default, default, factory.Span);
                        else d = dv;
                    }
                    if (d is null) { result[i] = "default!"; continue; }
                    var saved = _function;
                    _function = null;
                    var v = EmitExpr(d, fields[i].Type);
                    _function = saved;
                    Widen(fields[i], v.Type);
                    result[i] = Coerce(v, fields[i].Type).Code;
                }
                return new Ex($"new {code}({string.Join(", ", result)})", type, true);
            }
            if (init is null)
            {
                if (c.IsException)
                    return new Ex($"new {code}({string.Join(", ", call.Args.Select(a => Box(EmitExpr(a))))})", type, true);
                return new Ex($"new {code}()", type, true);
            }
            return new Ex($"new {code}({string.Join(", ", BindArguments(init, call.Args.ToList(), call.Keywords.ToList(), call))})", type, true);
        }

        private Ex CallAttribute(Attribute a, Call call, PyType expected)
        {
            // super().method(...)
            if (a.Value is Call { Func: Name { Id: "super" } } && _class is not null)
            {
                var bm = _class.Base?.FindMethod(a.Attr);
                if (bm is not null) NoteCall(bm);
                if (bm is not null)
                    return new Ex($"base.{bm.CsName}({string.Join(", ", BindArguments(bm, call.Args.ToList(), call.Keywords.ToList(), call))})", bm.ReturnType, true);
                if (a.Attr == "__str__") return new Ex("base.PyStr()", PyType.Str, true);
                if (a.Attr == "__repr__") return new Ex("base.PyRepr()", PyType.Str, true);
                return Unsupported(call, $"super().{a.Attr}()");
            }
            // Class.method(...) for static/class methods
            if (a.Value is Name cn && Resolve(cn.Id) is { Kind: ResolvedKind.Class, Class: { } cls })
            {
                var sm = cls.FindMethod(a.Attr);
                if (sm is not null) NoteCall(sm);
                if (sm is not null && (sm.IsStatic || sm.IsClassMethod))
                    return new Ex($"{ClassCsName(cls.Name)}.{sm.CsName}({string.Join(", ", BindArguments(sm, call.Args.ToList(), call.Keywords.ToList(), call))})", sm.IsGenerator ? PyType.Iterable(sm.ReturnType.Elem) : sm.ReturnType, true);
                if (sm is not null && call.Args.Count > 0)
                {
                    // Base.method(self, ...) — an explicit unbound call
                    var self = EmitExpr(call.Args[0]);
                    var rest = call.Args.Skip(1).ToList();
                    return new Ex($"{(_class is not null && _class.IsSubclassOf(cls) && self.Code == "this" ? "base" : $"(({ClassCsName(cls.Name)}){self.P})")}.{sm.CsName}({string.Join(", ", BindArguments(sm, rest, call.Keywords.ToList(), call))})", sm.ReturnType, true);
                }
            }
            if (a.Value is Name { Id: "dict" } dn && Resolve("dict").Kind == ResolvedKind.Builtin && a.Attr == "fromkeys")
            {
                var src = EmitExpr(call.Args[0]);
                var val = call.Args.Count > 1 ? EmitExpr(call.Args[1]) : new Ex("null", PyType.None, true);
                var vt = val.Type.Kind == TypeKind.None ? PyType.Object : val.Type;
                var dt = PyType.Dict(ElementType(src.Type), vt);
                return new Ex($"{CsTypes.Of(dt)}.FromKeys({AsEnumerable(src)}, {Coerce(val, vt).Code})", dt, true);
            }
            var obj = Unwrap(EmitExpr(a.Value));
            if (obj.IntLiteral) obj = new Ex($"new PyInt({obj.Code})", PyType.Int, true);
            var t = obj.Type;
            if (t.Kind == TypeKind.Module)
            {
                if (_moduleByName.TryGetValue(t.Name!, out var um))
                {
                    if (um.Functions.TryGetValue(a.Attr, out var f)) return CallFunction(f, $"{um.CsName}.{f.CsName}", call);
                    if (um.Classes.TryGetValue(a.Attr, out var c)) return Construct(c, $"{um.CsName}.{c.CsName}", call);
                }
                return WhileArgumentsUnknown(() => Mapping.StdlibModules.Call(this, t.Name + "." + a.Attr, call, expected));
            }
            if (t.Kind == TypeKind.Class && FindClass(t.Name!) is { } oc)
            {
                var m = oc.FindMethod(a.Attr);
                if (m is not null && !m.IsProperty)
                {
                    NoteCall(m);
                    var rt = m.IsGenerator ? (m.ReturnType.Kind == TypeKind.Iterable ? m.ReturnType : PyType.Iterable(m.ReturnType)) : m.ReturnType;
                    string target = m.IsStatic || m.IsClassMethod ? ClassCsName(oc.Name) : obj.P;
                    return new Ex($"{target}.{m.CsName}({string.Join(", ", BindArguments(m, call.Args.ToList(), call.Keywords.ToList(), call))})", rt.Kind == TypeKind.Unknown && !_inferring ? PyType.None : rt, true);
                }
                var field = oc.FindField(a.Attr);
                if (field is not null) return CallValue(new Ex($"{obj.P}.{field.CsName}", field.Type, true), call);
            }
            if (Mapping.Libraries.CallMethod(this, obj, a.Attr, call) is { } library) return library;
            var mapped = MaybeWhileArgumentsUnknown(() => Mapping.Members.Call(this, obj, a, call, expected));
            if (mapped is not null) return mapped.Value;
            var args = call.Args.Select(x => Box(EmitExpr(x))).ToList();
            if (call.Keywords.Count > 0)
                return new Ex($"Dyn.CallMethodKw({Box(obj)}, {CsNames.Literal(a.Attr)}, {KeywordDict(call)}{string.Concat(args.Select(x => ", " + x))})", DynamicType(obj), true);
            return new Ex($"Dyn.CallMethod({Box(obj)}, {CsNames.Literal(a.Attr)}{string.Concat(args.Select(x => ", " + x))})", DynamicType(obj), true);
        }
    }
}
