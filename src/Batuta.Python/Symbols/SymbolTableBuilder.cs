using Batuta.Python.Ast;
using Batuta.Python.Semantics;
using Attribute = Batuta.Python.Ast.Attribute;
using Tuple = Batuta.Python.Ast.Tuple;

namespace Batuta.Python.Symbols
{
    /// <summary>The symbol tables of a module: the top scope and any error CPython's symtable would raise.</summary>
    public sealed class SymbolTableResult
    {
        internal SymbolTableResult(Scope top, IReadOnlyList<PythonDiagnostic> diagnostics)
        {
            Top = top;
            Diagnostics = diagnostics;
        }

        /// <summary>The module scope ("top").</summary>
        public Scope Top { get; }

        /// <summary>Scope errors (SyntaxError in CPython's compile()); the analysis stops at the first, as CPython's does.</summary>
        public IReadOnlyList<PythonDiagnostic> Diagnostics { get; }

        public bool Success => Diagnostics.Count == 0;

        /// <summary>Every scope, depth-first from the module.</summary>
        public IEnumerable<Scope> AllScopes => Top.Descendants();

        /// <summary>The scope opened by <paramref name="node"/> (a def, class, lambda or comprehension), or null.</summary>
        public Scope? ScopeOf(Node node) => AllScopes.FirstOrDefault(s => ReferenceEquals(s.Node, node));
    }

    /// <summary>
    /// Builds symbol tables exactly as CPython 3.11's Python/symtable.c: a first pass records how each name
    /// is used in each block (including name mangling, comprehension scopes and assignment-expression
    /// targets), a second pass decides local/global/free/cell by walking the blocks with the sets of names
    /// bound around them.
    /// </summary>
    public static class SymbolTableBuilder
    {
        public static SymbolTableResult Build(ParseResult parse)
        {
            if (parse.Module is null) throw new ArgumentException("the parse produced no module", nameof(parse));
            return Build(parse.Module, parse.Source.Path, parse.Source);
        }

        public static SymbolTableResult Build(Module module, string path = "<unknown>", PythonSource? source = null)
        {
            var future = FutureFeatures.FromModule(module);
            var b = new Builder(path, source, future.Annotations);
            var top = new Scope("top", ScopeKind.Module, module, 0, null) { Path = path };
            var diagnostics = new List<PythonDiagnostic>();
            if (future.ErrorAt is not null)
            {
                // future.c runs before the symbol table is built and stops the build.
                var at = future.ErrorAt;
                diagnostics.Add(new PythonDiagnostic(DiagnosticCodes.FutureImport, future.ErrorMessage.OrThrow(), Hints.For(DiagnosticCodes.FutureImport, future.ErrorMessage.OrThrow()),
                    path, at.Line, at.Column + 1, at.EndLine, at.EndColumn + 1));
                return new SymbolTableResult(top, diagnostics);
            }
            try
            {
                b.Run(top, module);
                Analyzer.Analyze(top);
            }
            catch (ScopeErrorException e)
            {
                diagnostics.Add(e.Diagnostic);
            }
            return new SymbolTableResult(top, diagnostics);
        }

        internal sealed class ScopeErrorException : Exception
        {
            public ScopeErrorException(PythonDiagnostic d) : base(d.Message) => Diagnostic = d;

            public PythonDiagnostic Diagnostic { get; }
        }

        private sealed class Builder
        {
            private readonly string _path;
            private readonly PythonSource? _source;
            private readonly bool _futureAnnotations;
            private readonly List<Scope> _stack = new List<Scope>();
            private Scope _cur = null!;
            private Scope _global = null!;
            private string? _private;

            public Builder(string path, PythonSource? source, bool futureAnnotations)
            {
                _path = path;
                _source = source;
                _futureAnnotations = futureAnnotations;
            }

            public void Run(Scope top, Module module)
            {
                _stack.Add(top);
                _cur = top;
                _global = top;
                foreach (var s in module.Body) VisitStatement(s);
            }

            // ---------------------------------------------------------- errors

