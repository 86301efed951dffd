namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>textwrap.TextWrapper</c>: the wrap/fill options kept on an object whose attributes can be changed between calls
/// (<c>w.width = 40</c>); the line breaking is <see cref="TextWrap"/>'s.
/// </summary>
public sealed class TextWrapper(long width = 70, string initial_indent = "", string subsequent_indent = "", bool break_long_words = true, bool break_on_hyphens = true) : IPyObject, IPyTyped
{
    public long Width = width;
    public string InitialIndent = initial_indent;
    public string SubsequentIndent = subsequent_indent;
    public bool BreakLongWords = break_long_words;
    public bool BreakOnHyphens = break_on_hyphens;

    public string PyTypeName => "TextWrapper";

    public PyList<string> Wrap(string text) => TextWrap.Wrap(text, Width, InitialIndent, SubsequentIndent, BreakLongWords, BreakOnHyphens);

    public string Fill(string text) => string.Join("\n", Wrap(text));

    public string PyRepr() => $"<textwrap.TextWrapper object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";

    public string PyStr() => PyRepr();
}
