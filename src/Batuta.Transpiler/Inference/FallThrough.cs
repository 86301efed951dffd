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
        public static bool CanReachEnd(IReadOnlyList<StatementNode> body) => body.Count == 0 || CanComplete(body[body.Count - 1]);

        private static bool CanComplete(StatementNode last) => last switch
        {
            Return or Raise => false,
            If i => IfCanComplete(i),
            With w => CanReachEnd(w.Body),
            While { Test: Constant { Value: true } } w => Breaks(w.Body),
            For f => ForCanComplete(f),
            Try t => TryCanComplete(t),
            Match m => MatchCanComplete(m),
            _ => true,
        };

        private static bool IfCanComplete(If i) => i.Orelse.Count == 0 || CanReachEnd(i.Body) || CanReachEnd(i.Orelse);

        private static bool ForCanComplete(For f) => f.Orelse.Count == 0 || Breaks(f.Body) || CanReachEnd(f.Orelse);

        private static bool TryCanComplete(Try t)
        {
            if (t.Finalbody.Count > 0 && !CanReachEnd(t.Finalbody)) return false;
            bool bodyCompletes = t.Orelse.Count > 0 ? CanReachEnd(t.Orelse) : CanReachEnd(t.Body);
            return bodyCompletes || t.Handlers.OfType<ExceptHandler>().Any(h => CanReachEnd(h.Body));
        }

        private static bool MatchCanComplete(Match m)
        {
            bool wildcard = m.Cases.Any(c => c.Guard is null && c.Pattern is MatchAs { Pattern: null });
            return !wildcard || m.Cases.Any(c => CanReachEnd(c.Body));
        }

        /// <summary>A break that leaves this loop (not one of a nested loop).</summary>
        private static bool Breaks(IEnumerable<StatementNode> body) => body.Any(s => s switch
        {
            Break => true,
            If i => Breaks(i.Body) || Breaks(i.Orelse),
            With w => Breaks(w.Body),
            Try t => Breaks(t.Body) || Breaks(t.Orelse) || Breaks(t.Finalbody) || t.Handlers.OfType<ExceptHandler>().Any(h => Breaks(h.Body)),
            Match m => m.Cases.Any(c => Breaks(c.Body)),
            _ => false,
        });
    }
}
