using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    internal sealed partial class Emitter
    {
        /// <summary>
        /// An override that adds parameters with defaults (<c>def area(self, scale, extra=0)</c> over
        /// <c>def area(self, scale)</c>): C# overrides only with the base's signature, so the method becomes a new virtual
        /// overload and a bridge with the base's signature overrides the base and calls it with the defaults: a call through
        /// a base-typed value still runs the subclass's body, as Python's does.
        /// </summary>
        private static bool IsWiderOverride(FunctionModel m, FunctionModel? baseMethod)
        {
            if (baseMethod is null || !IsPlainMethod(m) || !IsPlainMethod(baseMethod)) return false;
            int n = baseMethod.Params.Count;
            if (m.Params.Count <= n || CsTypes.Return(m.ReturnType) != CsTypes.Return(baseMethod.ReturnType)) return false;
            for (int i = 0; i < n; i++)
                if (CsTypes.Of(m.Params[i].Type) != CsTypes.Of(baseMethod.Params[i].Type)) return false;
            return DefaultsOf(m).Skip(n).All(d => d.Default is not null);
        }

        /// <summary>An instance method with a fixed parameter list (no *args, **kwargs, property, static or class method).</summary>
        private static bool IsPlainMethod(FunctionModel f) =>
            !(f.IsStatic || f.IsClassMethod || f.IsProperty) && f.VarArgs is null && f.KwArgs is null;

        private void EmitWiderOverrideBridge(FunctionModel m, FunctionModel baseMethod)
        {
            var inherited = baseMethod.Params;
            string parameters = string.Join(", ", inherited.Select((p, i) => $"{CsTypes.Of(p.Type)} {m.Params[i].CsName}"));
            var arguments = m.Params.Take(inherited.Count).Select(p => p.CsName)
                .Concat(DefaultsOf(m).Skip(inherited.Count).Select(d => DefaultArgument(m, d.Param, d.Default.OrThrow())));
            string call = $"{m.CsName}({string.Join(", ", arguments)})";
            string returns = CsTypes.Return(baseMethod.ReturnType);
            _w.Line($"public override {returns} {m.CsName}({parameters}) => {call};");
            _w.Line();
        }

        private string DefaultArgument(FunctionModel f, VarInfo p, Python.Ast.ExpressionNode d) =>
            IsInlineDefault(d) ? Coerce(EmitExpr(d, p.Type), p.Type).Code : DefaultRef(f, p);
    }
}
