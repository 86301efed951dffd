using System.Collections;

namespace Batuta.Python.Runtime;

/// <summary>
/// Python 3.11's <c>BaseExceptionGroup</c>: a message and a non-empty tuple of exceptions, with split/subgroup/derive.
/// One C# class serves both Python classes' logic, so <see cref="ExceptionGroup"/> derives from it and it derives from
/// Exception: <c>except Exception</c> catches an ExceptionGroup, as in CPython (a group of BaseExceptions only is an
/// Exception too here, where CPython's is not).
/// </summary>
#pragma warning disable CA1710
public class BaseExceptionGroup : PyException
#pragma warning restore CA1710
{
    public BaseExceptionGroup(params object?[] args) : base(args)
    {
        if (args.Length != 2) throw new TypeError($"{PythonName} expected 2 arguments, got {args.Length}");
        GroupMessage = args[0] as string ?? throw new TypeError($"argument 1 must be str, not {Dyn.TypeName(args[0])}");
        Members = CheckedMembers(args[1]);
        if (this is ExceptionGroup && Members.Any(m => m is not PyException)) throw new TypeError("Cannot nest BaseExceptions in an ExceptionGroup");
    }

    /// <summary>The constructor's second argument as CPython checks it: a non-empty sequence of exceptions.</summary>
    private static List<PyBaseException> CheckedMembers(object? sequence)
    {
        if (sequence is string or null || sequence is not IEnumerable items) throw new TypeError("second argument (exceptions) must be a sequence");
        var members = new List<PyBaseException>();
        foreach (var item in items)
            members.Add(item as PyBaseException ?? throw new ValueError($"Item {members.Count} of second argument (exceptions) is not an exception"));
        return members.Count > 0 ? members : throw new ValueError("second argument (exceptions) must be a non-empty sequence");
    }

    /// <summary><c>eg.message</c> (C#'s Message is str(eg), as for every exception here).</summary>
    public string GroupMessage { get; }

    public IReadOnlyList<PyBaseException> Members { get; }

    /// <summary><c>eg.exceptions</c></summary>
    public PyTuple Exceptions => new(Members.Cast<object?>().ToArray());

    public override string PyStr() => $"{GroupMessage} ({Members.Count} sub-exception{(Members.Count == 1 ? "" : "s")})";

    public override bool TryGetAttr(string name, out object? value)
    {
        switch (name)
        {
            case "message": value = GroupMessage; return true;
            case "exceptions": value = Exceptions; return true;
            default: return base.TryGetAttr(name, out value);
        }
    }

    /// <summary><c>eg.derive(excs)</c>: a group of the same class and message over other exceptions.</summary>
    public virtual BaseExceptionGroup Derive(object? exceptions) => new BaseExceptionGroup(GroupMessage, exceptions);

    /// <summary><c>eg.split(condition)</c>: (the matching part, the rest), each None when empty.</summary>
    public PyTuple Split(object? condition)
    {
        var (match, rest) = SplitBy(ExceptionGroups.Condition(condition));
        return new PyTuple(new object?[] { match, rest });
    }

    /// <summary><c>eg.subgroup(condition)</c>: the matching part, or None.</summary>
    public BaseExceptionGroup? Subgroup(object? condition) => SplitBy(ExceptionGroups.Condition(condition)).Match;

    /// <summary>
    /// CPython's split: the whole group when it matches itself, else each leaf by the condition (nested groups split
    /// recursively); the parts are derived groups that keep this one's cause, context and notes.
    /// </summary>
    public (BaseExceptionGroup? Match, BaseExceptionGroup? Others) SplitBy(Func<PyBaseException, bool> condition)
    {
        if (condition(this)) return (this, null);
        var matched = new PyList<object?>();
        var rest = new PyList<object?>();
        foreach (var e in Members)
        {
            if (e is BaseExceptionGroup inner)
            {
                var (m, r) = inner.SplitBy(condition);
                if (m is not null) matched.Append(m);
                if (r is not null) rest.Append(r);
            }
            else if (condition(e)) matched.Append(e);
            else rest.Append(e);
        }
        return (DerivedPart(matched), DerivedPart(rest));
    }

    private BaseExceptionGroup? DerivedPart(PyList<object?> members)
    {
        if (members.Count == 0) return null;
        var part = Derive(members);
        part.Cause = Cause;
        part.PyContext = PyContext;
        part.SuppressContext = SuppressContext;
        part.PyNotes = PyNotes;
        return part;
    }
}

/// <summary>Python's <c>ExceptionGroup</c>: a <see cref="BaseExceptionGroup"/> of Exceptions only.</summary>
#pragma warning disable CA1710
public class ExceptionGroup : BaseExceptionGroup
#pragma warning restore CA1710
{
    public ExceptionGroup(params object?[] args) : base(args) { }

    public override BaseExceptionGroup Derive(object? exceptions) => new ExceptionGroup(GroupMessage, exceptions);
}

/// <summary>The matching rules that <c>except*</c> and split/subgroup share.</summary>
public static class ExceptionGroups
{
    /// <summary>split/subgroup's condition: an exception class, a tuple of them, or a predicate on one exception.</summary>
    public static Func<PyBaseException, bool> Condition(object? condition) => condition switch
    {
        Type or PyTypeObject or System.Runtime.CompilerServices.ITuple => e => Py.IsInstanceOf(e, condition),
        IPyCallable or Delegate => e => Py.Truth(Dyn.Call(condition, e)),
        _ => throw new TypeError("expected a function, exception type or tuple of exception types"),
    };

    /// <summary>A group over <paramref name="members"/>: an ExceptionGroup when they all are Exceptions (as CPython's constructor picks).</summary>
    public static BaseExceptionGroup Create(string message, IReadOnlyList<PyBaseException> members, bool asTuple = false)
    {
        object sequence = asTuple ? new PyTuple(members.Cast<object?>().ToArray()) : new PyList<object?>(members.Cast<object?>());
        return members.All(m => m is PyException) ? new ExceptionGroup(message, sequence) : new BaseExceptionGroup(message, sequence);
    }

    /// <summary>The exceptions a group holds at its leaves (the exception itself when it is no group).</summary>
    public static IEnumerable<PyBaseException> Leaves(PyBaseException e) =>
        e is BaseExceptionGroup g ? g.Members.SelectMany(Leaves) : new[] { e };
}
