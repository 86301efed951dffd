using Batuta.Python.Ast;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    internal sealed partial class Emitter
    {
        /// <summary>
        /// <c>for i in range(a, b): if flags[i]: ...</c> over a list of bools (a sieve's outer loop): the iterations whose
        /// flag is False do nothing, so the loop jumps to the next True flag with a vectorized search instead of testing
        /// each one (a mispredicted branch per True flag otherwise). Each flag is still read after the body of the previous
        /// True one, as Python reads it; when none is left the loop variable takes the range's last value, as after Python's
        /// loop, and an index past the list's end still reaches the body's IndexError.
        /// </summary>
        private void TryEmitSearchSkip(For f, string counter, string stop, long? stepValue, PyType start, PyType loopVar)
        {
            if (stepValue != 1 || f.Orelse.Count > 0 || !start.IsLong || start.Lo < 0 || SearchSkipSpan(f) is not { } span) return;
            _w.Open($"if ({counter} < {span}.Length)");
            var found = Temp("f");
            _w.Line($"int {found} = {span}.Slice((int){counter}, (int)(Math.Min({stop}, (long){span}.Length) - {counter})).IndexOf(true);");
            _w.Line($"if ({found} >= 0) {counter} += {found};");
            _w.Open($"else if ({stop} <= {span}.Length)");
            AssignValue(f.Target, new Ex($"{stop} - 1", loopVar, true));
            _w.Line("break;");
            _w.Close();
            _w.Line($"else {counter} = {span}.Length;");
            _w.Close();
        }

        /// <summary>The hoisted span of the bool list the loop's only statement tests at the loop variable.</summary>
        private string? SearchSkipSpan(For f)
        {
            if (f.Target is not Name target || f.Body.Count != 1 || f.Body[0] is not If { Orelse.Count: 0, Test: Subscript { Value: Name list, Slice: Name index } }) return null;
            if (index.Id != target.Id || !_spans.TryGetValue(list.Id, out var span)) return null;
            return ResolveUnnarrowed(list.Id).Var is { Type: { Kind: TypeKind.List } listType } && listType.Elem.Kind == TypeKind.Bool ? span : null;
        }
    }
}
