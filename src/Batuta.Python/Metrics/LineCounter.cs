using Batuta.Python.Ast;
using Batuta.Python.Syntax;

namespace Batuta.Python.Metrics
{
    /// <summary>Classifies physical lines as code, comment-only or blank, from the token stream.</summary>
    internal static class LineCounter
    {
        public static LineCounts Count(PythonSource source, Module module)
        {
            int total = source.LineCount;
            var code = new bool[total + 2];
            var comment = new bool[total + 2];
            var comments = new List<(int Line, int Start, int End)>();
            var tokens = Tokenizer.Tokenize(source, NameTable.Shared, null, out int count, out _, comments);
            for (int i = 0; i < count; i++)
            {
                ref Token t = ref tokens[i];
                if (t.Kind is TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent or TokenKind.EndMarker or TokenKind.ErrorToken) continue;
                for (int l = Math.Max(1, t.Line); l <= Math.Min(total, t.EndLine); l++) code[l] = true;
            }
            foreach (var c in comments)
                if (c.Line >= 1 && c.Line <= total) comment[c.Line] = true;
            int codeLines = 0, commentOnly = 0, withComment = 0, blank = 0;
            for (int l = 1; l <= total; l++)
            {
                if (code[l]) codeLines++;
                else if (comment[l]) commentOnly++;
                else blank++;
                if (comment[l]) withComment++;
            }
            return new LineCounts
            {
                Total = total,
                Code = codeLines,
                CommentOnly = commentOnly,
                WithComment = withComment,
                Blank = blank,
                Docstring = DocstringLines(module),
            };
        }

        private static int DocstringLines(Module module)
        {
            int n = 0;
            var stack = new Stack<NodeList<StatementNode>>();
            stack.Push(module.Body);
            while (stack.Count > 0)
            {
                var body = stack.Pop();
                if (body.Count > 0 && body[0] is Expr { Value: Constant { Value: string } doc }) n += doc.EndLine - doc.Line + 1;
                foreach (var s in body)
                {
                    switch (s)
                    {
                        case FunctionDef f: stack.Push(f.Body); break;
                        case AsyncFunctionDef f: stack.Push(f.Body); break;
                        case ClassDef c: stack.Push(c.Body); break;
                        default:
                            foreach (var child in PythonMetrics.ChildBodies(s)) stack.Push(child);
                            break;
                    }
                }
            }
            return n;
        }
    }
}
