using Batuta.Python.Ast;
using Attribute = Batuta.Python.Ast.Attribute;
using Tuple = Batuta.Python.Ast.Tuple;
using Batuta.Python.Symbols;

namespace Batuta.Python.Semantics
{
    /// <summary>
    /// The errors CPython's <c>compile()</c> raises after a successful <c>ast.parse</c>: future imports
    /// (future.c), scope errors (symtable.c) and the compiler's context checks (compile.c: 'return' outside
    /// function, 'break' outside loop, starred targets, __debug__, ...). Like CPython, only the first error
    /// is reported.
    /// </summary>
    public static class CompileChecks
    {
        /// <summary>Runs all checks on a parsed module; returns the first error, or an empty list.</summary>
        public static IReadOnlyList<PythonDiagnostic> Check(ParseResult parse)
        {
            if (!parse.Success || parse.Module is null) return parse.Diagnostics.Where(d => d.IsError).ToList();
            var symbols = SymbolTableBuilder.Build(parse);
            if (!symbols.Success) return symbols.Diagnostics;
            var future = FutureFeatures.FromModule(parse.Module);
            var checker = new Checker(parse.Source, future);
            try
            {
                checker.Module(parse.Module);
            }
            catch (CompileErrorException e)
            {
                return new[] { e.Diagnostic };
            }
            return Array.Empty<PythonDiagnostic>();
        }

        private sealed class CompileErrorException : Exception
        {
            public CompileErrorException(PythonDiagnostic d) : base(d.Message) => Diagnostic = d;

            public PythonDiagnostic Diagnostic { get; }
        }

        private enum Block { Module, Class, Function, AsyncFunction, Lambda, Comprehension }

        private sealed class Checker
        {
            private const int MaxStaticBlocks = 20;

            private readonly PythonSource _source;
            private readonly FutureFeatures _future;
            private readonly Stack<(Block Kind, bool IsGenerator, Node Node)> _blocks = new Stack<(Block, bool, Node)>();
            private int _loops;
            private int _staticBlocks;

            public Checker(PythonSource source, FutureFeatures future)
            {
                _source = source;
                _future = future;
            }

            private CompileErrorException Error(string message, Node at, string code = DiagnosticCodes.Context)
            {
                int col = _source.ToCodePointColumn(at.Line, at.Column) + 1;
                int endCol = _source.ToCodePointColumn(at.EndLine, at.EndColumn) + 1;
                return new CompileErrorException(new PythonDiagnostic(code, message, Hints.For(code, message), _source.Path, at.Line, col, at.EndLine, endCol));
            }

            private Block Current => _blocks.Peek().Kind;

            public void Module(Module m)
            {
                _blocks.Push((Block.Module, false, m));
                Body(m.Body);
            }

            private void Body(NodeList<StatementNode> body)
            {
                foreach (var s in body) Statement(s);
            }

            private void EnterFunction(Block kind, Node node, NodeList<StatementNode> body, Arguments args, ExpressionNode? returns)
            {
                CheckArguments(args);
                if (!_future.Annotations)
                {
                    // Annotations are evaluated where the def is, not inside the function.
                    foreach (var p in args.Posonlyargs.Concat(args.Args)) if (p.Annotation is not null) Expression(p.Annotation);
                    if (args.Vararg?.Annotation is not null) ElementOfDisplay(args.Vararg.Annotation);
                    if (args.Kwarg?.Annotation is not null) Expression(args.Kwarg.Annotation);
                    foreach (var p in args.Kwonlyargs) if (p.Annotation is not null) Expression(p.Annotation);
                    if (returns is not null) Expression(returns);
                }
                int loops = _loops, blocks = _staticBlocks;
                _loops = 0;
                _staticBlocks = 0;
                _blocks.Push((kind, ContainsYield(body), node));
                Body(body);
                _blocks.Pop();
                _loops = loops;
                _staticBlocks = blocks;
            }

