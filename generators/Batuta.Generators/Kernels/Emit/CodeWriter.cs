namespace Batuta.Generators.Kernels.Emit;

/// <summary>An indenting text writer for generated C# (four spaces, "\n" line ends, so output is the same on every OS).</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _sb = new();
    private int _indent;

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0) _sb.Append(' ', _indent * 4).Append(text);
        _sb.Append('\n');
        return this;
    }

    /// <summary>Writes the header (if any) and an opening brace, and indents.</summary>
    public CodeWriter Open(string header)
    {
        if (header.Length > 0) Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public CodeWriter Indent()
    {
        _indent++;
        return this;
    }

    public CodeWriter Outdent()
    {
        _indent--;
        return this;
    }

    public override string ToString() => _sb.ToString();
}
