using Batuta.Python.Ast;

namespace Batuta.Transpiler.Inference
{
    /// <summary>
    /// Whether control can run off the end of a function body (Python then returns None). Conservative: "cannot" only
    /// when every path ends in return or raise (if/else, try, with, match with a wildcard, while True without break,
    /// for/else). A body judged reachable costs a trailing <c>return default!;</c> and a None in the return type.
    /// </summary>
    internal static class FallThrough
    {
        /// <summary>
        /// <paramref name="suppresses"/> says whether a with statement's context manager may swallow an exception (a user
        /// class with __exit__): its body ending in return does not end the function then.
        /// </summary>
        public static bool CanReachEnd(IReadOnlyList<StatementNode> body, Func<With, bool>? suppresses = null)
        {
            Suppresses = suppresses;
            try { return ReachEnd(body); }
            finally { Suppresses = null; }
        }

        [ThreadStatic] private static Func<With, bool>? Suppresses;

        private static bool ReachEnd(IReadOnlyList<StatementNode> body) => body.Count == 0 || CanComplete(body[body.Count - 1]);

        private static bool CanComplete(StatementNode last) => last switch
        {
            Return or Raise => false,
            If i => IfCanComplete(i),
            With w => WithCanComplete(w),
            While { Test: Constant { Value: true } } w => Breaks(w.Body),
            For f => ForCanComplete(f),
            ITryStatement t => TryCanComplete(t),
            Match m => MatchCanComplete(m),
            _ => true,
        };

        private static bool WithCanComplete(With w) => ReachEnd(w.Body) || Suppresses is { } may && may(w);

        private static bool IfCanComplete(If i) => i.Orelse.Count == 0 || ReachEnd(i.Body) || ReachEnd(i.Orelse);

        private static bool ForCanComplete(For f) => f.Orelse.Count == 0 || Breaks(f.Body) || ReachEnd(f.Orelse);

        private static bool TryCanComplete(ITryStatement t)
        {
            if (t.Finalbody.Count > 0 && !ReachEnd(t.Finalbody)) return false;
            bool bodyCompletes = t.Orelse.Count > 0 ? ReachEnd(t.Orelse) : ReachEnd(t.Body);
            return bodyCompletes || t.Handlers.OfType<ExceptHandler>().Any(h => ReachEnd(h.Body));
        }

        private static bool MatchCanComplete(Match m)
        {
            bool wildcard = m.Cases.Any(c => c.Guard is null && c.Pattern is MatchAs { Pattern: null });
            return !wildcard || m.Cases.Any(c => ReachEnd(c.Body));
        }

        /// <summary>A break that leaves this loop (not one of a nested loop).</summary>
        private static bool Breaks(IEnumerable<StatementNode> body) => body.Any(s => s switch
        {
            Break => true,
            If i => Breaks(i.Body) || Breaks(i.Orelse),
            With w => Breaks(w.Body),
            ITryStatement t => Breaks(t.Body) || Breaks(t.Orelse) || Breaks(t.Finalbody) || t.Handlers.OfType<ExceptHandler>().Any(h => Breaks(h.Body)),
            Match m => m.Cases.Any(c => Breaks(c.Body)),
            _ => false,
        });
    }
}