            private void CheckArguments(Arguments a)
            {
                foreach (var p in a.Posonlyargs.Concat(a.Args).Concat(a.Kwonlyargs))
                    ForbiddenName(p.Name, p, store: true);
                if (a.Vararg is not null) ForbiddenName(a.Vararg.Name, a.Vararg, store: true);
                if (a.Kwarg is not null) ForbiddenName(a.Kwarg.Name, a.Kwarg, store: true);
            }

            private void ForbiddenName(string name, Node at, bool store, bool delete = false)
            {
                if (name == "__debug__" && (store || delete))
                    throw Error(delete ? "cannot delete __debug__" : "cannot assign to __debug__", at);
            }

            private void PushBlock(Node at)
            {
                if (++_staticBlocks > MaxStaticBlocks) throw Error("too many statically nested blocks", at);
            }

            private void PopBlock() => _staticBlocks--;

            private void Statement(StatementNode s)
            {
                switch (s)
                {
                    case FunctionDef f:
                        ForbiddenName(f.Name, f, store: true);
                        Expressions(f.DecoratorList);
                        Defaults(f.Args);
                        EnterFunction(Block.Function, f, f.Body, f.Args, f.Returns);
                        break;
                    case AsyncFunctionDef f:
                        ForbiddenName(f.Name, f, store: true);
                        Expressions(f.DecoratorList);
                        Defaults(f.Args);
                        EnterFunction(Block.AsyncFunction, f, f.Body, f.Args, f.Returns);
                        break;
                    case ClassDef c:
                        {
                            ForbiddenName(c.Name, c, store: true);
                            Expressions(c.DecoratorList);
                            foreach (var b in c.Bases) ElementOfDisplay(b);
                            CheckKeywords(c.Keywords);
                            int loops = _loops, blocks = _staticBlocks;
                            _loops = 0;
                            _staticBlocks = 0;
                            _blocks.Push((Block.Class, false, c));
                            Body(c.Body);
                            _blocks.Pop();
                            _loops = loops;
                            _staticBlocks = blocks;
                            break;
                        }
                    case Return r:
                        {
                            var b = _blocks.Peek();
                            if (b.Kind is not (Block.Function or Block.AsyncFunction)) throw Error("'return' outside function", s);
                            if (r.Value is not null && b.Kind == Block.AsyncFunction && b.IsGenerator)
                                throw Error("'return' with value in async generator", s);
                            if (r.Value is not null) Expression(r.Value);
                            break;
                        }
                    case Delete d:
                        foreach (var t in d.Targets) Target(t, delete: true);
                        break;
                    case Assign a:
                        foreach (var t in a.Targets) AssignTarget(t);
                        Expression(a.Value);
                        break;
                    case AugAssign aa:
                        Target(aa.Target, delete: false);
                        Expression(aa.Value);
                        break;
                    case AnnAssign an:
                        if (an.Target is Name n) ForbiddenName(n.Id, n, store: true);
                        else Target(an.Target, delete: false);
                        if (!_future.Annotations) Expression(an.Annotation);
                        if (an.Value is not null) Expression(an.Value);
                        break;
                    case For f:
                        Loop(f, f.Target, f.Iter, f.Body, f.Orelse);
                        break;
                    case AsyncFor f:
                        if (!InAsyncFunction()) throw Error("'async for' outside async function", s);
                        Loop(f, f.Target, f.Iter, f.Body, f.Orelse);
                        break;
                    case While w:
                        PushBlock(s);
                        Expression(w.Test);
                        _loops++;
                        Body(w.Body);
                        _loops--;
                        PopBlock();
                        Body(w.Orelse);
                        break;
                    case If i:
                        Expression(i.Test);
                        Body(i.Body);
                        Body(i.Orelse);
                        break;
                    case With w:
                        foreach (var item in w.Items) WithItem(item);
                        PushBlock(s);
                        Body(w.Body);
                        PopBlock();
                        break;
                    case AsyncWith w:
                        if (!InAsyncFunction()) throw Error("'async with' outside async function", s);
                        foreach (var item in w.Items) WithItem(item);
                        PushBlock(s);
                        Body(w.Body);
                        PopBlock();
                        break;
                    case Match m:
                        Expression(m.Subject);
                        foreach (var c in m.Cases)
                        {
                            if (c.Guard is not null) Expression(c.Guard);
                            Body(c.Body);
                        }
                        break;
                    case Raise r:
                        if (r.Exc is not null) Expression(r.Exc);
                        if (r.Cause is not null) Expression(r.Cause);
                        break;
                    case Try t:
                        TryStatement(t.Body, t.Handlers, t.Orelse, t.Finalbody, s);
                        break;
                    case TryStar t:
                        TryStatement(t.Body, t.Handlers, t.Orelse, t.Finalbody, s);
                        break;
                    case Assert a:
                        Expression(a.Test);
                        if (a.Msg is not null) Expression(a.Msg);
                        break;
                    case Import imp:
                        foreach (var a in imp.Names) ForbiddenName((a.Asname ?? a.Name).Split('.')[0], a, store: true);
                        break;
                    case ImportFrom f:
                        if (f.Module == "__future__" && f.Line > _future.LastLine)
                            throw Error("from __future__ imports must occur at the beginning of the file", s, DiagnosticCodes.FutureImport);
                        foreach (var a in f.Names) ForbiddenName(a.Asname ?? a.Name, a, store: true);
                        break;
                    case Expr e:
                        Expression(e.Value);
                        break;
                    case Break:
                        if (_loops == 0) throw Error("'break' outside loop", s);
                        break;
                    case Continue:
                        if (_loops == 0) throw Error("'continue' not properly in loop", s);
                        break;
                }
            }

