using Batuta.Python.Ast;

namespace Batuta.Python.Metrics
{
    /// <summary>
    /// SonarSource cognitive complexity (G. Ann Campbell, 2017) for Python: +1 plus the nesting level for if,
    /// loops, except, match and conditional expressions; +1 without nesting for elif, else (also loop and
    /// try else), each comprehension for/if clause, each run of like boolean operators and each direct
    /// recursive call. Lambdas and comprehensions deepen nesting; nested defs are measured separately.
    /// </summary>
    internal sealed class CognitiveComplexity
    {
        private readonly string _name;
        private readonly bool _isMethod;
        private readonly PythonSource _source;
        private int _total;
        private int _depth;

        public CognitiveComplexity(string name, bool isMethod, PythonSource source)
        {
            _name = name;
            _isMethod = isMethod;
            _source = source;
        }

        public int MaxNesting { get; private set; }

        public int OfBody(NodeList<StatementNode> body)
        {
            Statements(body, 0);
            return _total;
        }

        private void Nest(int level)
        {
            if (level > MaxNesting) MaxNesting = level;
        }

        private void Statements(NodeList<StatementNode> body, int nesting)
        {
            foreach (var s in body) Statement(s, nesting);
        }

        private void Statement(StatementNode s, int nesting)
        {
            if (++_depth > 2000) return;
            switch (s)
            {
                case FunctionDef or AsyncFunctionDef or ClassDef:
                    break;
                case If i:
                    _total += 1 + nesting;
                    IfChain(i, nesting);
                    break;
                case For f:
                    Loop(f.Target, f.Iter, f.Body, f.Orelse, nesting);
                    break;
                case AsyncFor f:
                    Loop(f.Target, f.Iter, f.Body, f.Orelse, nesting);
                    break;
                case While w:
                    _total += 1 + nesting;
                    Expression(w.Test, nesting);
                    Nest(nesting + 1);
                    Statements(w.Body, nesting + 1);
                    if (w.Orelse.Count > 0)
                    {
                        _total++;
                        Statements(w.Orelse, nesting + 1);
                    }
                    break;
                case Try t:
                    TryBlock(t.Body, t.Handlers, t.Orelse, t.Finalbody, nesting);
                    break;
                case TryStar t:
                    TryBlock(t.Body, t.Handlers, t.Orelse, t.Finalbody, nesting);
                    break;
                case Match m:
                    _total += 1 + nesting;
                    Expression(m.Subject, nesting);
                    Nest(nesting + 1);
                    foreach (var c in m.Cases)
                    {
                        if (c.Guard is not null) Expression(c.Guard, nesting + 1);
                        Statements(c.Body, nesting + 1);
                    }
                    break;
                case With w:
                    foreach (var item in w.Items) Expression(item.ContextExpr, nesting);
                    Statements(w.Body, nesting);
                    break;
                case AsyncWith w:
                    foreach (var item in w.Items) Expression(item.ContextExpr, nesting);
                    Statements(w.Body, nesting);
                    break;
                default:
                    foreach (var e in DirectExpressions(s)) Expression(e, nesting);
                    break;
            }
            _depth--;
        }

        private void IfChain(If i, int nesting)
        {
            Expression(i.Test, nesting);
            Nest(nesting + 1);
            Statements(i.Body, nesting + 1);
            if (i.Orelse.Count == 0) return;
            if (i.Orelse.Count == 1 && i.Orelse[0] is If elif && IsElif(elif))
            {
                _total += 1;
                IfChain(elif, nesting);
                return;
            }
            _total += 1;
            Statements(i.Orelse, nesting + 1);
        }

        /// <summary>An If in an orelse is an 'elif' when the source at its position says so.</summary>
        private bool IsElif(If i)
        {
            int offset = _source.ToOffset(i.Line, i.Column);
            var b = _source.Buffer;
            return offset + 4 <= _source.Length && b[offset] == 'e' && b[offset + 1] == 'l' && b[offset + 2] == 'i' && b[offset + 3] == 'f';
        }

