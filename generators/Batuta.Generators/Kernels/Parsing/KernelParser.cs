using System.Threading;
using System.Globalization;
using Batuta.Generators.Kernels.Diagnostics;
using Batuta.Generators.Kernels.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Batuta.Generators.Kernels.Parsing;

/// <summary>
/// Turns one [Kernel] method (symbol, syntax and attribute) into a <see cref="KernelModel"/> and its
/// diagnostics. This is the only place that sees Roslyn objects; what it returns is plain data.
/// </summary>
internal static class KernelParser
{
    /// <summary>ILGPU's kernel loaders take at most 15 parameters: the index, the operands, the outputs and the broadcast mask.</summary>
    private const int MaxGpuOperands = 13;

    private static readonly SymbolDisplayFormat TypeFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static KernelParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellation)
    {
        try
        {
            return ParseCore(context, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var at = context.TargetNode is MethodDeclarationSyntax m ? LocationInfo.From(m.Identifier) : LocationInfo.From(context.TargetNode);
            var diagnostic = DiagnosticInfo.Create(KernelDiagnostics.InternalError, at, context.TargetSymbol.Name, e.GetType().Name + ": " + e.Message);
            return new KernelParseResult(null, new EquatableArray<DiagnosticInfo>([diagnostic]));
        }
    }

    private static KernelParseResult ParseCore(GeneratorAttributeSyntaxContext context, CancellationToken cancellation)
    {
        var diagnostics = new List<DiagnosticInfo>();
        KernelParseResult Result(KernelModel? model) => new(model, diagnostics.ToEquatableArray());

        if (context.TargetNode is LocalFunctionStatementSyntax localFunction)
        {
            diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.UnsupportedShape, LocationInfo.From(localFunction.Identifier),
                localFunction.Identifier.Text, "is a local function; declare kernels as static partial methods of a partial type"));
            return Result(null);
        }
        if (context.TargetNode is not MethodDeclarationSyntax syntax || context.TargetSymbol is not IMethodSymbol method) return Result(null);
        string name = method.Name;
        var nameLocation = LocationInfo.From(syntax.Identifier);

        // Containing types: every one must be partial (the generated half is declared in all of them) and non-generic.
        bool typesOk = true;
        var types = new List<ContainingType>();
        foreach (var ancestor in syntax.Ancestors().OfType<BaseTypeDeclarationSyntax>())
        {
            string? problem = null;
            string keyword = "class";
            switch (ancestor)
            {
                case ClassDeclarationSyntax: keyword = "class"; break;
                case StructDeclarationSyntax: keyword = "struct"; break;
                case RecordDeclarationSyntax r: keyword = r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record"; break;
                default: problem = "a class, struct or record"; break;
            }
            if (problem is null && ancestor is TypeDeclarationSyntax td)
            {
                if (!td.Modifiers.Any(SyntaxKind.PartialKeyword)) problem = "declared 'partial'";
                else if (td.TypeParameterList is not null) problem = "non-generic (a kernel's operator struct and entry points cannot be generic)";
            }
            if (problem is not null)
            {
                typesOk = false;
                diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.ContainingTypeNotSupported, LocationInfo.From(ancestor.Identifier), ancestor.Identifier.Text, name, problem));
            }
            types.Insert(0, new ContainingType(keyword, ancestor.Identifier.Text));
        }
        if (types.Count == 0) return Result(null);

        bool isPartial = syntax.Modifiers.Any(SyntaxKind.PartialKeyword);
        bool isStatic = syntax.Modifiers.Any(SyntaxKind.StaticKeyword);
        bool hasBody = syntax.Body is not null || syntax.ExpressionBody is not null;
        bool ok = typesOk;
        if (!isPartial || !isStatic)
        {
            ok = false;
            string missing = !isPartial && !isStatic ? "static partial" : !isStatic ? "static" : "partial";
            diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.NotStaticPartial, nameLocation, name, missing));
        }
        if (!hasBody)
        {
            ok = false;
            diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.UnsupportedShape, nameLocation, name,
                "has no body; write the scalar math in the method body (the generator declares the other half of the partial method)"));
        }
        if (syntax.TypeParameterList is not null)
        {
            ok = false;
            diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.UnsupportedShape, LocationInfo.From(syntax.TypeParameterList), name,
                "is generic; write one kernel per element type (overloads on float and double are fine)"));
        }
        if (method.Parameters.Length == 0)
        {
            ok = false;
            diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.UnsupportedShape, LocationInfo.From(syntax.ParameterList), name,
                "has no parameters; a kernel maps input elements to output elements"));
        }

        var parameters = new List<KernelParameter>();
        foreach (var p in syntax.ParameterList.Parameters)
        {
            var symbol = method.Parameters[parameters.Count];
            if (p.Modifiers.Count > 0)
            {
                ok = false;
                string what = p.Modifiers.Any(SyntaxKind.ThisKeyword) ? "is an extension method; kernels are plain static methods"
                    : p.Modifiers.Any(SyntaxKind.ParamsKeyword) ? $"has the params parameter '{p.Identifier.Text}'; kernel parameters are scalars"
                    : $"passes '{p.Identifier.Text}' by reference; kernel parameters are scalars passed by value";
                diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.UnsupportedShape, LocationInfo.From(p), name, what));
            }
            if (!KernelSymbols.TryElement(symbol.Type, out var type))
            {
                ok = false;
                diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.UnsupportedType, LocationInfo.From((SyntaxNode?)p.Type ?? p), "Parameter '" + symbol.Name + "'", name,
                    symbol.Type.ToDisplayString()));
            }
            parameters.Add(new KernelParameter(symbol.Name, type));
        }

        var outputs = KernelSymbols.Outputs(method.ReturnType);
        if (outputs is null)
        {
            ok = false;
            diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.UnsupportedType, LocationInfo.From(syntax.ReturnType), "The return type", name, method.ReturnType.ToDisplayString()));
        }

        // The declaration is emitted whenever it can be, so an invalid kernel reports only our error, not CS0759 as well.
        string? declaration = isPartial && hasBody && typesOk ? DefiningDeclaration(syntax, method) : null;
        string operatorName = KernelSymbols.OperatorName(method);
        string hintName = HintName(method, operatorName);
        string? ns = method.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        KernelModel Model(KernelSignature? kernel) => new(hintName, ns, types.ToEquatableArray(), name, declaration.OrThrow(), kernel);

        if (!ok || outputs is null) return Result(declaration is null ? null : Model(null));

        // The attribute's options.
        var attribute = context.Attributes[0];
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellation) as AttributeSyntax;
        int reduce = 0;
        TypedConstant? identity = null;
        string? combine = null;
        bool gpu = true;
        double flopsPerElement = 0;
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Reduce": reduce = named.Value.Value is int r ? r : 0; break;
                case "Identity": identity = named.Value; break;
                case "Combine": combine = named.Value.Value as string; break;
                case "Gpu": gpu = named.Value.Value is not false; break;
                case "FlopsPerElement": flopsPerElement = named.Value.Value is double f ? f : 0; break;
            }
        }
        LocationInfo? ArgumentLocation(string argument) =>
            LocationInfo.From((SyntaxNode?)attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == argument) ?? attributeSyntax);

        // The body.
        var lowering = new BodyLowering(method, cancellation) { GetModel = tree => context.SemanticModel.Compilation.GetSemanticModel(tree) };
        KernelBody? body = null;
        if (context.SemanticModel.GetOperation(syntax, cancellation) is IMethodBodyOperation operation)
            body = lowering.Lower(operation);
        diagnostics.AddRange(lowering.Diagnostics);
        string? scalarOnly = body is null ? lowering.ScalarOnlyReason ?? "the body could not be lowered" : null;

        // Every lane of a SIMD body has one width: float with int, or double with long.
        int bits = parameters[0].Type.Bits();
        for (int i = 0; i < parameters.Count && body is not null; i++)
        {
            if (parameters[i].Type.Bits() == bits) continue;
            var args = new[] { syntax.ParameterList.Parameters[i].ToString(), parameters[0].Type.Keyword(), parameters[i].Type.Keyword(), "", name };
            diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.MixedWidths, LocationInfo.From(syntax.ParameterList.Parameters[i]), args));
            scalarOnly = string.Format(CultureInfo.InvariantCulture, KernelDiagnostics.MixedWidths.MessageFormat.ToString(CultureInfo.InvariantCulture), args);
            body = null;
        }
        if (body is not null && outputs.Any(o => o.Type.Bits() != bits))
        {
            var args = new[] { syntax.ReturnType.ToString(), parameters[0].Type.Keyword(), outputs.First(o => o.Type.Bits() != bits).Type.Keyword(), "", name };
            diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.MixedWidths, LocationInfo.From(syntax.ReturnType), args));
            scalarOnly = string.Format(CultureInfo.InvariantCulture, KernelDiagnostics.MixedWidths.MessageFormat.ToString(CultureInfo.InvariantCulture), args);
            body = null;
        }

        // Reductions.
        ReductionModel? reduction = null;
        if (reduce != 0)
        {
            reduction = Reduction(method, syntax, (ReductionKind)reduce, identity, combine, outputs, ArgumentLocation, diagnostics);
            if (reduction is null) return Result(Model(null));
        }
        else if (combine is not null || identity is { IsNull: false })
        {
            diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.InvalidReduction, ArgumentLocation(combine is not null ? "Combine" : "Identity"), name,
                "Combine and Identity only apply to reductions; set Reduce as well"));
            return Result(Model(null));
        }

        // The GPU kernel.
        bool emitGpu = gpu && lowering.GpuCompatible;
        int gpuOperands = parameters.Count + (reduction is null ? outputs.Count : 1);
        if (gpu && lowering.GpuCompatible && lowering.GpuReason is not null)
        {
            emitGpu = false;
            diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.NoGpuKernel, nameLocation, name, lowering.GpuReason));
        }
        else if (emitGpu && reduction is null && outputs.Count > 7)
        {
            emitGpu = false;
            diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.NoGpuKernel, nameLocation, name,
                $"it returns {outputs.Count} values, and ILGPU cannot compile a tuple of more than 7 (its Rest field nests another tuple)"));
        }
        else if (emitGpu && gpuOperands > MaxGpuOperands)
        {
            emitGpu = false;
            diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.NoGpuKernel, nameLocation, name,
                $"it has {gpuOperands} inputs and outputs, and an ILGPU kernel takes at most {MaxGpuOperands}"));
        }

        var kernel = new KernelSignature(
            Accessibility(syntax),
            operatorName,
            KernelSymbols.QualifiedMethod(method),
            parameters.ToEquatableArray(),
            outputs.ToEquatableArray(),
            method.ReturnType is INamedTypeSymbol { IsTupleType: true },
            body,
            scalarOnly,
            emitGpu,
            reduction,
            flopsPerElement > 0 ? flopsPerElement : Math.Max(1, lowering.Flops),
            lowering.Callees.OrderBy(c => c, StringComparer.Ordinal).ToEquatableArray());
        return Result(Model(kernel));
    }

    private static ReductionModel? Reduction(IMethodSymbol method, MethodDeclarationSyntax syntax, ReductionKind kind, TypedConstant? identity, string? combine,
        List<KernelOutput> outputs, Func<string, LocationInfo?> argumentLocation, List<DiagnosticInfo> diagnostics)
    {
        string name = method.Name;
        if (kind is < ReductionKind.Sum or > ReductionKind.Custom)
        {
            diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.InvalidReduction, argumentLocation("Reduce"), name, "Reduce is not a KernelReduction value"));
            return null;
        }
        if (outputs.Count != 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.InvalidReduction, LocationInfo.From(syntax.ReturnType), name,
                "it returns a tuple; a reduction folds one value per element"));
            return null;
        }
        var type = outputs[0].Type;

        string? identityLiteral = null;
        if (identity is { IsNull: false } id)
        {
            identityLiteral = Literals.Format(id.Value, type);
            if (identityLiteral is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.InvalidReduction, argumentLocation("Identity"), name,
                    $"Identity = {id.ToCSharpString()} is not a {type.Keyword()} constant (the kernel returns {type.Keyword()})"));
                return null;
            }
        }

        if (kind != ReductionKind.Custom)
        {
            if (combine is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.InvalidReduction, argumentLocation("Combine"), name,
                    "Combine is only used with Reduce = KernelReduction.Custom"));
                return null;
            }
            return new ReductionModel(kind, identityLiteral ?? Literals.Identity(kind, type), null, null);
        }

        if (combine is null || identityLiteral is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.InvalidReduction, argumentLocation("Reduce"), name,
                "KernelReduction.Custom needs Combine = nameof(aKernel) and an Identity"));
            return null;
        }
        var combiner = method.ContainingType.GetMembers(combine).OfType<IMethodSymbol>().FirstOrDefault(m =>
            KernelSymbols.KernelAttribute(m) is not null && KernelSymbols.IsValidKernel(m) && m.Parameters.Length == 2
            && m.Parameters.All(p => KernelSymbols.TryElement(p.Type, out var pt) && pt == type)
            && KernelSymbols.TryElement(m.ReturnType, out var rt) && rt == type);
        if (combiner is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(KernelDiagnostics.InvalidReduction, argumentLocation("Combine"), name,
                $"Combine names '{combine}', which is not a [Kernel] ({type.Keyword()}, {type.Keyword()}) -> {type.Keyword()} of {method.ContainingType.Name}"));
            return null;
        }
        return new ReductionModel(kind, identityLiteral, KernelSymbols.QualifiedOperator(combiner), KernelSymbols.QualifiedMethod(combiner));
    }

    private static string DefiningDeclaration(MethodDeclarationSyntax syntax, IMethodSymbol method)
    {
        var sb = new StringBuilder();
        foreach (var modifier in syntax.Modifiers) sb.Append(modifier.Text).Append(' ');
        sb.Append(method.ReturnType.ToDisplayString(TypeFormat)).Append(' ').Append(syntax.Identifier.Text).Append('(');
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            var p = syntax.ParameterList.Parameters[i];
            foreach (var modifier in p.Modifiers) sb.Append(modifier.Text).Append(' ');
            sb.Append(method.Parameters[i].Type.ToDisplayString(TypeFormat)).Append(' ').Append(p.Identifier.Text);
        }
        return sb.Append(");").ToString();
    }

    private static string Accessibility(MethodDeclarationSyntax syntax)
    {
        var words = syntax.Modifiers.Where(m => m.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.InternalKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword)
            .Select(m => m.Text).ToList();
        return words.Count == 0 ? "private" : string.Join(" ", words);
    }

    private static string HintName(IMethodSymbol method, string operatorName)
    {
        var sb = new StringBuilder();
        foreach (char c in KernelSymbols.Qualified(method.ContainingType).Replace("global::", ""))
            sb.Append(char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_');
        string suffix = operatorName.Substring(method.Name.Length + "Operator".Length);
        return sb.Append('.').Append(method.Name).Append(suffix).Append(".Kernel.g.cs").ToString();
    }
}
