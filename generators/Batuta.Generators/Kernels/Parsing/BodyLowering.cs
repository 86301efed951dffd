using System.Threading;
using Batuta.Generators.Kernels.Diagnostics;
using Batuta.Generators.Kernels.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Batuta.Generators.Kernels.Parsing;

/// <summary>
/// Lowers a kernel body (Roslyn's IOperation tree) to lane expressions. Locals become SSA lets,
/// if/else and early returns become per-lane selects (both sides are computed: the body is pure),
/// fixed-count for loops are unrolled. Anything without a SIMD form is reported at its own span
/// (BATUTA-O-110…117) and the kernel keeps only its scalar path.
/// </summary>
internal sealed class BodyLowering
{
    private const int MaxUnrolledIterations = 256;

    private readonly IMethodSymbol _method;
    private readonly CancellationToken _cancellation;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly List<Let> _lets = [];
    private readonly HashSet<string> _callees = new(StringComparer.Ordinal);
    private Dictionary<ISymbol, Expr[]> _env = new(SymbolEqualityComparer.Default);
    private int _nextId;

    public BodyLowering(IMethodSymbol method, CancellationToken cancellation)
    {
        _method = method;
        _cancellation = cancellation;
        for (int i = 0; i < method.Parameters.Length; i++)
            if (KernelSymbols.TryElement(method.Parameters[i].Type, out var t))
                _env[method.Parameters[i]] = [new ParamExpr(i, t)];
    }

    /// <summary>False once a construct without a SIMD form was found.</summary>
    public bool Vectorizable { get; private set; } = true;

    /// <summary>False once a construct ILGPU cannot run was found (allocation, exception, unknown call...).</summary>
    public bool GpuCompatible { get; private set; } = true;

    /// <summary>Why the GPU kernel was left out, when the body itself decided it.</summary>
    public string? GpuReason { get; private set; }

    /// <summary>The first reason the kernel is not vectorised.</summary>
    public string? ScalarOnlyReason { get; private set; }

    public double Flops { get; private set; }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    public IReadOnlyCollection<string> Callees => _callees;

    private string KernelName => _method.Name;

    public KernelBody? Lower(IMethodBodyOperation body)
    {
        var block = body.BlockBody ?? body.ExpressionBody;
        if (block is null) return null;
        bool returned = Sequence([block]);
        var results = _returnValue;
        if (!returned || results is null)
        {
            if (Vectorizable) Reject(KernelDiagnostics.UnsupportedConstruct, block.Syntax, gpu: false, "a body that does not end in a return");
            NeedsLoweredBodyForGpu();
            return null;
        }
        var outputs = KernelSymbols.Outputs(_method.ReturnType);
        if (outputs is null || outputs.Count != results.Length) return null;
        for (int i = 0; i < results.Length; i++) results[i] = ConvertTo(results[i], outputs[i].Type, block.Syntax);
        if (Vectorizable) return new KernelBody(_lets.ToEquatableArray(), results.ToEquatableArray());
        NeedsLoweredBodyForGpu();
        return null;
    }

    private string? _gpuNeedsLoweredBody;

    /// <summary>A body that stays scalar but calls Math.Clamp or Math.Sign gets no GPU kernel (ILGPU would compile the user's method).</summary>
    private void NeedsLoweredBodyForGpu()
    {
        if (_gpuNeedsLoweredBody is { } call && GpuCompatible)
            GpuReason ??= $"it calls {call}, whose throw helper ILGPU cannot compile, in a body that is not vectorised";
    }

    // ---------------------------------------------------------------- statements
    //
    // SIMD code runs every branch for every lane. The lowering keeps three pieces of state:
    // _path, the lanes on the current branch (the conjunction of the enclosing conditions);
    // _returned, the lanes that already returned; and _returnValue, what they returned. A return
    // inside a branch records its value for the lanes that had not returned yet and marks the
    // branch's lanes as returned; the code after the if still runs for all lanes, and the first
    // value each lane returned is the one kept. Assignments in branches merge per lane at the join.

    private Expr? _path;
    private Expr? _returned;
    private Expr[]? _returnValue;

    private static readonly Expr True = new ConstExpr("true", ScalarType.Bool);

    /// <summary>Lowers <paramref name="statements"/>; true when every path through them returns (what follows is unreachable).</summary>
    private bool Sequence(IReadOnlyList<IOperation> statements)
    {
        foreach (var s in statements)
        {
            _cancellation.ThrowIfCancellationRequested();
            switch (s)
            {
                case IBlockOperation block:
                    if (Sequence(block.Operations)) return true;
                    break;
                case IReturnOperation ret:
                    if (ret.ReturnedValue is not null) Return(Value(ret.ReturnedValue));
                    return true;
                case IConditionalOperation cond when cond.Type is null:
                    if (If(cond)) return true;
                    break;
                case IForLoopOperation loop:
                    ForLoop(loop);
                    break;
                case ILoopOperation loop:
                    Reject(KernelDiagnostics.UnboundedLoop, LoopHead(loop.Syntax), gpu: true, "is not a fixed-count loop (write for (int i = 0; i < N; i++) with a constant N)");
                    break;
                default:
                    Statement(s);
                    break;
            }
        }
        return false;
    }

    private void Return(Expr[] value)
    {
        if (_returnValue is null)
        {
            // A return on every lane is the final value; inside a branch it is read again by later returns.
            _returnValue = _path is null ? value : value.Select(v => Bind(v, "returned")).ToArray();
            _returned = _path ?? True;
            return;
        }
        if (_returnValue.Length != value.Length || _returned is null) return;
        var merged = new Expr[value.Length];
        for (int i = 0; i < merged.Length; i++)
        {
            var select = Select(_returned, _returnValue[i], value[i]);
            merged[i] = _path is null ? select : Bind(select, "returned");
        }
        _returnValue = merged;
        _returned = _path is null ? True : Bind(Or(_returned, _path), "hasReturned");
    }