            private ScopeErrorException Error(string message, Node at)
            {
                int col = at.Column + 1, endCol = at.EndColumn + 1;
                if (_source is not null)
                {
                    col = _source.ToCodePointColumn(at.Line, at.Column) + 1;
                    endCol = _source.ToCodePointColumn(at.EndLine, at.EndColumn) + 1;
                }
                return new ScopeErrorException(new PythonDiagnostic(DiagnosticCodes.Scope, message, Hints.For(DiagnosticCodes.Scope, message), _path,
                    Math.Max(1, at.Line), col, Math.Max(1, at.EndLine), endCol));
            }

            // ---------------------------------------------------------- blocks

            private void EnterBlock(string name, ScopeKind kind, Node node, int line)
            {
                var prev = _cur;
                var scope = new Scope(name, kind, node, line, prev)
                {
                    IsNested = prev.IsNested || prev.Kind == ScopeKind.Function,
                    CompIterExpr = prev.CompIterExpr,
                    Path = _path,
                };
                _stack.Add(scope);
                _cur = scope;
                if (kind != ScopeKind.Annotation) prev.ChildList.Add(scope);
            }

            private void ExitBlock()
            {
                _stack.RemoveAt(_stack.Count - 1);
                _cur = _stack[_stack.Count - 1];
            }

            // ---------------------------------------------------------- definitions

            /// <summary>_Py_Mangle: __private names inside a class become _Class__private.</summary>
            internal static string Mangle(string? privateName, string ident)
            {
                if (privateName is null || ident.Length < 2 || ident[0] != '_' || ident[1] != '_') return ident;
                if ((ident.EndsWith("__", StringComparison.Ordinal)) || ident.IndexOf('.') >= 0) return ident;
                int i = 0;
                while (i < privateName.Length && privateName[i] == '_') i++;
                if (i == privateName.Length) return ident;
                return "_" + privateName.Substring(i) + ident;
            }

            private void AddDef(string name, SymbolFlags flag, Node at) => AddDefHelper(name, flag, _cur, at);

            private void AddDefHelper(string name, SymbolFlags flag, Scope ste, Node at)
            {
                string mangled = Mangle(_private, name);
                var sym = ste.GetOrAdd(mangled, out bool added);
                var val = added ? flag : sym.Flags;
                if (!added)
                {
                    if ((flag & SymbolFlags.Parameter) != 0 && (sym.Flags & SymbolFlags.Parameter) != 0)
                        throw Error("duplicate argument '" + name + "' in function definition", at);
                    val = sym.Flags | flag;
                }
                if (ste.CompIterTarget)
                {
                    if ((val & (SymbolFlags.DeclaredGlobal | SymbolFlags.DeclaredNonlocal)) != 0)
                        throw Error("comprehension inner loop cannot rebind assignment expression target '" + name + "'", at);
                    val |= SymbolFlags.ComprehensionIterator;
                }
                sym.Flags = val;
                if ((flag & SymbolFlags.Parameter) == 0 && (flag & SymbolFlags.DeclaredGlobal) != 0)
                {
                    var g = _global.GetOrAdd(mangled, out bool gAdded);
                    g.Flags = gAdded ? flag : g.Flags | flag;
                }
            }

            // ---------------------------------------------------------- statements

            private void VisitStatements(NodeList<StatementNode> body)
            {
                foreach (var s in body) VisitStatement(s);
            }