            private void Loop(StatementNode s, ExpressionNode target, ExpressionNode iter, NodeList<StatementNode> body, NodeList<StatementNode> orelse)
            {
                PushBlock(s);
                Expression(iter);
                AssignTarget(target);
                _loops++;
                Body(body);
                _loops--;
                PopBlock();
                Body(orelse);
            }

            private void TryStatement(NodeList<StatementNode> body, NodeList<ExceptHandlerNode> handlers, NodeList<StatementNode> orelse, NodeList<StatementNode> final, StatementNode s)
            {
                if (final.Count > 0) PushBlock(s);
                PushBlock(s);
                Body(body);
                PopBlock();
                for (int i = 0; i < handlers.Count; i++)
                {
                    var h = (ExceptHandler)handlers[i];
                    if (h.Type is null && i < handlers.Count - 1) throw Error("default 'except:' must be last", h);
                    if (h.Type is not null) Expression(h.Type);
                    if (h.Name is not null) ForbiddenName(h.Name, h, store: true);
                    PushBlock(h);
                    Body(h.Body);
                    PopBlock();
                }
                Body(orelse);
                if (final.Count > 0)
                {
                    PopBlock();
                    Body(final);
                }
            }

            private void WithItem(WithItem item)
            {
                Expression(item.ContextExpr);
                if (item.OptionalVars is not null) AssignTarget(item.OptionalVars);
            }

            private void Defaults(Arguments a)
            {
                Expressions(a.Defaults);
                foreach (var d in a.KwDefaults) if (d is not null) Expression(d);
            }

            private bool InAsyncFunction()
            {
                foreach (var b in _blocks)
                {
                    if (b.Kind == Block.Comprehension) continue;
                    return b.Kind == Block.AsyncFunction;
                }
                return false;
            }

            /// <summary>Targets of '=' and 'for': at most one starred item, and only inside a list or tuple.</summary>
            private void AssignTarget(ExpressionNode t)
            {
                if (t is Starred s) throw Error("starred assignment target must be in a list or tuple", s);
                Target(t, delete: false);
            }

