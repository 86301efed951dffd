using Batuta.Python.Ast;
using Batuta.Transpiler.Inference;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    internal sealed partial class Emitter
    {
        /// <summary>
        /// The handlers of <c>try ... except*</c>: one catch where the runtime's ExceptStar hands each clause the part
        /// of the exception (group) it matches, collects what the clauses raise, and raises what is left at the end.
        /// </summary>
        private void EmitStarHandlers(NodeList<ExceptHandlerNode> handlers, string? depth)
        {
            var ev = Temp("e");
            var star = Temp("star");
            _w.Open($"catch (Exception {ev})");
            RestoreRecursionDepth(depth);
            _w.Line($"var {star} = new ExceptStar({ev});");
            foreach (var h in handlers.OfType<ExceptHandler>()) EmitStarHandler(h, star);
            _w.Line($"{star}.Finish();");
            _w.Close();
        }

        /// <summary>One <c>except* E as eg</c> clause: runs when part of what is left matches E, with that part (a group) in eg.</summary>
        private void EmitStarHandler(ExceptHandler h, string star)
        {
            var match = Temp("m");
            var leaf = Temp("x");
            var raised = Temp("e");
            bool byValue = h.Type is Name hn && Resolve(hn.Id).Kind is ResolvedKind.Local or ResolvedKind.Global;
            string test = byValue ? $"Py.IsInstanceOf({leaf}, {Box(EmitExpr(h.Type.OrThrow()))})" : HandlerTest(HandlerTypes(h), leaf);
            _w.Open($"if ({star}.Match({leaf} => {(test.Length == 0 ? "true" : test)}) is {{ }} {match})");
            _w.Open("try");
            BindHandlerName(h, new List<PyType> { PyType.Exception("BaseExceptionGroup") }, match);
            _exceptionVars.Push(match);
            _rethrowVars.Push(match);
            if (ProgramLogsExceptions) _w.Open($"using (PyExc.Handling({match}))");
            EmitBlock(h.Body);
            if (ProgramLogsExceptions) _w.Close();
            _rethrowVars.Pop();
            _exceptionVars.Pop();
            _w.Close();
            _w.Line($"catch (Exception {raised}) {{ {star}.Raised({raised}, {match}); }}");
            _w.Close();
        }
    }
}
