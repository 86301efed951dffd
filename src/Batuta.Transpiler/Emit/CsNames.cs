using System.Text;

namespace Batuta.Transpiler.Emit
{
    /// <summary>Python names → C# identifiers (keywords escaped, PascalCase members).</summary>
    internal static class CsNames
    {
        private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
            "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
            "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
            "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
            "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
            "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
            "using", "virtual", "void", "volatile", "while", "var", "dynamic", "value", "yield", "async", "await", "nameof", "when", "record",
        };

        private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
        {
            "Py", "Dyn", "Ops", "Sys", "Repr", "Str", "PyInt", "PyList", "PyDict", "PySet", "PyTuple", "Math", "System", "Console", "Exception",
            "String", "Object", "Func", "Action", "List", "Dictionary", "Program", "Main",
            "Indexing", "RecursionGuard", "SourceSite", "PyIter", "PyBytes", "PyObject",
        };

        /// <summary>
        /// The generated code's namespace: a part named like a runtime type the code uses unqualified (a script dyn.py
        /// gives namespace Dyn, and Dyn.Call would find the namespace) gets an underscore.
        /// </summary>
        public static string Namespace(string name) =>
            string.Join(".", name.Split('.').Select(p => Reserved.Contains(p) || Keywords.Contains(p) ? p + "_" : p));

        public static string Local(string name)
        {
            if (name == "_") return "__";
            if (Keywords.Contains(name)) return "@" + name;
            if (name.StartsWith("__", StringComparison.Ordinal) && name != "__name__") return "py" + name;
            return Sanitize(name);
        }

        public static string Member(string name)
        {
            // a def named _ (singledispatch's register idiom) would shadow C#'s discard in `_ = expr;`
            if (name.Trim('_').Length == 0) return "Underscore" + name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal) && name.Length > 4)
                return "Dunder" + Pascal(name.Trim('_'));
            var p = Pascal(name);
            if (Keywords.Contains(p) || Reserved.Contains(p) || p.Length == 0) p += "_";
            if (char.IsDigit(p[0])) p = "_" + p;
            return Sanitize(p);
        }

        public static string Global(string name)
        {
            if (name == "_") return "__";
            if (Keywords.Contains(name)) return "@" + name;
            if (Reserved.Contains(name)) return name + "_";
            return Sanitize(name);
        }

        public static string Type(string name) => Reserved.Contains(name) || Keywords.Contains(name) ? name + "_" : Sanitize(name);

        public static string Pascal(string name)
        {
            var lead = name.Length - name.TrimStart('_').Length;
            var sb = new StringBuilder();
            bool up = true;
            foreach (var c in name.TrimStart('_'))
            {
                if (c == '_') { up = true; continue; }
                sb.Append(up ? char.ToUpperInvariant(c) : c);
                up = false;
            }
            // Keep a private marker for _private members so they do not collide with public ones.
            return (lead > 0 ? "_" : "") + sb;
        }

        private static string Sanitize(string name)
        {
            var sb = new StringBuilder(name.Length);
            foreach (var c in name) sb.Append(char.IsLetterOrDigit(c) || c == '_' || c == '@' ? c : '_');
            return sb.ToString();
        }

        /// <summary>A C# string literal for any text.</summary>
        public static string Literal(string s)
        {
            var sb = new StringBuilder("\"");
            foreach (var c in s)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\0': sb.Append("\\0"); break;
                    default:
                        if (c < 0x20 || c >= 0x7f) sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.Append('"').ToString();
        }
    }
}