            private void Target(ExpressionNode t, bool delete)
            {
                switch (t)
                {
                    case Name n:
                        ForbiddenName(n.Id, n, store: !delete, delete: delete);
                        break;
                    case Tuple or List:
                        {
                            var elts = t is Tuple tu ? tu.Elts : ((List)t).Elts;
                            bool seenStar = false;
                            foreach (var e in elts)
                            {
                                if (e is Starred st)
                                {
                                    if (seenStar) throw Error("multiple starred expressions in assignment", st);
                                    seenStar = true;
                                    Target(st.Value, delete);
                                }
                                else Target(e, delete);
                            }
                            break;
                        }
                    case Attribute a:
                        if (a.Attr == "__debug__") ForbiddenName(a.Attr, a, store: !delete, delete: delete);
                        Expression(a.Value);
                        break;
                    case Subscript sub:
                        Expression(sub.Value);
                        Expression(sub.Slice);
                        break;
                    default:
                        Expression(t);
                        break;
                }
            }

            private void CheckKeywords(NodeList<Keyword> keywords)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var k in keywords)
                {
                    if (k.Arg is null) continue;
                    ForbiddenName(k.Arg, k, store: true);
                    if (!seen.Add(k.Arg)) throw Error("keyword argument repeated: " + k.Arg, k);
                }
                foreach (var k in keywords) Expression(k.Value);
            }

            private void Expressions(NodeList<ExpressionNode> list)
            {
                foreach (var e in list) Expression(e);
            }

            private void Expression(ExpressionNode e)
            {
                switch (e)
                {
                    case Yield y:
                        {
                            var b = _blocks.Peek().Kind;
                            if (b is not (Block.Function or Block.AsyncFunction or Block.Lambda)) throw Error("'yield' outside function", e);
                            if (y.Value is not null) Expression(y.Value);
                            return;
                        }
                    case YieldFrom yf:
                        {
                            var b = _blocks.Peek().Kind;
                            if (b is not (Block.Function or Block.AsyncFunction or Block.Lambda)) throw Error("'yield' outside function", e);
                            if (b == Block.AsyncFunction) throw Error("'yield from' inside async function", e);
                            Expression(yf.Value);
                            return;
                        }
                    case Await a:
                        {
                            var b = _blocks.Peek().Kind;
                            if (b is not (Block.Function or Block.AsyncFunction or Block.Lambda or Block.Comprehension)) throw Error("'await' outside function", e);
                            if (!InAsyncFunction() && b != Block.Comprehension) throw Error("'await' outside async function", e);
                            Expression(a.Value);
                            return;
                        }
                    case Starred s:
                        throw Error("can't use starred expression here", s);
                    case Call c:
                        Expression(c.Func);
                        foreach (var arg in c.Args)
                        {
                            if (arg is Starred st) Expression(st.Value);
                            else Expression(arg);
                        }
                        CheckKeywords(c.Keywords);
                        return;
                    case Tuple t:
                        foreach (var x in t.Elts) ElementOfDisplay(x);
                        return;
                    case List l:
                        foreach (var x in l.Elts) ElementOfDisplay(x);
                        return;
                    case Set set:
                        foreach (var x in set.Elts) ElementOfDisplay(x);
                        return;
                    case Subscript sub:
                        Expression(sub.Value);
                        if (sub.Slice is Tuple st2) foreach (var x in st2.Elts) ElementOfDisplay(x);
                        else Expression(sub.Slice);
                        return;
                    case Batuta.Python.Ast.Lambda l:
                        Defaults(l.Args);
                        CheckArguments(l.Args);
                        _blocks.Push((Block.Lambda, false, l));
                        int loops = _loops;
                        _loops = 0;
                        Expression(l.Body);
                        _loops = loops;
                        _blocks.Pop();
                        return;
                    case ListComp or SetComp or DictComp or GeneratorExp:
                        Comprehension(e);
                        return;
                    case NamedExpr ne:
                        ForbiddenName(((Name)ne.Target).Id, ne.Target, store: true);
                        Expression(ne.Value);
                        return;
                }
                foreach (var child in Children(e)) Expression(child);
            }

