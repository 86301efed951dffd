namespace Batuta.Python.Runtime;

/// <summary>
/// One <c>try ... except*</c> statement's handling of an exception, as CPython runs it: each clause takes the part of
/// what is left that matches it (a naked exception is wrapped in a group first), and what no clause took, what the
/// handlers re-raised and what they raised anew is raised again at the end (<see cref="Finish"/>).
/// </summary>
public sealed class ExceptStar
{
    private readonly PyBaseException _original;
    private PyBaseException? _rest;
    private readonly List<PyBaseException> _raised = new();
    private readonly List<PyBaseException> _reraised = new();

    public ExceptStar(Exception caught)
    {
        _original = PyExc.Translate(caught);
        _rest = _original;
    }

    /// <summary>The group this clause handles (taken out of what is left), or null when nothing left matches.</summary>
    public BaseExceptionGroup? Match(Func<PyBaseException, bool> matches)
    {
        switch (_rest)
        {
            case null:
                return null;
            case BaseExceptionGroup group:
                var (match, rest) = group.SplitBy(matches);
                _rest = rest;
                return match;
            default:
                if (!matches(_rest)) return null;
                _rest = null;
                return ExceptionGroups.Create("", new[] { _original }, asTuple: true);
        }
    }

    /// <summary>An exception leaving the clause that handled <paramref name="match"/>: a re-raise of it, or a new one.</summary>
    public void Raised(Exception e, BaseExceptionGroup match)
    {
        var py = PyExc.Translate(e);
        if (ReferenceEquals(py, match))
        {
            _reraised.Add(py);
            return;
        }
        py.WithContext(match);
        _raised.Add(py);
    }

    /// <summary>Raises what the statement leaves unhandled; returns when the clauses handled everything.</summary>
    public void Finish()
    {
        if (Outcome() is { } left) throw left;
    }

    private PyBaseException? Outcome()
    {
        // a naked exception: one clause at most ran, so there is one thing at most to raise
        if (_original is not BaseExceptionGroup original) return _raised.FirstOrDefault() ?? _reraised.FirstOrDefault() ?? _rest;
        var kept = _reraised.Concat(_rest is null ? Enumerable.Empty<PyBaseException>() : new[] { _rest }).SelectMany(ExceptionGroups.Leaves)
            .ToHashSet(ReferenceEqualityComparer.Instance);
        // the re-raised and unhandled leaves keep the original group's shape
        var reraised = kept.Count > 0 ? original.SplitBy(leaf => kept.Contains(leaf)).Match : null;
        if (_raised.Count == 0) return reraised;
        // what the clauses raised is always grouped (CPython 3.11.2, before 3.11.4 let a lone exception through)
        return ExceptionGroups.Create("", reraised is null ? _raised : _raised.Append(reraised).ToList());
    }
}
