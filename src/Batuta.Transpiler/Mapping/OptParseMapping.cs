using Batuta.Python.Ast;
using Batuta.Transpiler.Emit;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Mapping
{
    /// <summary>
    /// optparse: the parser, its groups, options and Values are runtime objects (dynamic values, as argparse's parser
    /// and Namespace), built from the call's positional arguments and keywords in call order.
    /// </summary>
    internal static class OptParseMapping
    {
        private const string Supported = "supported: OptionParser, OptionGroup, Option/make_option, Values, IndentedHelpFormatter, TitledHelpFormatter, OptParseError, OptionValueError";

        /// <summary>The constructors: {0} the positional arguments (object?[]), {1} the keywords (a PyDict).</summary>
        private static readonly Dictionary<string, string> Constructors = new(StringComparer.Ordinal)
        {
            ["optparse.OptionParser"] = "new OptionParser({0}, {1})",
            ["optparse.OptionGroup"] = "OptParse.Group({0}, {1})",
            ["optparse.Option"] = "new OptParseOption({0}, {1})",
            ["optparse.make_option"] = "new OptParseOption({0}, {1})",
            ["optparse.Values"] = "OptParse.Values({0}, {1})",
            ["optparse.IndentedHelpFormatter"] = "OptParse.Formatter(false, {0}, {1})",
            ["optparse.TitledHelpFormatter"] = "OptParse.Formatter(true, {0}, {1})",
        };

        public static Ex Call(Emitter e, string qualified, Call c)
        {
            if (c.Args.Any(a => a is Starred) || c.Keywords.Any(k => k.Arg is null))
                return e.NotSupported(c, qualified + "() with *args or **kwargs");
            if (qualified is "optparse.OptParseError" or "optparse.OptionValueError") return Exception(e, qualified, c);
            if (!Constructors.TryGetValue(qualified, out var template)) return e.NotSupported(c, qualified + "()", Supported);
            var args = $"new object?[] {{ {string.Join(", ", c.Args.Select(x => Emitter.BoxOf(e.Expr(x))))} }}";
            return new Ex(template.Replace("{0}", args).Replace("{1}", e.KeywordDict(c)), PyType.Object, true);
        }

        /// <summary>OptionValueError("msg") raised by a script's own checks: the runtime exception optparse raises.</summary>
        private static Ex Exception(Emitter e, string qualified, Call c)
        {
            var name = qualified.Substring("optparse.".Length);
            if (c.Keywords.Count > 0) return e.NotSupported(c, qualified + "() with keyword arguments");
            return new Ex($"new {name}({string.Join(", ", c.Args.Select(x => Emitter.BoxOf(e.Expr(x))))})", PyType.Exception(name), true);
        }
    }
}
