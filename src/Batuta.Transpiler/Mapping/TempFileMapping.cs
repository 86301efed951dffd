using System;
using System.Linq;
using Batuta.Transpiler.Emit;
using Batuta.Transpiler.Model;
using Batuta.Python.Ast;

namespace Batuta.Transpiler.Mapping
{
    /// <summary>
    /// tempfile's file objects and os.fdopen: a text or a binary file by the mode, as open() is typed, so the mode must be
    /// a literal. buffering is taken and left to the runtime.
    /// </summary>
    internal static class TempFileMapping
    {
        private static readonly PyType S = PyType.Str, O = PyType.Object, B = PyType.Bool, OptS = PyType.Optional(PyType.Str), Fd = PyType.LongFull;
        private const string FileNames = "buffering,encoding,newline,suffix,prefix,dir";

        private static readonly MappingRow[] Rows =
        {
            new("tempfile.NamedTemporaryFile", "TempFile.Named{kind}({0}, {4}, {5}, {6}, {7}, {2}, {3})", _ => O, new[] { S, O, OptS, OptS, OptS, OptS, O, B }, names: "mode," + FileNames + ",delete", defaults: "\"w+b\"|-1|null|null|null|null|null|true"),
            new("tempfile.TemporaryFile", "TempFile.Named{kind}({0}, {4}, {5}, {6}, true, {2}, {3})", _ => O, new[] { S, O, OptS, OptS, OptS, OptS, O }, names: "mode," + FileNames, defaults: "\"w+b\"|-1|null|null|null|null|null"),
            new("tempfile.SpooledTemporaryFile", "TempFile.Named{kind}({1}, {5}, {6}, {7}, true, {3}, {4})", _ => O, new[] { O, S, O, OptS, OptS, OptS, OptS, O }, names: "max_size,mode," + FileNames, defaults: "0|\"w+b\"|-1|null|null|null|null|null"),
            new("os.fdopen", "OsFd.FdOpen{kind}({0}, {1}, {3})", _ => O, new[] { Fd, S, O, OptS }, names: "fd,mode,buffering,encoding", defaults: "\"r\"|-1|null"),
        };

        /// <summary>Whether a function is one of these (hasattr(tempfile, "NamedTemporaryFile")).</summary>
        public static bool Maps(string qualified) => Rows.Any(r => r.Python == qualified);

        /// <summary>The call as a text or a binary file; null for another function of these modules.</summary>
        public static Ex? Call(Emitter e, string qualified, Call c, Func<MappingRow, Call, Ex> apply)
        {
            var row = Rows.FirstOrDefault(r => r.Python == qualified);
            if (row is null) return null;
            int modeAt = Array.IndexOf(row.Names, "mode");
            var modeNode = c.Args.Count > modeAt ? c.Args[modeAt] : c.Keywords.FirstOrDefault(k => k.Arg == "mode")?.Value;
            string? mode = modeNode is null ? row.Defaults[modeAt - (row.Parameters.Length - row.Defaults.Length)].Trim('"') : (modeNode as Constant)?.Value as string;
            if (mode is null) return e.NotSupported(modeNode ?? c, $"{qualified}() with a mode that is not a string literal");
            bool binary = mode.IndexOf('b') >= 0;
            var typed = new MappingRow(row.Python, row.Template.Replace("{kind}", binary ? "Binary" : "Text"), _ => binary ? Builtins.BinaryFile : PyType.File, row.Parameters,
                string.Join(",", row.Names), string.Join("|", row.Defaults));
            return apply(typed, c);
        }
    }
}
