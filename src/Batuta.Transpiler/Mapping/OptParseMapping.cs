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
        private const string Supported = "supported: OptionParser, OptionGroup, Option/make_option, Values, OptParseError, OptionValueError";

        public static Ex Call(Emitter e, string qualified, Call c)
        {
            if (c.Args.Any(a => a is Starred) || c.Keywords.Any(k => k.Arg is null))
                return e.NotSupported(c, qualified + "() with *args or **kwargs");
            var args = $"new object?[] {{ {string.Join(", ", c.Args.Select(x => Emitter.BoxOf(e.Expr(x))))} }}";
            switch (qualified)
            {
                case "optparse.OptionParser":
                    return new Ex($"new OptionParser({args}, {e.KeywordDict(c)})", PyType.Object, true);
                case "optparse.OptionGroup":
                    return new Ex($"OptParse.Group({args}, {e.KeywordDict(c)})", PyType.Object, true);
                case "optparse.Option":
                case "optparse.make_option":
                    return new Ex($"new OptParseOption({args}, {e.KeywordDict(c)})", PyType.Object, true);
                case "optparse.Values":
                    return new Ex($"OptParse.Values({args}, {e.KeywordDict(c)})", PyType.Object, true);
                case "optparse.OptParseError":
                case "optparse.OptionValueError":
                    return Exception(e, qualified, c);
                default:
                    return e.NotSupported(c, qualified + "()", Supported);
            }
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