            private void VisitStatement(StatementNode s)
            {
                switch (s)
                {
                    case FunctionDef f:
                        VisitFunction(f, f.Name, f.Args, f.Body, f.DecoratorList, f.Returns, isAsync: false);
                        break;
                    case AsyncFunctionDef f:
                        VisitFunction(f, f.Name, f.Args, f.Body, f.DecoratorList, f.Returns, isAsync: true);
                        break;
                    case ClassDef c:
                        {
                            AddDef(c.Name, SymbolFlags.Assigned, c);
                            VisitExpressions(c.Bases);
                            foreach (var k in c.Keywords) VisitExpression(k.Value);
                            VisitExpressions(c.DecoratorList);
                            EnterBlock(c.Name, ScopeKind.Class, c, c.Line);
                            string? saved = _private;
                            _private = c.Name;
                            VisitStatements(c.Body);
                            _private = saved;
                            ExitBlock();
                            break;
                        }
                    case Return r:
                        if (r.Value is not null)
                        {
                            VisitExpression(r.Value);
                            _cur.ReturnsValue = true;
                        }
                        break;
                    case Delete d:
                        VisitExpressions(d.Targets);
                        break;
                    case Assign a:
                        VisitExpressions(a.Targets);
                        VisitExpression(a.Value);
                        break;
                    case AnnAssign an:
                        {
                            if (an.Target is Name n)
                            {
                                var cur = _cur.FlagsOf(Mangle(_private, n.Id));
                                if ((cur & (SymbolFlags.DeclaredGlobal | SymbolFlags.DeclaredNonlocal)) != 0 && _cur != _global && an.Simple)
                                {
                                    throw Error(((cur & SymbolFlags.DeclaredGlobal) != 0 ? "annotated name '" : "annotated name '") + n.Id
                                        + ((cur & SymbolFlags.DeclaredGlobal) != 0 ? "' can't be global" : "' can't be nonlocal"), an);
                                }
                                if (an.Simple) AddDef(n.Id, SymbolFlags.Annotated | SymbolFlags.Assigned, n);
                                else if (an.Value is not null) AddDef(n.Id, SymbolFlags.Assigned, n);
                            }
                            else VisitExpression(an.Target);
                            VisitAnnotation(an.Annotation);
                            if (an.Value is not null) VisitExpression(an.Value);
                            break;
                        }
                    case AugAssign aa:
                        VisitExpression(aa.Target);
                        VisitExpression(aa.Value);
                        break;
                    case For f:
                        VisitExpression(f.Target);
                        VisitExpression(f.Iter);
                        VisitStatements(f.Body);
                        VisitStatements(f.Orelse);
                        break;
                    case AsyncFor f:
                        VisitExpression(f.Target);
                        VisitExpression(f.Iter);
                        VisitStatements(f.Body);
                        VisitStatements(f.Orelse);
                        break;
                    case While w:
                        VisitExpression(w.Test);
                        VisitStatements(w.Body);
                        VisitStatements(w.Orelse);
                        break;
                    case If i:
                        VisitExpression(i.Test);
                        VisitStatements(i.Body);
                        VisitStatements(i.Orelse);
                        break;
                    case Match m:
                        VisitExpression(m.Subject);
                        foreach (var c in m.Cases)
                        {
                            VisitPattern(c.Pattern);
                            if (c.Guard is not null) VisitExpression(c.Guard);
                            VisitStatements(c.Body);
                        }
                        break;
                    case Raise r:
                        if (r.Exc is not null)
                        {
                            VisitExpression(r.Exc);
                            if (r.Cause is not null) VisitExpression(r.Cause);
                        }
                        break;
                    case Try t:
                        VisitStatements(t.Body);
                        VisitStatements(t.Orelse);
                        foreach (var h in t.Handlers) VisitHandler((ExceptHandler)h);
                        VisitStatements(t.Finalbody);
                        break;
                    case TryStar t:
                        VisitStatements(t.Body);
                        VisitStatements(t.Orelse);
                        foreach (var h in t.Handlers) VisitHandler((ExceptHandler)h);
                        VisitStatements(t.Finalbody);
                        break;
                    case Assert a:
                        VisitExpression(a.Test);
                        if (a.Msg is not null) VisitExpression(a.Msg);
                        break;
                    case Import imp:
                        foreach (var alias in imp.Names) VisitAlias(alias);
                        break;
                    case ImportFrom imp:
                        foreach (var alias in imp.Names) VisitAlias(alias);
                        break;
                    case Global g:
                        foreach (var name in g.Names) Declare(name, s, global: true);
                        break;
                    case Nonlocal nl:
                        foreach (var name in nl.Names) Declare(name, s, global: false);
                        break;
                    case Expr e:
                        VisitExpression(e.Value);
                        break;
                    case With w:
                        foreach (var item in w.Items) VisitWithItem(item);
                        VisitStatements(w.Body);
                        break;
                    case AsyncWith w:
                        foreach (var item in w.Items) VisitWithItem(item);
                        VisitStatements(w.Body);
                        break;
                }
            }