        private void Loop(ExpressionNode target, ExpressionNode iter, NodeList<StatementNode> body, NodeList<StatementNode> orelse, int nesting)
        {
            _total += 1 + nesting;
            Expression(iter, nesting);
            _ = target;
            Nest(nesting + 1);
            Statements(body, nesting + 1);
            if (orelse.Count > 0)
            {
                _total++;
                Statements(orelse, nesting + 1);
            }
        }

        private void TryBlock(NodeList<StatementNode> body, NodeList<ExceptHandlerNode> handlers, NodeList<StatementNode> orelse, NodeList<StatementNode> final, int nesting)
        {
            Statements(body, nesting);
            foreach (var h in handlers)
            {
                var eh = (ExceptHandler)h;
                _total += 1 + nesting;
                Nest(nesting + 1);
                Statements(eh.Body, nesting + 1);
            }
            if (orelse.Count > 0)
            {
                _total++;
                Statements(orelse, nesting);
            }
            Statements(final, nesting);
        }

        private static IEnumerable<ExpressionNode> DirectExpressions(StatementNode s)
        {
            var list = new List<ExpressionNode>();
            s.WalkChildren(new TopExpressions(list));
            return list;
        }

        private void Expression(ExpressionNode e, int nesting)
        {
            if (++_depth > 2000)
            {
                _depth--;
                return;
            }
            switch (e)
            {
                case IfExp x:
                    _total += 1 + nesting;
                    Nest(nesting + 1);
                    Expression(x.Test, nesting + 1);
                    Expression(x.Body, nesting + 1);
                    Expression(x.Orelse, nesting + 1);
                    break;
                case BoolOp b:
                    _total += 1;
                    foreach (var v in b.Values)
                    {
                        // A nested run of the same operator (parenthesised) continues the sequence.
                        if (v is BoolOp inner && inner.Op == b.Op) foreach (var w in inner.Values) Expression(w, nesting);
                        else Expression(v, nesting);
                    }
                    break;
                case Batuta.Python.Ast.Lambda l:
                    Nest(nesting + 1);
                    Expression(l.Body, nesting + 1);
                    break;
                case ListComp c:
                    Comprehension(c.Generators, nesting, c.Elt, null);
                    break;
                case SetComp c:
                    Comprehension(c.Generators, nesting, c.Elt, null);
                    break;
                case GeneratorExp c:
                    Comprehension(c.Generators, nesting, c.Elt, null);
                    break;
                case DictComp c:
                    Comprehension(c.Generators, nesting, c.Key, c.Value);
                    break;
                case Call c:
                    if (IsRecursiveCall(c)) _total++;
                    foreach (var child in Children(e)) Expression(child, nesting);
                    break;
                default:
                    foreach (var child in Children(e)) Expression(child, nesting);
                    break;
            }
            _depth--;
        }

        private void Comprehension(NodeList<Comprehension> gens, int nesting, ExpressionNode elt, ExpressionNode? value)
        {
            Nest(nesting + 1);
            foreach (var g in gens)
            {
                _total += 1 + g.Ifs.Count;
                Expression(g.Iter, nesting + 1);
                foreach (var cond in g.Ifs) Expression(cond, nesting + 1);
            }
            Expression(elt, nesting + 1);
            if (value is not null) Expression(value, nesting + 1);
        }

        private bool IsRecursiveCall(Call c) => c.Func switch
        {
            Name n => n.Id == _name,
            Batuta.Python.Ast.Attribute { Value: Name { Id: "self" or "cls" } } a => _isMethod && a.Attr == _name,
            _ => false,
        };

        private static List<ExpressionNode> Children(ExpressionNode e)
        {
            var list = new List<ExpressionNode>();
            e.WalkChildren(new TopExpressions(list));
            return list;
        }

        /// <summary>Collects the nearest expression descendants (through keyword/comprehension/arguments wrappers).</summary>
        private sealed class TopExpressions : AstWalker
        {
            private readonly List<ExpressionNode> _sink;

            public TopExpressions(List<ExpressionNode> sink) => _sink = sink;

            public override void Visit(Node node)
            {
                if (node is ExpressionNode e) _sink.Add(e);
                else if (node is StatementNode or PatternNode) { }
                else WalkChildren(node);
            }
        }
    }
}
