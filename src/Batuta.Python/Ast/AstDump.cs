namespace Batuta.Python.Ast
{
    /// <summary>
    /// <c>ast.dump()</c> of CPython 3.11, character for character: no indent, fields in ASDL order,
    /// optional fields left out when None, constants through Python's <c>repr</c>.
    /// </summary>
    public static class AstDump
    {
        /// <summary>Same text as <c>ast.dump(node)</c>.</summary>
        public static string Dump(Node node) => Dump(node, includeAttributes: false);

        /// <summary>Same text as <c>ast.dump(node, include_attributes=...)</c>; with attributes every span is compared too.</summary>
        public static string Dump(Node node, bool includeAttributes)
        {
            var writer = new AstDumpWriter(new StringBuilder(256), includeAttributes);
            writer.WriteNode(node);
            return writer.ToString();
        }
    }

    /// <summary>Writes one node's fields; the generated <c>WriteFields</c> of each node drives it.</summary>
    internal sealed class AstDumpWriter
    {
        private readonly StringBuilder _sb;
        private readonly bool _attributes;
        private bool _separate;

        public AstDumpWriter(StringBuilder sb, bool includeAttributes)
        {
            _sb = sb;
            _attributes = includeAttributes;
        }

        public override string ToString() => _sb.ToString();

        public void WriteNode(Node node)
        {
            bool saved = _separate;
            _separate = false;
            _sb.Append(node.PythonName).Append('(');
            node.WriteFields(this);
            if (_attributes && HasPositionAttributes(node))
            {
                Int("lineno", node.Line);
                Int("col_offset", node.Column);
                Int("end_lineno", node.EndLine);
                Int("end_col_offset", node.EndColumn);
            }
            _sb.Append(')');
            _separate = saved;
        }

        private static bool HasPositionAttributes(Node node) =>
            node is StatementNode or ExpressionNode or ExceptHandlerNode or PatternNode or Arg or Keyword or Alias;

        private void Name(string name)
        {
            if (_separate) _sb.Append(", ");
            _separate = true;
            _sb.Append(name).Append('=');
        }

        public void Node(string name, Node value)
        {
            Name(name);
            WriteNode(value);
        }

        public void OptionalNode(string name, Node? value)
        {
            if (value is not null) Node(name, value);
        }

        public void String(string name, string value)
        {
            Name(name);
            PythonRepr.AppendStr(_sb, value);
        }

        public void OptionalString(string name, string? value)
        {
            if (value is not null) String(name, value);
        }

        public void Int(string name, int value)
        {
            Name(name);
            _sb.Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        public void OptionalInt(string name, int? value)
        {
            if (value is not null) Int(name, value.Value);
        }

        public void Bool(string name, bool value)
        {
            Name(name);
            _sb.Append(value ? '1' : '0');
        }

        public void Enum<TEnum>(string name, TEnum value) where TEnum : struct
        {
            Name(name);
            _sb.Append(value.ToString()).Append("()");
        }

        public void ConstantValue(string name, object? value)
        {
            Name(name);
            PythonRepr.Append(_sb, value, null);
        }

        public void ConstantValue(string name, object? value, int[]? codePoints)
        {
            Name(name);
            PythonRepr.Append(_sb, value, codePoints);
        }

        public void NodeList<T>(string name, NodeList<T> items) where T : Node
        {
            Name(name);
            _sb.Append('[');
            for (int i = 0; i < items.Count; i++)
            {
                if (i > 0) _sb.Append(", ");
                WriteNode(items[i]);
            }
            _sb.Append(']');
        }

        public void OptionalNodeList<T>(string name, NodeList<T?> items) where T : Node
        {
            Name(name);
            _sb.Append('[');
            for (int i = 0; i < items.Count; i++)
            {
                if (i > 0) _sb.Append(", ");
                var item = items[i];
                if (item is null) _sb.Append("None");
                else WriteNode(item);
            }
            _sb.Append(']');
        }

        public void StringList(string name, NodeList<string> items)
        {
            Name(name);
            _sb.Append('[');
            for (int i = 0; i < items.Count; i++)
            {
                if (i > 0) _sb.Append(", ");
                PythonRepr.AppendStr(_sb, items[i]);
            }
            _sb.Append(']');
        }

        public void EnumList<TEnum>(string name, NodeList<TEnum> items) where TEnum : struct
        {
            Name(name);
            _sb.Append('[');
            for (int i = 0; i < items.Count; i++)
            {
                if (i > 0) _sb.Append(", ");
                _sb.Append(items[i].ToString()).Append("()");
            }
            _sb.Append(']');
        }
    }
}