            private void Declare(string name, StatementNode s, bool global)
            {
                var cur = _cur.FlagsOf(Mangle(_private, name));
                if ((cur & (SymbolFlags.Parameter | SymbolFlags.Assigned | SymbolFlags.Referenced | SymbolFlags.Annotated)) != 0)
                {
                    string what = global ? "global" : "nonlocal";
                    string msg;
                    if ((cur & SymbolFlags.Parameter) != 0) msg = "name '" + name + "' is parameter and " + what;
                    else if ((cur & SymbolFlags.Referenced) != 0) msg = "name '" + name + "' is used prior to " + what + " declaration";
                    else if ((cur & SymbolFlags.Annotated) != 0) msg = "annotated name '" + name + "' can't be " + what;
                    else msg = "name '" + name + "' is assigned to before " + what + " declaration";
                    throw Error(msg, s);
                }
                AddDef(name, global ? SymbolFlags.DeclaredGlobal : SymbolFlags.DeclaredNonlocal, s);
                _cur.RecordDirective(Mangle(_private, name), s);
            }

            private void VisitFunction(StatementNode node, string name, Arguments args, NodeList<StatementNode> body,
                NodeList<ExpressionNode> decorators, ExpressionNode? returns, bool isAsync)
            {
                AddDef(name, SymbolFlags.Assigned, node);
                VisitExpressions(args.Defaults);
                foreach (var d in args.KwDefaults) if (d is not null) VisitExpression(d);
                VisitAnnotations(node, args, returns);
                VisitExpressions(decorators);
                EnterBlock(name, ScopeKind.Function, node, node.Line);
                if (isAsync) _cur.IsCoroutine = true;
                VisitArguments(args);
                VisitStatements(body);
                ExitBlock();
            }

            private void VisitAnnotations(Node node, Arguments a, ExpressionNode? returns)
            {
                if (_futureAnnotations) EnterBlock("_annotation", ScopeKind.Annotation, node, node.Line);
                foreach (var p in a.Posonlyargs) if (p.Annotation is not null) VisitExpression(p.Annotation);
                foreach (var p in a.Args) if (p.Annotation is not null) VisitExpression(p.Annotation);
                if (a.Vararg?.Annotation is not null) VisitExpression(a.Vararg.Annotation);
                if (a.Kwarg?.Annotation is not null) VisitExpression(a.Kwarg.Annotation);
                foreach (var p in a.Kwonlyargs) if (p.Annotation is not null) VisitExpression(p.Annotation);
                if (_futureAnnotations) ExitBlock();
                if (returns is not null) VisitAnnotation(returns);
            }

            private void VisitAnnotation(ExpressionNode annotation)
            {
                if (_futureAnnotations) EnterBlock("_annotation", ScopeKind.Annotation, annotation, annotation.Line);
                VisitExpression(annotation);
                if (_futureAnnotations) ExitBlock();
            }

            private void VisitArguments(Arguments a)
            {
                foreach (var p in a.Posonlyargs) AddDef(p.Name, SymbolFlags.Parameter, p);
                foreach (var p in a.Args) AddDef(p.Name, SymbolFlags.Parameter, p);
                foreach (var p in a.Kwonlyargs) AddDef(p.Name, SymbolFlags.Parameter, p);
                if (a.Vararg is not null)
                {
                    AddDef(a.Vararg.Name, SymbolFlags.Parameter, a.Vararg);
                    _cur.HasVarArgs = true;
                }
                if (a.Kwarg is not null)
                {
                    AddDef(a.Kwarg.Name, SymbolFlags.Parameter, a.Kwarg);
                    _cur.HasVarKeywords = true;
                }
            }

            private void VisitHandler(ExceptHandler h)
            {
                if (h.Type is not null) VisitExpression(h.Type);
                if (h.Name is not null) AddDef(h.Name, SymbolFlags.Assigned, h);
                VisitStatements(h.Body);
            }

            private void VisitWithItem(WithItem item)
            {
                VisitExpression(item.ContextExpr);
                if (item.OptionalVars is not null) VisitExpression(item.OptionalVars);
            }

