using System.Text;

namespace Batuta.Transpiler.Emit
{
    /// <summary>Writes C# with four-space indentation and Unix newlines.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _sb = new();
        private int _indent;

        public int Indent => _indent;

        public CodeWriter Line(string text = "")
        {
            if (text.Length == 0) { _sb.Append('\n'); return this; }
            _sb.Append(' ', _indent * 4).Append(text).Append('\n');
            return this;
        }

        public CodeWriter Open(string header)
        {
            Line(header);
            Line("{");
            _indent++;
            return this;
        }

        public CodeWriter Close(string trailer = "")
        {
            _indent--;
            Line("}" + trailer);
            return this;
        }

        public CodeWriter Push() { _indent++; return this; }
        public CodeWriter Pop() { _indent--; return this; }

        public void Raw(string text) => _sb.Append(text);

        public int Length => _sb.Length;

        public override string ToString() => _sb.ToString();
    }
}