            private void ElementOfDisplay(ExpressionNode x)
            {
                if (x is Starred st) Expression(st.Value);
                else Expression(x);
            }

            private void Comprehension(ExpressionNode e)
            {
                NodeList<Comprehension> gens;
                var elts = new List<ExpressionNode>();
                switch (e)
                {
                    case ListComp l: gens = l.Generators; elts.Add(l.Elt); break;
                    case SetComp s: gens = s.Generators; elts.Add(s.Elt); break;
                    case DictComp d: gens = d.Generators; elts.Add(d.Key); elts.Add(d.Value); break;
                    default: var g = (GeneratorExp)e; gens = g.Generators; elts.Add(g.Elt); break;
                }
                Expression(gens[0].Iter);
                bool isAsync = IsAsyncComprehension(e);
                var enclosing = _blocks.Peek().Kind;
                if (isAsync && e is not GeneratorExp && enclosing != Block.AsyncFunction && enclosing != Block.Comprehension)
                    throw Error("asynchronous comprehension outside of an asynchronous function", e);
                _blocks.Push((Block.Comprehension, e is GeneratorExp, e));
                for (int i = 0; i < gens.Count; i++)
                {
                    var g = gens[i];
                    AssignTarget(g.Target);
                    if (i > 0) Expression(g.Iter);
                    Expressions(g.Ifs);
                }
                foreach (var x in elts) Expression(x);
                _blocks.Pop();
            }

            private static List<ExpressionNode> Children(ExpressionNode e)
            {
                var list = new List<ExpressionNode>();
                e.WalkChildren(new ExpressionChildren(list));
                return list;
            }

            /// <summary>
            /// A comprehension is asynchronous when it has 'async for', or awaits anywhere but in its first
            /// iterable (which runs outside it), or holds an asynchronous list/set/dict comprehension.
            /// </summary>
            private static bool IsAsyncComprehension(ExpressionNode comp)
            {
                NodeList<Comprehension> gens = comp switch
                {
                    ListComp l => l.Generators,
                    SetComp s => s.Generators,
                    DictComp d => d.Generators,
                    GeneratorExp g => g.Generators,
                    _ => default,
                };
                if (gens.Any(g => g.IsAsync)) return true;
                var finder = new AwaitFinder(gens[0].Iter);
                comp.WalkChildren(finder);
                return finder.Found;
            }

            private sealed class AwaitFinder : AstWalker
            {
                private readonly ExpressionNode _skip;
                public bool Found;

                public AwaitFinder(ExpressionNode skip) => _skip = skip;

                protected override bool Enter(Node node)
                {
                    if (ReferenceEquals(node, _skip)) return false;
                    if (node is Await) Found = true;
                    else if (node is ListComp or SetComp or DictComp && IsAsyncComprehension((ExpressionNode)node)) Found = true;
                    return !Found && node is not (Batuta.Python.Ast.Lambda or FunctionDef or AsyncFunctionDef or ClassDef);
                }
            }

            private static bool ContainsYield(NodeList<StatementNode> body)
            {
                var finder = new YieldFinder();
                foreach (var s in body) finder.Visit(s);
                return finder.Found;
            }

            private sealed class ExpressionChildren : AstWalker
            {
                private readonly List<ExpressionNode> _sink;

                public ExpressionChildren(List<ExpressionNode> sink) => _sink = sink;

                public override void Visit(Node node)
                {
                    if (node is ExpressionNode e) _sink.Add(e);
                    else WalkChildren(node);
                }
            }

            private sealed class YieldFinder : AstWalker
            {
                public bool Found;

                protected override bool Enter(Node node)
                {
                    if (node is Yield or YieldFrom) Found = true;
                    return !Found && node is not (FunctionDef or AsyncFunctionDef or ClassDef or Batuta.Python.Ast.Lambda or GeneratorExp or ListComp or SetComp or DictComp);
                }
            }
        }
    }
}