            private void VisitAlias(Alias a)
            {
                string name = a.Asname ?? a.Name;
                int dot = name.IndexOf('.');
                string store = dot >= 0 ? name.Substring(0, dot) : name;
                if (name != "*")
                {
                    AddDef(store, SymbolFlags.Imported, a);
                    return;
                }
                if (_cur.Kind != ScopeKind.Module) throw Error("import * only allowed at module level", a);
            }

            private void VisitPattern(PatternNode p)
            {
                switch (p)
                {
                    case MatchValue v:
                        VisitExpression(v.Value);
                        break;
                    case MatchSequence s:
                        foreach (var x in s.Patterns) VisitPattern(x);
                        break;
                    case MatchStar st:
                        if (st.Name is not null) AddDef(st.Name, SymbolFlags.Assigned, p);
                        break;
                    case MatchMapping m:
                        VisitExpressions(m.Keys);
                        foreach (var x in m.Patterns) VisitPattern(x);
                        if (m.Rest is not null) AddDef(m.Rest, SymbolFlags.Assigned, p);
                        break;
                    case MatchClass c:
                        VisitExpression(c.Cls);
                        foreach (var x in c.Patterns) VisitPattern(x);
                        foreach (var x in c.KwdPatterns) VisitPattern(x);
                        break;
                    case MatchAs a:
                        if (a.Pattern is not null) VisitPattern(a.Pattern);
                        if (a.Name is not null) AddDef(a.Name, SymbolFlags.Assigned, p);
                        break;
                    case MatchOr o:
                        foreach (var x in o.Patterns) VisitPattern(x);
                        break;
                }
            }

            // ---------------------------------------------------------- expressions

            private void VisitExpressions(NodeList<ExpressionNode> list)
            {
                foreach (var e in list) VisitExpression(e);
            }

            private void RaiseIfAnnotationBlock(string what, ExpressionNode e)
            {
                if (_cur.Kind == ScopeKind.Annotation) throw Error("'" + what + "' can not be used within an annotation", e);
            }

            private void VisitExpression(ExpressionNode e)
            {
                switch (e)
                {
                    case NamedExpr ne:
                        RaiseIfAnnotationBlock("named expression", e);
                        HandleNamedExpr(ne);
                        break;
                    case BoolOp b:
                        VisitExpressions(b.Values);
                        break;
                    case BinOp b:
                        VisitExpression(b.Left);
                        VisitExpression(b.Right);
                        break;
                    case UnaryOp u:
                        VisitExpression(u.Operand);
                        break;
                    case Batuta.Python.Ast.Lambda l:
                        VisitExpressions(l.Args.Defaults);
                        foreach (var d in l.Args.KwDefaults) if (d is not null) VisitExpression(d);
                        EnterBlock("lambda", ScopeKind.Function, l, l.Line);
                        VisitArguments(l.Args);
                        VisitExpression(l.Body);
                        ExitBlock();
                        break;
                    case IfExp i:
                        VisitExpression(i.Test);
                        VisitExpression(i.Body);
                        VisitExpression(i.Orelse);
                        break;
                    case Dict d:
                        foreach (var k in d.Keys) if (k is not null) VisitExpression(k);
                        VisitExpressions(d.Values);
                        break;
                    case Set s:
                        VisitExpressions(s.Elts);
                        break;
                    case GeneratorExp g:
                        HandleComprehension(e, "genexpr", g.Generators, g.Elt, null, ComprehensionKind.Generator);
                        break;
                    case ListComp l:
                        HandleComprehension(e, "listcomp", l.Generators, l.Elt, null, ComprehensionKind.List);
                        break;
                    case SetComp s:
                        HandleComprehension(e, "setcomp", s.Generators, s.Elt, null, ComprehensionKind.Set);
                        break;
                    case DictComp d:
                        HandleComprehension(e, "dictcomp", d.Generators, d.Key, d.Value, ComprehensionKind.Dict);
                        break;
                    case Yield y:
                        RaiseIfAnnotationBlock("yield expression", e);
                        if (y.Value is not null) VisitExpression(y.Value);
                        _cur.IsGenerator = true;
                        if (_cur.Comprehension != ComprehensionKind.None) RaiseYieldInComprehension(e);
                        break;
                    case YieldFrom y:
                        RaiseIfAnnotationBlock("yield expression", e);
                        VisitExpression(y.Value);
                        _cur.IsGenerator = true;
                        if (_cur.Comprehension != ComprehensionKind.None) RaiseYieldInComprehension(e);
                        break;
                    case Await a:
                        RaiseIfAnnotationBlock("await expression", e);
                        VisitExpression(a.Value);
                        _cur.IsCoroutine = true;
                        break;
                    case Compare c:
                        VisitExpression(c.Left);
                        VisitExpressions(c.Comparators);
                        break;
                    case Call c:
                        VisitExpression(c.Func);
                        VisitExpressions(c.Args);
                        foreach (var k in c.Keywords) VisitExpression(k.Value);
                        break;
                    case FormattedValue f:
                        VisitExpression(f.Value);
                        if (f.FormatSpec is not null) VisitExpression(f.FormatSpec);
                        break;
                    case JoinedStr j:
                        VisitExpressions(j.Values);
                        break;
                    case Constant:
                        break;
                    case Attribute a:
                        VisitExpression(a.Value);
                        break;
                    case Subscript s:
                        VisitExpression(s.Value);
                        VisitExpression(s.Slice);
                        break;
                    case Starred s:
                        VisitExpression(s.Value);
                        break;
                    case Slice s:
                        if (s.Lower is not null) VisitExpression(s.Lower);
                        if (s.Upper is not null) VisitExpression(s.Upper);
                        if (s.Step is not null) VisitExpression(s.Step);
                        break;
                    case Name n:
                        AddDef(n.Id, n.Ctx == ExprContext.Load ? SymbolFlags.Referenced : SymbolFlags.Assigned, n);
                        // super() in a method counts as a use of __class__.
                        if (n.Ctx == ExprContext.Load && _cur.Kind == ScopeKind.Function && n.Id == "super")
                            AddDef("__class__", SymbolFlags.Referenced, n);
                        break;
                    case List l:
                        VisitExpressions(l.Elts);
                        break;
                    case Tuple t:
                        VisitExpressions(t.Elts);
                        break;
                }
            }