    /// <summary>An if statement; true when both branches return.</summary>
    private bool If(IConditionalOperation cond)
    {
        var condition = Bind(Scalar(cond.Condition), "condition");
        var savedPath = _path;
        var before = Snapshot(_env);

        _path = savedPath is null ? condition : Bind(And(savedPath, condition), "path");
        bool thenReturns = Sequence([cond.WhenTrue]);
        var afterTrue = _env;

        _env = Snapshot(before);
        bool elseReturns = false;
        if (cond.WhenFalse is not null)
        {
            var notCondition = new UnaryExpr(UnaryOp.LogicalNot, condition, ScalarType.Bool);
            _path = savedPath is null ? Bind(notCondition, "path") : Bind(And(savedPath, notCondition), "path");
            elseReturns = Sequence([cond.WhenFalse]);
        }
        var afterFalse = _env;
        _path = savedPath;

        if (thenReturns && elseReturns)
        {
            _env = before;
            return true;
        }
        // Lanes of a branch that returned are done: the other branch's values are the live ones.
        if (thenReturns)
        {
            _env = afterFalse;
            return false;
        }
        if (elseReturns)
        {
            _env = afterTrue;
            return false;
        }
        _env = Snapshot(before);
        foreach (var entry in afterTrue)
        {
            if (!afterFalse.TryGetValue(entry.Key, out var falseValue)) continue;
            var trueValue = entry.Value;
            if (trueValue.Length != falseValue.Length) continue;
            if (trueValue.SequenceEqual(falseValue))
            {
                _env[entry.Key] = trueValue;
                continue;
            }
            var merged = new Expr[trueValue.Length];
            for (int k = 0; k < merged.Length; k++)
                merged[k] = Bind(Select(condition, trueValue[k], falseValue[k]), entry.Key.Name);
            _env[entry.Key] = merged;
        }
        return false;
    }

    private static Expr And(Expr a, Expr b) => ReferenceEquals(a, True) ? b : new BinaryExpr(BinaryOp.And, a, b, ScalarType.Bool);

    private static Expr Or(Expr a, Expr b) => ReferenceEquals(a, True) || ReferenceEquals(b, True) ? True : new BinaryExpr(BinaryOp.Or, a, b, ScalarType.Bool);

    /// <summary>Unrolls <c>for (int i = a; i &lt; b; i += c)</c> with constant a, b, c (the stretch goal: fixed-count loops).</summary>
    private void ForLoop(IForLoopOperation loop)
    {
        var head = LoopHead(loop.Syntax);
        if (!TryFixedCount(loop, out var variable, out var values, out var why))
        {
            Reject(KernelDiagnostics.UnboundedLoop, head, gpu: true, why);
            return;
        }
        foreach (var value in values)
        {
            _env[variable] = [new ConstExpr(Literals.Format(value, KernelSymbols.TryScalar(variable.Type, out var vt) ? vt : ScalarType.Int).OrThrow(), vt)];
            Sequence([loop.Body]);
            if (!Vectorizable) return;
        }
        _env.Remove(variable);
    }

    private bool TryFixedCount(IForLoopOperation loop, out ILocalSymbol variable, out List<long> values, out string why)
    {
        variable = null!;
        values = [];
        why = "is not a fixed-count loop (write for (int i = 0; i < N; i++) with a constant N)";
        if (loop.Before.Length != 1 || loop.Before[0] is not IVariableDeclarationGroupOperation group) return false;
        var declarators = group.Declarations.SelectMany(d => d.Declarators).ToList();
        if (declarators.Count != 1) return false;
        var declarator = declarators[0];
        variable = declarator.Symbol;
        if (!KernelSymbols.TryScalar(variable.Type, out var type) || !type.IsInteger()) return false;
        var init = declarator.Initializer?.Value ?? group.Declarations[0].Initializer?.Value;
        if (init?.ConstantValue is not { HasValue: true } start) return false;

        if (loop.Condition is not IBinaryOperation condition || condition.RightOperand.ConstantValue is not { HasValue: true } endValue) return false;
        if (!IsReferenceTo(condition.LeftOperand, variable)) return false;

        if (loop.AtLoopBottom.Length != 1 || loop.AtLoopBottom[0] is not IExpressionStatementOperation { Operation: var step }) return false;
        long delta;
        switch (step)
        {
            case IIncrementOrDecrementOperation inc when IsReferenceTo(inc.Target, variable):
                delta = inc.Kind == OperationKind.Increment ? 1 : -1;
                break;
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } add
                when IsReferenceTo(add.Target, variable) && add.Value.ConstantValue.HasValue:
                delta = Convert.ToInt64(add.Value.ConstantValue.Value, System.Globalization.CultureInfo.InvariantCulture);
                if (add.OperatorKind == BinaryOperatorKind.Subtract) delta = -delta;
                break;
            default:
                return false;
        }
        if (delta == 0) return false;

        foreach (var op in loop.Body.DescendantsAndSelf())
        {
            if (op is IBranchOperation or IReturnOperation)
            {
                why = "leaves early (break, continue or return)";
                return false;
            }
            if (op is IAssignmentOperation a && IsReferenceTo(a.Target, variable) || op is IIncrementOrDecrementOperation i && IsReferenceTo(i.Target, variable))
            {
                why = "changes its counter inside the body";
                return false;
            }
        }

