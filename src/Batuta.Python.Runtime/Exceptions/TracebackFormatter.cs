using System.Text;

namespace Batuta.Python.Runtime;

/// <summary>
/// The text CPython's traceback module gives an exception (what an uncaught one prints): the chain of causes and
/// contexts, each "Traceback ..." with one frame line (Batuta keeps no frames), "Type: message", the notes, and
/// exception groups drawn with CPython's margins and numbered sub-exceptions (15 at most per group, 10 levels deep).
/// </summary>
public sealed class TracebackFormatter
{
    private const int MaxGroupWidth = 15;
    private const int MaxGroupDepth = 10;

    private readonly string _scriptName;
    private readonly StringBuilder _out = new();
    private readonly HashSet<PyBaseException> _seen = new(ReferenceEqualityComparer.Instance);
    private int _depth;
    private bool _needClose;

    private TracebackFormatter(string scriptName) => _scriptName = scriptName;

    /// <summary>The script's name as the traceback's frame lines show it (sys.argv[0]).</summary>
    public static string ScriptName => Sys.Argv.Count > 0 ? Sys.Argv[0] : "";

    /// <summary>The whole traceback of <paramref name="e"/>, with its chain unless <paramref name="chain"/> is false.</summary>
    public static string Format(Exception e, string scriptName, bool chain = true)
    {
        var f = new TracebackFormatter(scriptName);
        f.Chain(PyExc.Translate(e), chain, raised: true);
        return f._out.ToString();
    }

    /// <summary>traceback.format_exception_only: "Type: message" and the notes, one line each.</summary>
    public static PyList<string> ExceptionOnly(PyBaseException e)
    {
        string msg = e.PyStr();
        var lines = new PyList<string> { QualifiedName(e) + (msg.Length > 0 ? ": " + msg : "") + "\n" };
        foreach (var note in e.PyNotes ?? new PyList<object?>())
            foreach (var line in (note as string ?? Str.Of(note)).Split('\n')) lines.Append(line + "\n");
        return lines;
    }

    private static string QualifiedName(PyBaseException e)
    {
        // a class defined inside a function: main.<locals>.ParseError
        string name = e is IPyLocalClassInstance local ? local.PyClass.QualName : e.PythonName;
        return e.PyModule is "builtins" or "__main__" ? name : e.PyModule + "." + name;
    }

    private void Chain(PyBaseException top, bool chain, bool raised)
    {
        var links = ChainLinks(top, chain);
        for (int i = links.Count - 1; i >= 0; i--)
        {
            var (message, e) = links[i];
            if (message is not null) Emit(message);
            // a chained exception was raised; a group's members usually were built in place, with no traceback of their own
            bool needClose = _needClose;
            One(e, chain, hasFrames: raised || i > 0);
            // as CPython's PyErr_Display: a group printed as a cause or context does not close the group around it
            if (i > 0) _needClose = needClose;
        }
    }

    /// <summary>The exception and the ones it was raised from or while handling, each with the line that joins it to the next.</summary>
    private List<(string? Message, PyBaseException Exception)> ChainLinks(PyBaseException top, bool chain)
    {
        var links = new List<(string? Message, PyBaseException Exception)>();
        for (PyBaseException? e = top; e is not null && _seen.Add(e);)
        {
            var (message, next) = !chain ? (null, null)
                : e.Cause is not null ? ("\nThe above exception was the direct cause of the following exception:\n\n", e.Cause)
                : e.PyContext is not null && !e.SuppressContext ? ("\nDuring handling of the above exception, another exception occurred:\n\n", e.PyContext)
                : ((string?)null, (PyBaseException?)null);
            links.Add((message, e));
            e = next;
        }
        return links;
    }

    private void One(PyBaseException e, bool chain, bool hasFrames)
    {
        if (e is BaseExceptionGroup group)
        {
            Group(group, chain, hasFrames);
            return;
        }
        if (hasFrames) Emit("Traceback (most recent call last):\n" + Frame());
        foreach (var line in ExceptionOnly(e)) Emit(line);
    }

    private string Frame() => "  File \"" + _scriptName + "\", line 1, in <module>\n";

    private void Group(BaseExceptionGroup group, bool chain, bool hasFrames)
    {
        if (_depth > MaxGroupDepth)
        {
            Emit($"... (max_group_depth is {MaxGroupDepth})\n");
            return;
        }
        bool topLevel = _depth == 0;
        if (topLevel) _depth++;
        if (hasFrames) Emit("Exception Group Traceback (most recent call last):\n", topLevel ? '+' : '|');
        if (hasFrames) Emit(Frame());
        foreach (var line in ExceptionOnly(group)) Emit(line);
        Members(group, chain);
        if (topLevel) _depth = 0;
    }

    private void Members(BaseExceptionGroup group, bool chain)
    {
        int count = group.Members.Count;
        int shown = count <= MaxGroupWidth ? count : MaxGroupWidth + 1;
        _needClose = false;
        for (int i = 0; i < shown; i++)
        {
            bool last = i == shown - 1;
            if (last) _needClose = true;
            Member(group, i, chain);
            if (last && _needClose)
            {
                _out.Append(Indent()).Append("  +------------------------------------\n");
                _needClose = false;
            }
        }
    }

    /// <summary>The i-th sub-exception under its numbered rule; past the 15th, how many more there are.</summary>
    private void Member(BaseExceptionGroup group, int i, bool chain)
    {
        bool truncated = i >= MaxGroupWidth;
        string title = truncated ? "..." : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _out.Append(Indent()).Append(i == 0 ? "+-" : "  ").Append("+---------------- ").Append(title).Append(" ----------------\n");
        _depth++;
        if (!truncated) Chain(group.Members[i], chain, raised: false);
        else
        {
            int more = group.Members.Count - MaxGroupWidth;
            Emit($"and {more} more exception{(more > 1 ? "s" : "")}\n");
        }
        _depth--;
    }

    private string Indent() => new(' ', 2 * _depth);

    /// <summary>Text at the current group depth: every line behind the margin (CPython's textwrap.indent of each chunk).</summary>
    private void Emit(string text, char margin = '|')
    {
        string prefix = Indent() + (_depth > 0 ? margin + " " : "");
        if (prefix.Length == 0)
        {
            _out.Append(text);
            return;
        }
        foreach (var line in text.Split('\n').SkipLast(text.EndsWith('\n') ? 1 : 0)) _out.Append(prefix).Append(line).Append('\n');
    }
}