            private void RaiseYieldInComprehension(ExpressionNode e)
            {
                string msg = _cur.Comprehension switch
                {
                    ComprehensionKind.List => "'yield' inside list comprehension",
                    ComprehensionKind.Set => "'yield' inside set comprehension",
                    ComprehensionKind.Dict => "'yield' inside dict comprehension",
                    _ => "'yield' inside generator expression",
                };
                throw Error(msg, e);
            }

            private void HandleComprehension(ExpressionNode e, string scopeName, NodeList<Comprehension> generators, ExpressionNode elt, ExpressionNode? value, ComprehensionKind kind)
            {
                var outermost = generators[0];
                // The outermost iterable is evaluated in the enclosing scope.
                _cur.CompIterExpr++;
                VisitExpression(outermost.Iter);
                _cur.CompIterExpr--;
                EnterBlock(scopeName, ScopeKind.Function, e, e.Line);
                _cur.Comprehension = kind;
                if (outermost.IsAsync) _cur.IsCoroutine = true;
                AddDef(".0", SymbolFlags.Parameter, e);
                _cur.CompIterTarget = true;
                VisitExpression(outermost.Target);
                _cur.CompIterTarget = false;
                VisitExpressions(outermost.Ifs);
                for (int i = 1; i < generators.Count; i++)
                {
                    var g = generators[i];
                    _cur.CompIterTarget = true;
                    VisitExpression(g.Target);
                    _cur.CompIterTarget = false;
                    _cur.CompIterExpr++;
                    VisitExpression(g.Iter);
                    _cur.CompIterExpr--;
                    VisitExpressions(g.Ifs);
                    if (g.IsAsync) _cur.IsCoroutine = true;
                }
                if (value is not null) VisitExpression(value);
                VisitExpression(elt);
                if (kind == ComprehensionKind.Generator) _cur.IsGenerator = true;
                ExitBlock();
            }

