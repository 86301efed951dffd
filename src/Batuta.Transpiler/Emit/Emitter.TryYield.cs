using Batuta.Python.Ast;
using Batuta.Transpiler.Inference;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    /// <summary>
    /// try/except around yields in a generator. C# forbids <c>yield return</c> in a try block that has a catch
    /// clause and in a catch block, so the try body becomes a local iterator function, advanced one step at a
    /// time inside a try/catch that only records which exception escaped; each value is yielded outside it,
    /// and the matching handler runs after the loop, outside any catch, where it may yield too. Exceptions
    /// still surface at the statement that raised them (MoveNext runs the body up to its next yield), in the
    /// same order of effects as CPython's generator.
    /// </summary>
    internal sealed partial class Emitter
    {
        /// <summary>The return flags of the try bodies being emitted as local iterators, innermost last.</summary>
        private readonly Stack<(FunctionModel Function, string Flag)> _bodyReturnFlags = new();

        /// <summary>Exceptions being handled outside a catch block: a bare <c>raise</c> rethrows these (null: inside a real catch).</summary>
        private readonly Stack<string?> _rethrowVars = new();

        /// <summary>A try with handlers in a generator, with a yield that EmitTry's deferred single yield cannot cover.</summary>
        private bool NeedsBodyIterator(Try t)
        {
            if (_function is not { IsGenerator: true } || t.Handlers.Count == 0) return false;
            // throw() raises at the paused yield, after the value left: the handlers must still be around it there
            if (_function.ReceivesSent && ModelBuilder.ContainsYield(t.Body)) return true;
            var blocks = new[] { t.Body }.Concat(t.Handlers.OfType<ExceptHandler>().Select(h => h.Body)).ToList();
            return blocks.Any(b => ModelBuilder.ContainsYield(b)) && !blocks.All(b => LastStatementIsTheOnlyYield(b));
        }

        private bool TryEmitTryAroundYields(Try t)
        {
            if (!NeedsBodyIterator(t)) return false;
            if (ExitsEnclosingLoop(t.Body))
            {
                UnsupportedStatement(t, "yield inside try/except whose body also breaks or continues an enclosing loop", "set a flag in the try body and break or continue after the try statement");
                return true;
            }
            var handlers = t.Handlers.OfType<ExceptHandler>().ToList();
            var types = handlers.Select(HandlerTypes).ToList();
            string elem = CsTypes.Of(YieldElem().Kind == TypeKind.Unknown ? PyType.Object : YieldElem());
            string? ok = t.Orelse.Count > 0 ? Temp("ok") : null;
            string body = Temp("body"), it = Temp("it"), caught = Temp("caught"), ret = Temp("ret"), ev = Temp("e");
            if (t.Finalbody.Count > 0) _w.Open("try");
            if (ok is not null) _w.Line($"bool {ok} = false;");
            _w.Line($"bool {ret} = false;");
            _w.Line($"Exception? {caught} = null;");
            EmitBodyIterator(t.Body, elem, body, ret, ok);
            EmitBodyAdvanceLoop(body, it, caught, ev, CatchFilter(types, ev));
            _w.Open($"if ({ret})");
            EmitGeneratorReturn();
            _w.Close();
            EmitHandlersOutsideCatch(handlers, types, caught);
            if (ok is not null)
            {
                _w.Open($"if ({ok})");
                EmitBlock(t.Orelse);
                _w.Close();
            }
            if (t.Finalbody.Count > 0)
            {
                _w.Close();
                _w.Open("finally");
                EmitBlock(t.Finalbody);
                _w.Close();
            }
            return true;
        }

        /// <summary>
        /// Runs the body iterator one step at a time in a try/catch that records the escaping exception
        /// (<paramref name="filter"/>: only those some handler takes), yielding each value outside the catch.
        /// </summary>
        private void EmitBodyAdvanceLoop(string body, string it, string caught, string ev, string filter)
        {
            string? depth = SaveRecursionDepth();
            _w.Open($"using (var {it} = {body}().GetEnumerator())");
            _w.Open("while (true)");
            _w.Open("try");
            _w.Line($"if (!{it}.MoveNext()) break;");
            _w.Close();
            _w.Open($"catch (Exception {ev}){filter}");
            RestoreRecursionDepth(depth);
            _w.Line($"{caught} = {ev};");
            _w.Line("break;");
            _w.Close();
            _w.Line($"yield return {it}.Current;");
            _w.Close();
            _w.Close();
        }

        /// <summary>
        /// A finally block that yields, in a generator: C# has no yield in a finally block, so the try statement
        /// without it runs as a local iterator whose escaping exception is recorded; the finally block follows it
        /// as plain code, then the exception is raised again (a return in the finally block drops it, as in Python).
        /// </summary>
        private bool TryEmitYieldingFinally(ITryStatement t)
        {
            if (_function is not { IsGenerator: true } || !ModelBuilder.ContainsYield(t.Finalbody)) return false;
            var inner = t is Try plain ? new Try(plain.Body, plain.Handlers, plain.Orelse, NodeList<StatementNode>.Empty, plain.Span) : null;
            if (inner is null || ExitsEnclosingLoop(new StatementNode[] { inner }))
            {
                UnsupportedStatement((StatementNode)t, "a yield inside a finally block whose try statement also breaks, continues or uses except*", "move the yield after the try statement");
                return true;
            }
            string elem = CsTypes.Of(YieldElem().Kind == TypeKind.Unknown ? PyType.Object : YieldElem());
            string body = Temp("body"), it = Temp("it"), caught = Temp("caught"), ret = Temp("ret"), ev = Temp("e");
            _w.Line($"bool {ret} = false;");
            _w.Line($"Exception? {caught} = null;");
            EmitBodyIterator(new StatementNode[] { inner }, elem, body, ret, null);
            EmitBodyAdvanceLoop(body, it, caught, ev, "");
            EmitBlock(t.Finalbody);
            _w.Line($"if ({caught} is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture({caught}).Throw();");
            _w.Open($"if ({ret})");
            EmitGeneratorReturn();
            _w.Close();
            return true;
        }

        /// <summary>The try body as a local iterator; a <c>return</c> in it sets <paramref name="ret"/> so the generator stops too.</summary>
        private void EmitBodyIterator(IReadOnlyList<StatementNode> statements, string elem, string name, string ret, string? ok)
        {
            var savedDeferred = (_deferredYield, _deferredYieldNodes);
            (_deferredYield, _deferredYieldNodes) = (null, null);
            _w.Open($"IEnumerable<{elem}> {name}()");
            _bodyReturnFlags.Push((_function.OrThrow(), ret));
            EmitBlock(statements);
            _bodyReturnFlags.Pop();
            if (ok is not null) _w.Line($"{ok} = true;");
            _w.Line("yield break;");
            _w.Close();
            (_deferredYield, _deferredYieldNodes) = savedDeferred;
        }

        /// <summary><c>return</c> in a generator: ends it, and every try body iterator it is inside of.</summary>
        private void EmitGeneratorReturn(ExpressionNode? value = null)
        {
            if (_bodyReturnFlags.Count > 0 && _bodyReturnFlags.Peek().Function == _function) _w.Line($"{_bodyReturnFlags.Peek().Flag} = true;");
            // return value in a generator: recorded for StopIteration.value / yield from (see GeneratorObject)
            if (value is not null && _function is { } g && GeneratorObject(g) && _bodyReturnFlags.Count == 0) _w.Line($"__gen.Return({Box(EmitExpr(value))});");
            _w.Line("yield break;");
        }

        /// <summary>Catches only what some handler handles; everything else propagates from MoveNext untouched.</summary>
        private string CatchFilter(List<List<PyType>> handlerTypes, string ev)
        {
            var tests = new List<string>();
            foreach (var types in handlerTypes)
            {
                string test = HandlerTest(types, $"PyExc.Translate({ev})");
                if (test.Length == 0) return "";
                tests.Add(test);
            }
            return $" when ({string.Join(" || ", tests)})";
        }

        /// <summary>The type test of one handler on <paramref name="value"/>; empty when it catches everything.</summary>
        private string HandlerTest(List<PyType> types, string value)
        {
            if (types.Count == 0 || (types.Count == 1 && types[0].Kind == TypeKind.Exception && types[0].Name == "BaseException")) return "";
            // an exception class of several exception bases derives in C# from one: the others are in its __mro__ only
            if (HasMultiBaseExceptions) return string.Join(" || ", types.Select(t => $"Py.IsInstanceOf({value}, typeof({CsTypes.Of(t)}))"));
            return $"{value} is {string.Join(" or ", types.Select(CsTypes.Of))}";
        }

        private List<PyType> HandlerTypes(ExceptHandler h) =>
            h.Type is null ? new List<PyType>() : (h.Type is Tuple tt ? tt.Elts.ToList() : new List<ExpressionNode> { h.Type }).Select(ExceptionType).ToList();

        /// <summary><c>except E as name</c>: the caught exception, as the Python object, into the name.</summary>
        private void BindHandlerName(ExceptHandler h, List<PyType> types, string caught)
        {
            if (h.Name is null) return;
            var r = Resolve(h.Name);
            var et = types.Count == 1 ? types[0] : PyType.Exception("BaseException");
            if (r.Var is not null) Widen(r.Var, et);
            _w.Line($"{r.Code} = ({CsTypes.Of(r.Var?.Type ?? et)})PyExc.Translate({caught});");
        }

        /// <summary>The first matching handler, as an if/else chain on the recorded exception.</summary>
        private void EmitHandlersOutsideCatch(List<ExceptHandler> handlers, List<List<PyType>> handlerTypes, string caught)
        {
            string keyword = "if";
            for (int i = 0; i < handlers.Count; i++)
            {
                var h = handlers[i];
                var types = handlerTypes[i];
                string test = HandlerTest(types, $"PyExc.Translate({caught})");
                _w.Open($"{keyword} ({caught} is not null{(test.Length == 0 ? "" : " && " + test)})");
                BindHandlerName(h, types, caught);
                _rethrowVars.Push(caught);
                EmitBlock(h.Body);
                _rethrowVars.Pop();
                _w.Close();
                keyword = "else if";
            }
        }

        /// <summary>Every block with a yield has it only as its last statement: EmitTry defers that one value instead.</summary>
        private static bool LastStatementIsTheOnlyYield(IReadOnlyList<StatementNode> block) =>
            !ModelBuilder.ContainsYield(block)
            || (block[block.Count - 1] is Expr { Value: Yield } && !ModelBuilder.ContainsYield(block.Take(block.Count - 1)));

        /// <summary>break/continue that leave the try for a loop around it: they cannot leave a local function (reported as unsupported).</summary>
        private static bool ExitsEnclosingLoop(IEnumerable<StatementNode> block) =>
            block.Any(s => s is Break or Continue || SameLoopLevelBlocks(s).Any(ExitsEnclosingLoop));

        /// <summary>The nested blocks of a statement whose break/continue still target the loop around it (a loop's own body does not).</summary>
        private static IEnumerable<IEnumerable<StatementNode>> SameLoopLevelBlocks(StatementNode s) => s switch
        {
            For f => new IEnumerable<StatementNode>[] { f.Orelse },
            While w => new IEnumerable<StatementNode>[] { w.Orelse },
            If i => new IEnumerable<StatementNode>[] { i.Body, i.Orelse },
            With w => new IEnumerable<StatementNode>[] { w.Body },
            ITryStatement t => new IEnumerable<StatementNode>[] { t.Body, t.Orelse, t.Finalbody }.Concat(t.Handlers.OfType<ExceptHandler>().Select(h => (IEnumerable<StatementNode>)h.Body)),
            Match m => m.Cases.Select(c => (IEnumerable<StatementNode>)c.Body),
            _ => Enumerable.Empty<IEnumerable<StatementNode>>(),
        };
    }
}
