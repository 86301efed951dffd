namespace Batuta.Python.Ast
{
    /// <summary>
    /// What <c>try ... except</c> and <c>try ... except*</c> share: code that walks the blocks of a try statement reads
    /// both through this view, and only what runs the handlers tells them apart.
    /// </summary>
    public interface ITryStatement
    {
        NodeList<StatementNode> Body { get; }
        NodeList<ExceptHandlerNode> Handlers { get; }
        NodeList<StatementNode> Orelse { get; }
        NodeList<StatementNode> Finalbody { get; }
        SourceSpan Span { get; }
    }

    public sealed partial class Try : ITryStatement { }

    public sealed partial class TryStar : ITryStatement { }
}