            private void HandleNamedExpr(NamedExpr e)
            {
                if (_cur.CompIterExpr > 0) throw Error("assignment expression cannot be used in a comprehension iterable expression", e);
                if (_cur.Comprehension != ComprehensionKind.None) ExtendNamedExprScope((Name)e.Target);
                VisitExpression(e.Value);
                VisitExpression(e.Target);
            }

            /// <summary>An assignment expression in a comprehension binds in the nearest enclosing function (or module).</summary>
            private void ExtendNamedExprScope(Name target)
            {
                string name = target.Id;
                for (int i = _stack.Count - 1; i >= 0; i--)
                {
                    var ste = _stack[i];
                    if (ste.Comprehension != ComprehensionKind.None)
                    {
                        if ((ste.FlagsOf(Mangle(_private, name)) & SymbolFlags.ComprehensionIterator) != 0)
                            throw Error("assignment expression cannot rebind comprehension iteration variable '" + name + "'", target);
                        continue;
                    }
                    if (ste.Kind == ScopeKind.Function)
                    {
                        if ((ste.FlagsOf(Mangle(_private, name)) & SymbolFlags.DeclaredGlobal) != 0) AddDef(name, SymbolFlags.DeclaredGlobal, target);
                        else AddDef(name, SymbolFlags.DeclaredNonlocal, target);
                        _cur.RecordDirective(Mangle(_private, name), target);
                        AddDefHelper(name, SymbolFlags.Assigned, ste, target);
                        return;
                    }
                    if (ste.Kind == ScopeKind.Module)
                    {
                        AddDef(name, SymbolFlags.DeclaredGlobal, target);
                        _cur.RecordDirective(Mangle(_private, name), target);
                        AddDefHelper(name, SymbolFlags.DeclaredGlobal, ste, target);
                        return;
                    }
                    if (ste.Kind == ScopeKind.Class)
                        throw Error("assignment expression within a comprehension cannot be used in a class body", target);
                }
            }
        }

        // -------------------------------------------------------------- second pass

        /// <summary>analyze_block / analyze_name / analyze_cells / update_symbols of symtable.c.</summary>
        private static class Analyzer
        {
            public static void Analyze(Scope top)
            {
                var free = new HashSet<string>(StringComparer.Ordinal);
                var global = new HashSet<string>(StringComparer.Ordinal);
                AnalyzeBlock(top, null, free, global);
            }

            private static void AnalyzeBlock(Scope ste, HashSet<string>? bound, HashSet<string> free, HashSet<string> global)
            {
                var local = new HashSet<string>(StringComparer.Ordinal);
                var scopes = new Dictionary<string, SymbolScope>(StringComparer.Ordinal);
                var newGlobal = new HashSet<string>(StringComparer.Ordinal);
                var newFree = new HashSet<string>(StringComparer.Ordinal);
                var newBound = new HashSet<string>(StringComparer.Ordinal);

                if (ste.Kind == ScopeKind.Class)
                {
                    newGlobal.UnionWith(global);
                    if (bound is not null) newBound.UnionWith(bound);
                }

                foreach (var sym in ste.Symbols) AnalyzeName(ste, scopes, sym, bound, local, free, global);

                if (ste.Kind != ScopeKind.Class)
                {
                    if (ste.Kind == ScopeKind.Function) newBound.UnionWith(local);
                    if (bound is not null) newBound.UnionWith(bound);
                    newGlobal.UnionWith(global);
                }
                else newBound.Add("__class__");

                var allFree = new HashSet<string>(StringComparer.Ordinal);
                foreach (var child in ste.ChildList)
                {
                    var tempBound = new HashSet<string>(newBound, StringComparer.Ordinal);
                    var tempFree = new HashSet<string>(newFree, StringComparer.Ordinal);
                    var tempGlobal = new HashSet<string>(newGlobal, StringComparer.Ordinal);
                    AnalyzeBlock(child, tempBound, tempFree, tempGlobal);
                    allFree.UnionWith(tempFree);
                    if (child.HasFree || child.ChildFree) ste.ChildFree = true;
                }
                newFree.UnionWith(allFree);

                if (ste.Kind == ScopeKind.Function)
                {
                    // analyze_cells: a local that a child needs becomes a cell.
                    foreach (var sym in ste.Symbols)
                    {
                        if (scopes[sym.Name] == SymbolScope.Local && newFree.Contains(sym.Name))
                        {
                            scopes[sym.Name] = SymbolScope.Cell;
                            newFree.Remove(sym.Name);
                        }
                    }
                }
                else if (ste.Kind == ScopeKind.Class)
                {
                    if (newFree.Remove("__class__")) ste.NeedsClassClosure = true;
                }

                UpdateSymbols(ste, scopes, bound, newFree, ste.Kind == ScopeKind.Class);
                free.UnionWith(newFree);
            }

