using Batuta.Python.Ast;

namespace Batuta.Python.Metrics
{
    /// <summary>
    /// McCabe cyclomatic complexity with radon's counting rules: 1, plus one per if/elif, loop, loop else,
    /// except handler, try else, conditional expression, assert, comprehension for/if clause, extra boolean
    /// operand, and match case (a final irrefutable case without guard excluded). Nested def/class bodies
    /// are measured on their own; lambdas count toward the enclosing function.
    /// </summary>
    public static class CyclomaticComplexity
    {
        public static int OfBody(NodeList<StatementNode> body)
        {
            var w = new Counter();
            foreach (var s in body) w.Visit(s);
            return 1 + w.Decisions;
        }

        private sealed class Counter : AstWalker
        {
            public int Decisions;

            protected override bool Enter(Node node)
            {
                switch (node)
                {
                    case FunctionDef or AsyncFunctionDef or ClassDef:
                        return false;
                    case If:
                    case IfExp:
                    case Assert:
                        Decisions++;
                        break;
                    case For f:
                        Decisions += 1 + (f.Orelse.Count > 0 ? 1 : 0);
                        break;
                    case AsyncFor f:
                        Decisions += 1 + (f.Orelse.Count > 0 ? 1 : 0);
                        break;
                    case While w:
                        Decisions += 1 + (w.Orelse.Count > 0 ? 1 : 0);
                        break;
                    case Try t:
                        Decisions += t.Handlers.Count + (t.Orelse.Count > 0 ? 1 : 0);
                        break;
                    case TryStar t:
                        Decisions += t.Handlers.Count + (t.Orelse.Count > 0 ? 1 : 0);
                        break;
                    case BoolOp b:
                        Decisions += b.Values.Count - 1;
                        break;
                    case Comprehension c:
                        Decisions += 1 + c.Ifs.Count;
                        break;
                    case Match m:
                        {
                            int cases = m.Cases.Count;
                            var last = m.Cases[cases - 1];
                            if (last.Guard is null && IsIrrefutable(last.Pattern)) cases--;
                            Decisions += cases;
                            break;
                        }
                }
                return true;
            }

            private static bool IsIrrefutable(PatternNode p) => p switch
            {
                MatchAs { Pattern: null } => true,
                MatchAs a => IsIrrefutable(a.Pattern.OrThrow()),
                MatchOr o => o.Patterns.Any(IsIrrefutable),
                _ => false,
            };
        }
    }
}
