using Batuta.Python.Ast;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    /// <summary>
    /// Recursive functions that pass their depth to their own calls (Inference.RecursionDepthPassing): the function's
    /// name is a wrapper that starts the count from RecursionGuard's static one, and the body, <c>name__rec</c>, takes
    /// the depth as its last parameter and checks it against the limit at each call to itself.
    /// </summary>
    internal sealed partial class Emitter
    {
        private const string DepthParameter = "__rdepth";

        private string EmitDepthWrapper(FunctionModel f, string ret, string modifiers)
        {
            string inner = f.CsName + "__rec";
            var args = f.Params.Select(p => p.CsName).Append($"{DepthParameter}: RecursionGuard.Next(RecursionGuard.Depth)");
            _w.Line($"{modifiers} {ret} {f.CsName}({ParamList(f)}) => {inner}({string.Join(", ", args)});");
            _w.Line();
            return inner;
        }

        /// <summary>The body's parameters: the function's, then the depth (optional after optional ones; always passed by name).</summary>
        private string DepthParameterList(FunctionModel f)
        {
            string ps = ParamList(f);
            return (ps.Length > 0 ? ps + ", " : "") + $"int {DepthParameter}" + (OptionalDefaults(f).Count > 0 ? " = 0" : "");
        }

        private bool PassesDepth(FunctionModel callee, Call call) =>
            _function is { DepthPassing: not RecursionDepthMode.None } self && ReferenceEquals(callee, self) && self.DepthCalls.Contains(call);

        /// <summary>A call of the current function to itself, one level deeper (RecursionError past the limit, after the arguments).</summary>
        private static string DepthCall(string code, IEnumerable<string> args) =>
            $"{code}__rec({string.Join(", ", args.Append($"{DepthParameter}: RecursionGuard.Next({DepthParameter})"))})";
    }
}