            private static void AnalyzeName(Scope ste, Dictionary<string, SymbolScope> scopes, Symbol sym, HashSet<string>? bound,
                HashSet<string> local, HashSet<string> free, HashSet<string> global)
            {
                string name = sym.Name;
                var flags = sym.Flags;
                if ((flags & SymbolFlags.DeclaredGlobal) != 0)
                {
                    if ((flags & SymbolFlags.DeclaredNonlocal) != 0) throw DirectiveError(ste, name, "name '" + name + "' is nonlocal and global");
                    scopes[name] = SymbolScope.GlobalExplicit;
                    global.Add(name);
                    bound?.Remove(name);
                    return;
                }
                if ((flags & SymbolFlags.DeclaredNonlocal) != 0)
                {
                    if (bound is null) throw DirectiveError(ste, name, "nonlocal declaration not allowed at module level");
                    if (!bound.Contains(name)) throw DirectiveError(ste, name, "no binding for nonlocal '" + name + "' found");
                    scopes[name] = SymbolScope.Free;
                    ste.HasFree = true;
                    free.Add(name);
                    return;
                }
                if ((flags & (SymbolFlags.Assigned | SymbolFlags.Parameter | SymbolFlags.Imported)) != 0)
                {
                    scopes[name] = SymbolScope.Local;
                    local.Add(name);
                    global.Remove(name);
                    return;
                }
                if (bound is not null && bound.Contains(name))
                {
                    scopes[name] = SymbolScope.Free;
                    ste.HasFree = true;
                    free.Add(name);
                    return;
                }
                if (global.Contains(name))
                {
                    scopes[name] = SymbolScope.GlobalImplicit;
                    return;
                }
                if (ste.IsNested) ste.HasFree = true;
                scopes[name] = SymbolScope.GlobalImplicit;
            }

            private static void UpdateSymbols(Scope ste, Dictionary<string, SymbolScope> scopes, HashSet<string>? bound, HashSet<string> free, bool classFlag)
            {
                bool module = ste.Kind == ScopeKind.Module;
                foreach (var sym in ste.Symbols)
                {
                    sym.Scope = scopes[sym.Name];
                    sym.ModuleScope = module;
                }
                foreach (var name in free)
                {
                    var sym = ste.Lookup(name);
                    if (sym is not null)
                    {
                        if (classFlag && (sym.Flags & (SymbolFlags.Assigned | SymbolFlags.Parameter | SymbolFlags.Imported | SymbolFlags.DeclaredGlobal)) != 0)
                            sym.Flags |= SymbolFlags.FreeClass;
                        continue;
                    }
                    if (bound is not null && !bound.Contains(name)) continue;
                    var added = ste.GetOrAdd(name, out _);
                    added.Flags = SymbolFlags.None;
                    added.Scope = SymbolScope.Free;
                    added.ModuleScope = module;
                }
                foreach (var child in ste.ChildList)
                {
                    var sym = ste.Lookup(child.Name);
                    if (sym is not null) (sym.NamespaceList ??= new List<Scope>()).Add(child);
                }
            }

            private static ScopeErrorException DirectiveError(Scope ste, string name, string message)
            {
                var at = ste.DirectiveFor(name);
                return new ScopeErrorException(new PythonDiagnostic(DiagnosticCodes.Scope, message, Hints.For(DiagnosticCodes.Scope, message), ste.Path ?? "<unknown>",
                    Math.Max(1, at?.Line ?? 1), (at?.Column ?? 0) + 1, Math.Max(1, at?.EndLine ?? 1), (at?.EndColumn ?? 0) + 1));
            }
        }
    }
}