        long v = Convert.ToInt64(start.Value, System.Globalization.CultureInfo.InvariantCulture);
        long end = Convert.ToInt64(endValue.Value, System.Globalization.CultureInfo.InvariantCulture);
        Func<long, bool> test;
        switch (condition.OperatorKind)
        {
            case BinaryOperatorKind.LessThan: test = x => x < end; break;
            case BinaryOperatorKind.LessThanOrEqual: test = x => x <= end; break;
            case BinaryOperatorKind.GreaterThan: test = x => x > end; break;
            case BinaryOperatorKind.GreaterThanOrEqual: test = x => x >= end; break;
            case BinaryOperatorKind.NotEquals: test = x => x != end; break;
            default: return false;
        }
        for (; test(v); v += delta)
        {
            values.Add(v);
            if (values.Count > MaxUnrolledIterations)
            {
                why = $"runs more than {MaxUnrolledIterations} iterations (too many to unroll)";
                return false;
            }
        }
        return true;
    }

    private void Statement(IOperation s)
    {
        switch (s)
        {
            case IEmptyOperation:
                return;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                    foreach (var declarator in declaration.Declarators)
                        Declare(declarator, declaration);
                return;
            case IExpressionStatementOperation { Operation: var e }:
                Effect(e);
                return;
            case IThrowOperation:
                Reject(KernelDiagnostics.Exception, s.Syntax, gpu: false, "");
                return;
            case ITryOperation when s.Syntax is TryStatementSyntax t:
                Reject(KernelDiagnostics.Exception, t.TryKeyword.GetLocation(), gpu: false, " (try/catch)");
                return;
            case ILocalFunctionOperation:
                Reject(KernelDiagnostics.UnsupportedConstruct, s.Syntax, gpu: false, "a local function");
                return;
            case IBranchOperation:
                Reject(KernelDiagnostics.UnboundedLoop, s.Syntax, gpu: true, "jumps (goto, break or continue)");
                return;
            default:
                Reject(KernelDiagnostics.UnsupportedConstruct, s.Syntax, gpu: false, Describe(s));
                return;
        }
    }

    private void Declare(IVariableDeclaratorOperation declarator, IVariableDeclarationOperation declaration)
    {
        var local = declarator.Symbol;
        var init = declarator.Initializer?.Value ?? declaration.Initializer?.Value;
        // The initializer first: an allocation there is the real problem, the local's type only follows from it.
        var value = init is null ? null : Value(init);
        if (value is not null && value.Any(IsRejected)) return;
        if (!CheckValueType(local.Type, declarator.Syntax)) return;
        if (value is not null) Assign(local, value);
    }

    /// <summary>An expression statement: assignments to locals and parameters (other side effects have no SIMD form).</summary>
    private void Effect(IOperation e)
    {
        switch (e)
        {
            case ISimpleAssignmentOperation assign when TargetSymbol(assign.Target) is { } target:
                Assign(target, Value(assign.Value));
                return;
            case ICompoundAssignmentOperation compound when TargetSymbol(compound.Target) is { } target:
                {
                    if (!KernelSymbols.TryScalar(compound.Target.Type, out var targetType)) break;
                    var current = Current(target, compound.Target);
                    var right = Scalar(compound.Value);
                    bool shift = compound.OperatorKind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift;
                    var opType = shift ? targetType : right.Type;
                    var left = ConvertTo(current, opType, compound.Syntax);
                    var result = Binary(compound.OperatorKind, left, right, opType, compound.IsChecked, compound.Value, compound.Syntax);
                    Assign(target, [ConvertTo(result, targetType, compound.Syntax)]);
                    return;
                }
            case IIncrementOrDecrementOperation inc when TargetSymbol(inc.Target) is { } target:
                {
                    if (!KernelSymbols.TryScalar(inc.Target.Type, out var t)) break;
                    var current = Current(target, inc.Target);
                    var one = new ConstExpr(Literals.Format(1, t).OrThrow(), t);
                    var kind = inc.Kind == OperationKind.Increment ? BinaryOperatorKind.Add : BinaryOperatorKind.Subtract;
                    Assign(target, [Binary(kind, current, one, t, inc.IsChecked, null, inc.Syntax)]);
                    return;
                }
            case IDeconstructionAssignmentOperation deconstruct:
                Deconstruct(deconstruct);
                return;
            case IInvocationOperation invocation when KernelSymbols.KernelAttribute(invocation.TargetMethod) is not null:
                Value(invocation); // a kernel call whose result is dropped: pure, nothing to do beyond checking it
                return;
            case IThrowOperation:
                Reject(KernelDiagnostics.Exception, e.Syntax, gpu: false, "");
                return;
            case IInvocationOperation invocation:
                Value(invocation);
                return;
        }
        Reject(KernelDiagnostics.UnsupportedConstruct, e.Syntax, gpu: false, Describe(e));
    }

    private void Deconstruct(IDeconstructionAssignmentOperation d)
    {
        var values = Value(d.Value);
        var target = d.Target is IDeclarationExpressionOperation decl ? decl.Expression : d.Target;
        if (target is not ITupleOperation tuple || tuple.Elements.Length != values.Length)
        {
            Reject(KernelDiagnostics.UnsupportedConstruct, d.Syntax, gpu: false, "a nested deconstruction");
            return;
        }
        for (int i = 0; i < values.Length; i++)
        {
            var element = tuple.Elements[i] is IDeclarationExpressionOperation inner ? inner.Expression : tuple.Elements[i];
            if (element is IDiscardOperation) continue;
            var symbol = TargetSymbol(element);
            if (symbol is null)
            {
                Reject(KernelDiagnostics.UnsupportedConstruct, element.Syntax, gpu: false, Describe(element));
                continue;
            }
            if (symbol is ILocalSymbol l && !CheckValueType(l.Type, element.Syntax)) continue;
            var type = KernelSymbols.TryScalar(element.Type, out var t) ? t : values[i].Type;
            Assign(symbol, [ConvertTo(values[i], type, element.Syntax)]);
        }
    }

    private static ISymbol? TargetSymbol(IOperation target) => target switch
    {
        ILocalReferenceOperation l => l.Local,
        IParameterReferenceOperation p => p.Parameter,
        _ => null,
    };

    private Expr Current(ISymbol symbol, IOperation at)
    {
        if (_env.TryGetValue(symbol, out var value) && value.Length == 1) return value[0];
        return Reject(KernelDiagnostics.UnsupportedConstruct, at.Syntax, gpu: false, "a variable read before it is assigned");
    }

    private void Assign(ISymbol symbol, Expr[] value)
    {
        var bound = new Expr[value.Length];
        for (int i = 0; i < value.Length; i++)
            bound[i] = Bind(value[i], value.Length == 1 ? symbol.Name : symbol.Name + "_" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        _env[symbol] = bound;
    }

    /// <summary>Names a value with a let, unless it is already a leaf (a parameter, constant or other let).</summary>
    private Expr Bind(Expr value, string name)
    {
        if (value is ParamExpr or ConstExpr or LetExpr or TupleItemExpr or ExternalExpr) return value;
        int id = _nextId++;
        _lets.Add(new Let(id, name, value, 1));
        return new LetExpr(id, value.Type);
    }

    // ---------------------------------------------------------------- expressions

    private Expr Scalar(IOperation op)
    {
        var value = Value(op);
        if (value.Length == 1) return value[0];
        return Reject(KernelDiagnostics.UnsupportedConstruct, op.Syntax, gpu: false, "a tuple used as a single value");
    }

    private Expr[] Value(IOperation op)
    {
        _cancellation.ThrowIfCancellationRequested();
        if (op.ConstantValue.HasValue && KernelSymbols.TryScalar(op.Type, out var constType))
        {
            var literal = Literals.Format(op.ConstantValue.Value, constType);
            if (literal is not null) return [new ConstExpr(literal, constType)];
        }

        switch (op)
        {
            case IParameterReferenceOperation p:
                return Lookup(p.Parameter, op);
            case ILocalReferenceOperation l:
                return Lookup(l.Local, op);
            case IConversionOperation c:
                return Conversion(c);
            case IUnaryOperation u:
                return [Unary(u)];
            case IBinaryOperation b:
                {
                    if (b.OperatorMethod is not null) return [UserOperator(b)];
                    if (!KernelSymbols.TryScalar(b.Type, out var type)) break;
                    var left = Scalar(b.LeftOperand);
                    var right = Scalar(b.RightOperand);
                    return [Binary(b.OperatorKind, left, right, type, b.IsChecked, b.RightOperand, b.Syntax)];
                }
            case IConditionalOperation c when c.WhenFalse is not null && c.Type is not null:
                {
                    var condition = Scalar(c.Condition);
                    var whenTrue = Value(c.WhenTrue);
                    var whenFalse = Value(c.WhenFalse);
                    if (whenTrue.Length != whenFalse.Length) break;
                    var result = new Expr[whenTrue.Length];
                    for (int i = 0; i < result.Length; i++) result[i] = Select(condition, whenTrue[i], whenFalse[i]);
                    return result;
                }
            case IInvocationOperation invocation:
                return Invocation(invocation);
            case ITupleOperation tuple:
                {
                    var items = new List<Expr>();
                    foreach (var element in tuple.Elements) items.AddRange(Value(element));
                    return items.ToArray();
                }
            case IFieldReferenceOperation field:
                return Field(field);
            case IObjectCreationOperation { Type.IsValueType: true } create:
                return [Reject(KernelDiagnostics.UnsupportedConstruct, create.Syntax, gpu: false, "creates a struct")];
            case IObjectCreationOperation or IArrayCreationOperation or IAnonymousObjectCreationOperation or IDelegateCreationOperation
                or IAnonymousFunctionOperation or IInterpolatedStringOperation or ICollectionExpressionOperation:
                return [Reject(KernelDiagnostics.Allocation, op.Syntax, gpu: false, AllocationKind(op))];
            case IThrowOperation:
                return [Reject(KernelDiagnostics.Exception, op.Syntax, gpu: false, "")];
            case IAssignmentOperation or IIncrementOrDecrementOperation:
                return [Reject(KernelDiagnostics.UnsupportedConstruct, op.Syntax, gpu: false, "an assignment inside an expression")];
            case IDefaultValueOperation when KernelSymbols.TryScalar(op.Type, out var dt):
                return [new ConstExpr(Literals.Format(0, dt) ?? "default", dt)];
        }

        if (op.Type is { IsReferenceType: true } referenceType)
            return [Reject(KernelDiagnostics.ReferenceType, op.Syntax, gpu: false, referenceType.ToDisplayString())];
        return [Reject(KernelDiagnostics.UnsupportedConstruct, op.Syntax, gpu: false, Describe(op))];
    }

    private Expr[] Lookup(ISymbol symbol, IOperation at)
    {
        if (_env.TryGetValue(symbol, out var value)) return value;
        return [Reject(KernelDiagnostics.UnsupportedConstruct, at.Syntax, gpu: false, "a variable read before it is assigned")];
    }

    private Expr[] Conversion(IConversionOperation c)
    {
        var conversion = c.Conversion;
        if (c.OperatorMethod is not null)
            return [Reject(KernelDiagnostics.UnknownCall, c.Syntax, gpu: false, " (a user-defined conversion)", ", no GPU kernel")];
        if (c.Operand.Type is { IsValueType: true } && c.Type is { IsReferenceType: true })
            return [Reject(KernelDiagnostics.Allocation, c.Syntax, gpu: false, "boxing")];
        if (c.Type is { IsReferenceType: true } || c.Operand.Type is { IsReferenceType: true })
            return [Reject(KernelDiagnostics.ReferenceType, c.Syntax, gpu: false, (c.Type?.IsReferenceType == true ? c.Type : c.Operand.Type).OrThrow().ToDisplayString())];

        if (c.Type is INamedTypeSymbol { IsTupleType: true } tupleType)
        {
            var items = Value(c.Operand);
            var elements = tupleType.TupleElements;
            if (items.Length != elements.Length)
                return [Reject(KernelDiagnostics.UnsupportedConstruct, c.Syntax, gpu: false, "a nested tuple")];
            var converted = new Expr[items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                if (!KernelSymbols.TryScalar(elements[i].Type, out var et))
                {
                    converted[i] = Reject(KernelDiagnostics.UnsupportedConstruct, c.Syntax, gpu: false, "a tuple element of type " + elements[i].Type.ToDisplayString());
                    continue;
                }
                converted[i] = ConvertTo(items[i], et, c.Syntax);
            }
            return converted;
        }

        if (conversion.IsIdentity) return Value(c.Operand);
        if (!KernelSymbols.TryScalar(c.Type, out var target))
            return [Reject(KernelDiagnostics.UnsupportedConstruct, c.Syntax, gpu: false, "a conversion to " + c.Type?.ToDisplayString())];
        var operand = Scalar(c.Operand);
        if (c.IsChecked && conversion.IsNumeric && (target.IsInteger() || operand.Type.IsFloatingPoint()))
            return [Reject(KernelDiagnostics.Exception, c.Syntax, gpu: false, " (a checked conversion)")];
        return [ConvertTo(operand, target, c.Syntax)];
    }

    private Expr ConvertTo(Expr value, ScalarType target, SyntaxNode? at)
    {
        if (value.Type == target) return value;
        if (IsRejected(value)) return Rejected(target);
        if (value.Type == ScalarType.Bool || target == ScalarType.Bool)
            return Reject(KernelDiagnostics.UnsupportedConstruct, at, gpu: false, "a conversion between bool and a number");
        // Constants (unrolled loop counters, mostly) convert at compile time, whatever the widths.
        if (value is ConstExpr c && Literals.TryParse(c.Literal, out double number) && Literals.Format(target.IsInteger() ? Math.Truncate(number) : number, target) is { } folded)
            return new ConstExpr(folded, target);
        if (value.Type.Bits() != target.Bits())
        {
            string hint = value.Type == ScalarType.Float && target == ScalarType.Double
                ? " (float is widened to double here: use MathF and float literals such as 0.5f to stay in float lanes)"
                : "";
            Reject(KernelDiagnostics.MixedWidths, at, gpu: true, value.Type.Keyword(), target.Keyword(), hint);
            return Rejected(target);
        }
        Flops += 1;
        return new ConvertExpr(value, target);
    }

    private Expr Unary(IUnaryOperation u)
    {
        if (u.OperatorMethod is not null)
            return Reject(KernelDiagnostics.UnknownCall, u.Syntax, gpu: false, " (a user-defined operator)", ", no GPU kernel");
        if (!KernelSymbols.TryScalar(u.Type, out var type))
            return Reject(KernelDiagnostics.UnsupportedConstruct, u.Syntax, gpu: false, Describe(u));
        var operand = Scalar(u.Operand);
        switch (u.OperatorKind)
        {
            case UnaryOperatorKind.Plus:
                return operand;
            case UnaryOperatorKind.Minus:
                if (u.IsChecked && type.IsInteger()) return Reject(KernelDiagnostics.Exception, u.Syntax, gpu: false, " (checked negation)");
                Flops += 1;
                return new UnaryExpr(UnaryOp.Negate, operand, type);
            case UnaryOperatorKind.BitwiseNegation when type.IsInteger():
                Flops += 1;
                return new UnaryExpr(UnaryOp.BitwiseNot, operand, type);
            case UnaryOperatorKind.Not when type == ScalarType.Bool:
                return new UnaryExpr(UnaryOp.LogicalNot, operand, type);
        }
        return Reject(KernelDiagnostics.UnsupportedConstruct, u.Syntax, gpu: false, Describe(u));
    }

    private Expr UserOperator(IBinaryOperation b)
    {
        if (b.Type?.SpecialType == SpecialType.System_String || b.LeftOperand.Type?.SpecialType == SpecialType.System_String)
            return Reject(KernelDiagnostics.Allocation, b.Syntax, gpu: false, "string concatenation");
        return Reject(KernelDiagnostics.UnknownCall, b.Syntax, gpu: false, " (a user-defined operator)", ", no GPU kernel");
    }

    private Expr Binary(BinaryOperatorKind kind, Expr left, Expr right, ScalarType type, bool isChecked, IOperation? rightOperation, SyntaxNode at)
    {
        bool integer = left.Type.IsInteger();
        if (isChecked && integer && kind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply)
            return Reject(KernelDiagnostics.Exception, at, gpu: false, " (checked arithmetic)");
        switch (kind)
        {
            case BinaryOperatorKind.Add: Flops += 1; return new BinaryExpr(BinaryOp.Add, left, right, type);
            case BinaryOperatorKind.Subtract: Flops += 1; return new BinaryExpr(BinaryOp.Subtract, left, right, type);
            case BinaryOperatorKind.Multiply: Flops += 1; return new BinaryExpr(BinaryOp.Multiply, left, right, type);
            case BinaryOperatorKind.Divide:
                if (integer) return Reject(KernelDiagnostics.NoSimdInstruction, at, gpu: true, "integer division");
                Flops += 1;
                return new BinaryExpr(BinaryOp.Divide, left, right, type);
            case BinaryOperatorKind.Remainder:
                return Reject(KernelDiagnostics.NoSimdInstruction, at, gpu: true, integer ? "integer remainder" : "floating-point remainder");
            case BinaryOperatorKind.And when type == ScalarType.Bool || integer:
            case BinaryOperatorKind.ConditionalAnd:
                Flops += 1;
                return new BinaryExpr(BinaryOp.And, left, right, type);
            case BinaryOperatorKind.Or when type == ScalarType.Bool || integer:
            case BinaryOperatorKind.ConditionalOr:
                Flops += 1;
                return new BinaryExpr(BinaryOp.Or, left, right, type);
            case BinaryOperatorKind.ExclusiveOr when type == ScalarType.Bool || integer:
                Flops += 1;
                return new BinaryExpr(BinaryOp.Xor, left, right, type);
            case BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift when integer:
                {
                    if (rightOperation?.ConstantValue is not { HasValue: true } count)
                        return Reject(KernelDiagnostics.NoSimdInstruction, at, gpu: true, "a shift by a variable count");
                    int mask = type.Bits() - 1;
                    int masked = Convert.ToInt32(count.Value, System.Globalization.CultureInfo.InvariantCulture) & mask;
                    var op = kind switch
                    {
                        BinaryOperatorKind.LeftShift => BinaryOp.ShiftLeft,
                        BinaryOperatorKind.RightShift => BinaryOp.ShiftRight,
                        _ => BinaryOp.ShiftRightUnsigned,
                    };
                    Flops += 1;
                    return new BinaryExpr(op, left, new ConstExpr(Literals.Int(masked), ScalarType.Int), type);
                }
            case BinaryOperatorKind.Equals: return Compare(CompareOp.Equal, left, right);
            case BinaryOperatorKind.NotEquals: return Compare(CompareOp.NotEqual, left, right);
            case BinaryOperatorKind.LessThan: return Compare(CompareOp.Less, left, right);
            case BinaryOperatorKind.LessThanOrEqual: return Compare(CompareOp.LessOrEqual, left, right);
            case BinaryOperatorKind.GreaterThan: return Compare(CompareOp.Greater, left, right);
            case BinaryOperatorKind.GreaterThanOrEqual: return Compare(CompareOp.GreaterOrEqual, left, right);
        }
        return Reject(KernelDiagnostics.UnsupportedConstruct, at, gpu: false, "the operator " + kind);
    }

    private Expr Compare(CompareOp op, Expr left, Expr right)
    {
        if (left.Type == ScalarType.Bool && op is not (CompareOp.Equal or CompareOp.NotEqual))
            return Reject(KernelDiagnostics.UnsupportedConstruct, (SyntaxNode?)null, gpu: false, "an ordering of bools");
        Flops += 1;
        return new CompareExpr(op, left, right);
    }

    private Expr Select(Expr condition, Expr whenTrue, Expr whenFalse)
    {
        if (whenTrue.Equals(whenFalse) || ReferenceEquals(condition, True)) return whenTrue;
        if (IsRejected(whenTrue) || IsRejected(whenFalse) || IsRejected(condition)) return Rejected(IsRejected(whenTrue) ? whenFalse.Type : whenTrue.Type);
        var type = whenTrue.Type;
        Flops += 1;
        return new SelectExpr(condition, whenTrue, ConvertTo(whenFalse, type, null), type);
    }

    private Expr[] Field(IFieldReferenceOperation field)
    {
        var f = field.Field;
        if (f.ContainingType is { IsTupleType: true } && field.Instance is not null)
        {
            var tuple = Value(field.Instance);
            int index = TupleIndex(f);
            if (index >= 0 && index < tuple.Length) return [tuple[index]];
            return [Reject(KernelDiagnostics.UnsupportedConstruct, field.Syntax, gpu: false, "a nested tuple element")];
        }
        if (f.IsStatic && KernelSymbols.TryElement(f.Type, out var type))
        {
            if (!f.IsReadOnly)
            {
                // The CPU paths read it; only the GPU kernel is left out (reported as BATUTA-O-118).
                GpuReason ??= $"it reads the mutable static field '{f.Name}' (a GPU kernel sees only readonly statics)";
            }
            return [new ExternalExpr(KernelSymbols.Qualified(f.ContainingType) + "." + f.Name, type)];
        }
        if (f.Type.IsReferenceType)
            return [Reject(KernelDiagnostics.ReferenceType, field.Syntax, gpu: false, f.Type.ToDisplayString())];
        return [Reject(KernelDiagnostics.UnsupportedConstruct, field.Syntax, gpu: false, "a field of type " + f.Type.ToDisplayString())];
    }

    private static int TupleIndex(IFieldSymbol field)
    {
        var name = field.CorrespondingTupleField?.Name ?? field.Name;
        return name.StartsWith("Item", StringComparison.Ordinal) && int.TryParse(name.Substring(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n - 1 : -1;
    }

    private Expr[] Invocation(IInvocationOperation invocation)
    {
        var target = invocation.TargetMethod;
        var args = new IOperation[invocation.Arguments.Length];
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray)
                return [Reject(KernelDiagnostics.Allocation, argument.Syntax ?? invocation.Syntax, gpu: false, "a params array")];
            int ordinal = argument.Parameter?.Ordinal ?? -1;
            if (ordinal < 0 || ordinal >= args.Length || argument.Parameter.OrThrow().RefKind != RefKind.None)
                return [Reject(KernelDiagnostics.UnknownCall, invocation.Syntax, gpu: false, " (it takes an argument by reference)", ", no GPU kernel")];
            args[ordinal] = argument.Value;
        }

        if (KernelSymbols.KernelAttribute(target) is not null) return KernelCall(invocation, target, args);
        if (target.IsStatic && MathFunctions.IsMathType(target.ContainingType)) return [MathCall(invocation, target, args)];

        string hint = "";
        if (target.IsStatic && SymbolEqualityComparer.Default.Equals(target.ContainingType, _method.ContainingType) && KernelSymbols.Outputs(target.ReturnType) is not null)
            hint = $" (mark '{target.Name}' with [Kernel] so that SIMD code can call it)";
        return [Reject(KernelDiagnostics.UnknownCall, invocation.Syntax, gpu: false, hint, ", no GPU kernel")];
    }

    private Expr[] KernelCall(IInvocationOperation invocation, IMethodSymbol target, IOperation[] args)
    {
        if (SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, _method.OriginalDefinition) || CallsBack(target, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)))
        {
            Reject(KernelDiagnostics.UnboundedLoop, invocation.Syntax, gpu: true, "is recursive (recursion has no fixed count, and SIMD code evaluates both sides of every condition)");
            return Results(target);
        }
        if (!KernelSymbols.IsValidKernel(target))
            return [Reject(KernelDiagnostics.UnknownCall, invocation.Syntax, gpu: true, $" ('{target.Name}' is a [Kernel] with errors)", "")];

        var arguments = new Expr[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            var a = Scalar(args[i]);
            arguments[i] = KernelSymbols.TryElement(target.Parameters[i].Type, out var pt) ? ConvertTo(a, pt, args[i].Syntax) : a;
        }
        var outputs = KernelSymbols.Outputs(target.ReturnType).OrThrow();
        string op = KernelSymbols.QualifiedOperator(target);
        _callees.Add(op);
        Flops += 10;
        var call = new KernelCallExpr(op, arguments.ToEquatableArray(), outputs.Select(o => new ScalarTypeBox(o.Type)).ToEquatableArray());
        if (outputs.Count == 1) return [call];
        int id = _nextId++;
        _lets.Add(new Let(id, target.Name, call, outputs.Count));
        return outputs.Select((o, i) => (Expr)new TupleItemExpr(id, i, o.Type)).ToArray();
    }

    private static Expr[] Results(IMethodSymbol target) =>
        (KernelSymbols.Outputs(target.ReturnType) ?? [new KernelOutput(null, ScalarType.Float)]).Select(o => (Expr)new ConstExpr(Literals.Format(0, o.Type).OrThrow(), o.Type)).ToArray();

    /// <summary>True when <paramref name="callee"/> reaches this kernel again through [Kernel] calls in source.</summary>
    private bool CallsBack(IMethodSymbol callee, HashSet<IMethodSymbol> visited)
    {
        if (!visited.Add(callee) || visited.Count > 64) return false;
        var syntax = KernelSymbols.Implementation(callee);
        if (syntax is null) return false;
        SemanticModel? model = null;
        foreach (var call in syntax.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            _cancellation.ThrowIfCancellationRequested();
            model ??= GetModel(syntax.SyntaxTree);
            if (model?.GetSymbolInfo(call, _cancellation).Symbol is not IMethodSymbol next || KernelSymbols.KernelAttribute(next) is null) continue;
            if (SymbolEqualityComparer.Default.Equals(next.OriginalDefinition, _method.OriginalDefinition)) return true;
            if (CallsBack(next, visited)) return true;
        }
        return false;
    }

    /// <summary>Set by the parser: semantic models of other trees, for following calls across files.</summary>
    public Func<SyntaxTree, SemanticModel?> GetModel { get; set; } = _ => null;

    private Expr MathCall(IInvocationOperation invocation, IMethodSymbol target, IOperation[] args)
    {
        string name = target.Name;
        // ILGPU cannot compile the throw helpers of Math.Clamp and Math.Sign (and a failed compile breaks its
        // context for every later kernel): the GPU kernel may only use them through the lowered body.
        if (name is "Clamp" or "Sign") _gpuNeedsLoweredBody ??= $"{target.ContainingType.Name}.{name}";
        if (!KernelSymbols.TryScalar(target.ReturnType, out var returnType))
            return Reject(KernelDiagnostics.UnknownCall, invocation.Syntax, gpu: true, "", "");
        var values = new Expr[args.Length];
        for (int i = 0; i < args.Length; i++) values[i] = Scalar(args[i]);
        if (values.Any(IsRejected)) return Rejected(returnType);

        switch (name)
        {
            case "Tan" when values.Length == 1 && returnType.IsFloatingPoint():
                {
                    var x = Bind(values[0], "tanArgument");
                    Flops += 40;
                    return new BinaryExpr(BinaryOp.Divide, new MathExpr(MathFunction.Sin, new EquatableArray<Expr>([x]), returnType),
                        new MathExpr(MathFunction.Cos, new EquatableArray<Expr>([x]), returnType), returnType);
                }
            case "Log10" when values.Length == 1 && returnType.IsFloatingPoint():
                Flops += 21;
                return new BinaryExpr(BinaryOp.Multiply, new MathExpr(MathFunction.Log, new EquatableArray<Expr>([values[0]]), returnType),
                    new ConstExpr(returnType == ScalarType.Float ? Literals.Float((float)(1 / Math.Log(10))) : Literals.Double(1 / Math.Log(10)), returnType), returnType);
            case "Pow" when values.Length == 2:
                return Pow(invocation, values[0], args[1], returnType);
            case "Sign":
                return Reject(KernelDiagnostics.UnknownCall, invocation.Syntax, gpu: true, " (Math.Sign throws on NaN)", "");
        }

        if (!MathFunctions.TryGet(name, values.Length, out var function, out bool floatingOnly, out double flops)
            || (floatingOnly && !values[0].Type.IsFloatingPoint()))
        {
            return Reject(KernelDiagnostics.UnknownCall, invocation.Syntax, gpu: true, $" ({target.ContainingType.Name}.{name} has no vector form in .NET)", "");
        }
        Flops += flops;
        return new MathExpr(function, values.ToEquatableArray(), MathFunctions.IsPredicate(function) ? ScalarType.Bool : returnType);
    }

    /// <summary>Pow with a constant integer exponent of at most 4 in size becomes multiplications; other exponents have no SIMD form.</summary>
    private Expr Pow(IInvocationOperation invocation, Expr x, IOperation exponent, ScalarType type)
    {
        if (exponent.ConstantValue is { HasValue: true, Value: var v } && v is double or float or int or long)
        {
            double e = Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture);
            if (e == Math.Floor(e) && Math.Abs(e) <= 4)
            {
                var one = new ConstExpr(Literals.Format(1, type).OrThrow(), type);
                if (e == 0) return one;
                var b = Bind(x, "powBase");
                Expr product = b;
                for (int i = 1; i < Math.Abs(e); i++)
                {
                    product = new BinaryExpr(BinaryOp.Multiply, product, b, type);
                    Flops += 1;
                }
                if (e < 0)
                {
                    Flops += 1;
                    product = new BinaryExpr(BinaryOp.Divide, one, product, type);
                }
                return product;
            }
        }
        return Reject(KernelDiagnostics.UnknownCall, invocation.Syntax, gpu: true, " (Pow is vectorised only for a constant integer exponent from -4 to 4)", "");
    }

    // ---------------------------------------------------------------- helpers

    private bool CheckValueType(ITypeSymbol type, SyntaxNode at)
    {
        if (KernelSymbols.TryScalar(type, out _)) return true;
        if (type is INamedTypeSymbol { IsTupleType: true } tuple && tuple.TupleElements.All(e => KernelSymbols.TryScalar(e.Type, out _))) return true;
        if (type.IsReferenceType)
        {
            Reject(KernelDiagnostics.ReferenceType, at, gpu: false, type.ToDisplayString());
            return false;
        }
        Reject(KernelDiagnostics.UnsupportedConstruct, at, gpu: false, "a variable of type " + type.ToDisplayString());
        return false;
    }

    private static bool IsReferenceTo(IOperation op, ILocalSymbol local)
    {
        while (op is IConversionOperation c) op = c.Operand;
        return op is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, local);
    }

    private static Dictionary<ISymbol, Expr[]> Snapshot(Dictionary<ISymbol, Expr[]> env) => new(env, SymbolEqualityComparer.Default);

    /// <summary>The loop keyword and its header, so the squiggle does not cover the whole body.</summary>
    private static Location LoopHead(SyntaxNode loop)
    {
        int start = loop.SpanStart, end = loop.Span.End;
        switch (loop)
        {
            case ForStatementSyntax f: start = f.ForKeyword.SpanStart; end = f.CloseParenToken.Span.End; break;
            case ForEachStatementSyntax f: start = f.ForEachKeyword.SpanStart; end = f.CloseParenToken.Span.End; break;
            case WhileStatementSyntax w: start = w.WhileKeyword.SpanStart; end = w.CloseParenToken.Span.End; break;
            case DoStatementSyntax d: start = d.WhileKeyword.SpanStart; end = d.CloseParenToken.Span.End; break;
        }
        return Location.Create(loop.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start, end));
    }

    private static string AllocationKind(IOperation op) => op switch
    {
        IObjectCreationOperation o => "a new " + o.Type?.ToDisplayString(),
        IArrayCreationOperation => "a new array",
        IAnonymousObjectCreationOperation => "an anonymous object",
        IDelegateCreationOperation or IAnonymousFunctionOperation => "a delegate",
        IInterpolatedStringOperation => "a string",
        _ => "a collection",
    };

    private static string Describe(IOperation op) => op.Kind switch
    {
        OperationKind.SwitchExpression or OperationKind.Switch => "a switch",
        OperationKind.IsPattern or OperationKind.IsType => "a type or pattern test",
        OperationKind.Lock => "a lock",
        OperationKind.Using or OperationKind.UsingDeclaration => "a using statement",
        OperationKind.PropertyReference => "a property",
        OperationKind.Labeled => "a label",
        _ => "a " + op.Kind.ToString().ToLowerInvariant() + " operation",
    };

    /// <summary>Records a construct without a SIMD form at its own span and returns a placeholder so the walk can go on.</summary>
    /// <param name="details">The message arguments between the snippet (first) and the kernel's name (last).</param>
    private Expr Reject(DiagnosticDescriptor descriptor, SyntaxNode? at, bool gpu, params string[] details) =>
        Reject(descriptor, at?.GetLocation(), gpu, details);

    private Expr Reject(DiagnosticDescriptor descriptor, Location? at, bool gpu, params string[] details)
    {
        Vectorizable = false;
        if (!gpu)
        {
            GpuCompatible = false;
            GpuReason ??= "its body has no GPU translation";
        }
        var args = new string[details.Length + 2];
        args[0] = Snippet(at);
        Array.Copy(details, 0, args, 1, details.Length);
        args[args.Length - 1] = KernelName;
        ScalarOnlyReason ??= string.Format(System.Globalization.CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), args);
        if (at is not null) _diagnostics.Add(DiagnosticInfo.Create(descriptor, LocationInfo.From(at), args));
        return Rejected(ScalarType.Int);
    }

    private const string RejectedLiteral = "default";

    private static Expr Rejected(ScalarType type) => new ConstExpr(RejectedLiteral, type);

    private static bool IsRejected(Expr e) => e is ConstExpr { Literal: RejectedLiteral };

    private static string Snippet(Location? location)
    {
        if (location?.SourceTree is not { } tree) return "";
        var text = tree.GetText().ToString(location.SourceSpan);
        text = string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
