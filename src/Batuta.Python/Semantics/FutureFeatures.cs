using Batuta.Python.Ast;

namespace Batuta.Python.Semantics
{
    /// <summary>
    /// The <c>from __future__ import</c> statements at the head of a module, read the way CPython's
    /// Python/future.c reads them (after an optional docstring, before any other statement).
    /// </summary>
    public sealed class FutureFeatures
    {
        private static readonly HashSet<string> Known = new HashSet<string>(StringComparer.Ordinal)
        {
            "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function",
            "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
        };

        private FutureFeatures(IReadOnlyList<string> names, int lastLine, ImportFrom? error, string? errorMessage)
        {
            Names = names;
            LastLine = lastLine;
            ErrorAt = error;
            ErrorMessage = errorMessage;
        }

        /// <summary>Feature names imported at the head of the module.</summary>
        public IReadOnlyList<string> Names { get; }

        /// <summary><c>from __future__ import annotations</c>: annotations are not evaluated (they get their own scopes).</summary>
        public bool Annotations => Names.Contains("annotations");

        /// <summary>The line of the last valid future import (CPython's ff_lineno); 0 when none.</summary>
        public int LastLine { get; }

        internal ImportFrom? ErrorAt { get; }

        internal string? ErrorMessage { get; }

        public static FutureFeatures FromModule(Module module)
        {
            var names = new List<string>();
            int lastLine = 0;
            var body = module.Body;
            int i = 0;
            if (body.Count > 0 && body[0] is Expr { Value: Constant { Value: string } }) i++;
            bool done = false;
            int prevLine = 0;
            for (; i < body.Count; i++)
            {
                var s = body[i];
                if (done && s.Line > prevLine) break;
                prevLine = s.Line;
                if (s is ImportFrom { Module: "__future__" } f)
                {
                    if (done) return new FutureFeatures(names, lastLine, f, "from __future__ imports must occur at the beginning of the file");
                    foreach (var alias in f.Names)
                    {
                        if (alias.Name == "braces") return new FutureFeatures(names, lastLine, f, "not a chance");
                        if (!Known.Contains(alias.Name)) return new FutureFeatures(names, lastLine, f, "future feature " + alias.Name + " is not defined");
                        names.Add(alias.Name);
                    }
                    lastLine = s.Line;
                }
                else done = true;
            }
            return new FutureFeatures(names, lastLine, null, null);
        }
    }
}
