namespace Batuta.Python
{
    /// <summary>
    /// Source text as CPython's tokenizer sees it: decoded (BOM and coding declaration honoured),
    /// re-encoded as UTF-8, <c>\r\n</c> and <c>\r</c> turned into <c>\n</c>, and a final newline added.
    /// All AST columns are byte offsets into these lines; <see cref="ToCharacterColumn"/> converts.
    /// </summary>
    public sealed class PythonSource
    {
        private int[]? _lineStarts;

        internal PythonSource(string path, byte[] buffer, int length, string? declaredEncoding)
        {
            Path = path;
            Buffer = buffer;
            Length = length;
            DeclaredEncoding = declaredEncoding;
        }

        public string Path { get; }

        /// <summary>The encoding named by a coding declaration or BOM ("utf-8" for a BOM), or null.</summary>
        public string? DeclaredEncoding { get; }

        /// <summary>Buffer with a 0 sentinel at <see cref="Length"/>.</summary>
        internal byte[] Buffer { get; }

        internal int Length { get; }

        /// <summary>The normalised UTF-8 text (a copy).</summary>
        public byte[] Utf8
        {
            get
            {
                var copy = new byte[Length];
                Array.Copy(Buffer, copy, Length);
                return copy;
            }
        }

        public string Text => Encoding.UTF8.GetString(Buffer, 0, Length);

        public int LineCount => LineStarts.Length;

        internal int[] LineStarts => _lineStarts ??= ComputeLineStarts();

        private int[] ComputeLineStarts()
        {
            var starts = new List<int> { 0 };
            for (int i = 0; i < Length; i++)
                if (Buffer[i] == (byte)'\n' && i + 1 < Length) starts.Add(i + 1);
            return starts.ToArray();
        }

        /// <summary>Byte offset where 1-based <paramref name="line"/> starts (clamped to the text).</summary>
        public int LineStartOffset(int line)
        {
            var starts = LineStarts;
            if (line < 1) return 0;
            if (line > starts.Length) return Length;
            return starts[line - 1];
        }

        /// <summary>The text of a 1-based line without its newline.</summary>
        public string GetLine(int line)
        {
            if (line < 1 || line > LineStarts.Length) return "";
            int start = LineStarts[line - 1];
            int end = start;
            while (end < Length && Buffer[end] != (byte)'\n') end++;
            return Encoding.UTF8.GetString(Buffer, start, end - start);
        }

        /// <summary>Converts a 0-based UTF-8 byte column (AST <c>col_offset</c>) to a 0-based UTF-16 column.</summary>
        public int ToCharacterColumn(int line, int byteColumn)
        {
            int start = LineStartOffset(line);
            int end = Math.Min(Length, start + Math.Max(0, byteColumn));
            int chars = 0;
            for (int i = start; i < end; i++)
            {
                byte b = Buffer[i];
                if ((b & 0xC0) != 0x80) chars += b >= 0xF0 ? 2 : 1;
            }
            return chars;
        }

        /// <summary>Converts a 0-based UTF-8 byte column to a 0-based code-point column (CPython's SyntaxError offset minus one).</summary>
        internal int ToCodePointColumn(int line, int byteColumn)
        {
            int start = LineStartOffset(line);
            int end = Math.Min(Length, start + Math.Max(0, byteColumn));
            return Batuta.Python.Text.Utf8.CountCodePoints(Buffer, start, end);
        }

        /// <summary>The source text a node covers (CPython's ast.get_source_segment without padding).</summary>
        public string GetText(Batuta.Python.Ast.SourceSpan span)
        {
            if (span.Line < 1) return "";
            int start = ToOffset(span.Line, span.Column);
            int end = ToOffset(span.EndLine, span.EndColumn);
            return end > start ? Encoding.UTF8.GetString(Buffer, start, end - start) : "";
        }

        /// <summary>Absolute offset into <see cref="Utf8"/> of a (line, byte column) position.</summary>
        public int ToOffset(int line, int byteColumn) => Math.Min(Length, LineStartOffset(line) + Math.Max(0, byteColumn));
    }
}
