using System.Threading;
using Batuta.Python.Ast;
using Batuta.Python.Syntax;
using Batuta.Python.Text;

namespace Batuta.Python
{
    /// <summary>
    /// Entry point of the Python 3.11 front-end. Parsing never throws for bad input: every problem is a
    /// <see cref="PythonDiagnostic"/>, and the first error is the one CPython 3.11's <c>ast.parse</c> reports.
    /// </summary>
    public static class PythonParser
    {
        /// <summary>Stack for a retry when the caller's thread stack is too small for deep (but legal) nesting.</summary>
        private const int LargeStackBytes = 256 * 1024 * 1024;

        /// <summary>Parses source text, as <c>ast.parse(str)</c>: coding declarations are ignored, no BOM handling.</summary>
        public static ParseResult Parse(string source, string path = "<unknown>")
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            var src = SourceDecoder.FromString(source, path ?? "<unknown>", out var decodeError);
            return Run(src, decodeError);
        }

        /// <summary>Parses file bytes, as <c>ast.parse(bytes)</c>: UTF-8 BOM and <c># -*- coding: x -*-</c> declarations are honoured.</summary>
        public static ParseResult Parse(byte[] source, string path = "<unknown>")
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            var src = SourceDecoder.FromBytes(source, path ?? "<unknown>", out var decodeError);
            return Run(src, decodeError);
        }

        private static ParseResult Run(PythonSource src, SourceDecoder.DecodeError? decodeError)
        {
            if (decodeError is not null)
            {
                var sink = new DiagnosticSink(src.Path);
                sink.AddError(new ParserDiagnostic(DiagnosticCodes.Encoding, decodeError.Message, decodeError.ErrorType, Math.Max(1, decodeError.Line), 1, Math.Max(1, decodeError.Line), 1));
                return new ParseResult(null, sink.ToList(), src);
            }
            try
            {
                return ParseOnThisThread(src);
            }
            catch (InsufficientExecutionStackException)
            {
                return ParseOnLargeStack(src);
            }
        }

        private static ParseResult ParseOnThisThread(PythonSource src)
        {
            var sink = new DiagnosticSink(src.Path);
            var module = Parser.ParseModule(src, sink);
            return new ParseResult(module, sink.ToList(src), src);
        }

        private static ParseResult ParseOnLargeStack(PythonSource src)
        {
            ParseResult? result = null;
            Exception? failure = null;
            var thread = new Thread(() =>
            {
                try
                {
                    result = ParseOnThisThread(src);
                }
                catch (Exception e)
                {
                    failure = e;
                }
            }, LargeStackBytes);
            thread.Start();
            thread.Join();
            if (result is not null) return result;
            var sink = new DiagnosticSink(src.Path);
            sink.AddError(new ParserDiagnostic(DiagnosticCodes.TooDeep, "source too deeply nested to parse (" + (failure?.GetType().Name ?? "stack") + ")", "MemoryError", 1, 1, 1, 1));
            return new ParseResult(null, sink.ToList(), src);
        }
    }

    /// <summary>The outcome of a parse: the module (partial when there were errors), diagnostics and the normalised source.</summary>
    public sealed class ParseResult
    {
        internal ParseResult(Module? module, IReadOnlyList<PythonDiagnostic> diagnostics, PythonSource source)
        {
            Module = module;
            Diagnostics = diagnostics;
            Source = source;
            Success = !diagnostics.Any(d => d.IsError);
        }

        /// <summary>
        /// The tree. When <see cref="Success"/> is false it holds the statements that did parse (the parser
        /// recovers at statement boundaries); it is null only when the source could not be decoded at all.
        /// </summary>
        public Module? Module { get; }

        /// <summary>Same as <see cref="Module"/>.</summary>
        public Module? Ast => Module;

        /// <summary>Errors first (the first is CPython's), then warnings.</summary>
        public IReadOnlyList<PythonDiagnostic> Diagnostics { get; }

        public IEnumerable<PythonDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

        public IEnumerable<PythonDiagnostic> Warnings => Diagnostics.Where(d => !d.IsError);

        /// <summary>True when CPython would accept the source: no error diagnostics.</summary>
        public bool Success { get; }

        public PythonSource Source { get; }

        /// <summary><c>ast.dump(ast.parse(source))</c>, or null when parsing failed.</summary>
        public string? Dump() => Success && Module is not null ? AstDump.Dump(Module) : null;
    }
}
