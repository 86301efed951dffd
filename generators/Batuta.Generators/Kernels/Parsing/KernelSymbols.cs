using Batuta.Generators.Kernels.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Batuta.Generators.Kernels.Parsing;

/// <summary>Symbol facts shared by the parser (for the kernel itself) and the lowering (for kernels it calls).</summary>
internal static class KernelSymbols
{
    public const string AttributeName = "Batuta.Tensors.KernelAttribute";

    public static bool IsKernelAttribute(AttributeData attribute) =>
        attribute.AttributeClass?.ToDisplayString() == AttributeName;

    public static AttributeData? KernelAttribute(IMethodSymbol method)
    {
        foreach (var a in method.GetAttributes())
            if (IsKernelAttribute(a)) return a;
        return null;
    }

    public static bool TryScalar(ITypeSymbol? type, out ScalarType scalar)
    {
        switch (type?.SpecialType)
        {
            case SpecialType.System_Single: scalar = ScalarType.Float; return true;
            case SpecialType.System_Double: scalar = ScalarType.Double; return true;
            case SpecialType.System_Int32: scalar = ScalarType.Int; return true;
            case SpecialType.System_Int64: scalar = ScalarType.Long; return true;
            case SpecialType.System_Boolean: scalar = ScalarType.Bool; return true;
            default: scalar = default; return false;
        }
    }

    /// <summary>A parameter or result type a kernel may have (bool is for bodies only).</summary>
    public static bool TryElement(ITypeSymbol? type, out ScalarType scalar) => TryScalar(type, out scalar) && scalar != ScalarType.Bool;

    /// <summary>The results of a kernel returning <paramref name="type"/>: one scalar or a flat tuple of scalars.</summary>
    public static List<KernelOutput>? Outputs(ITypeSymbol type)
    {
        if (TryElement(type, out var single)) return [new KernelOutput(null, single)];
        if (type is INamedTypeSymbol { IsTupleType: true } tuple)
        {
            var outputs = new List<KernelOutput>();
            foreach (var element in tuple.TupleElements)
            {
                if (!TryElement(element.Type, out var t)) return null;
                bool named = element.Name != "Item" + (outputs.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                outputs.Add(new KernelOutput(named ? element.Name : null, t));
            }
            return outputs;
        }
        return null;
    }

    /// <summary>The nested operator struct: <c>NameOperator</c>, with the parameter types appended when kernels overload the name.</summary>
    public static string OperatorName(IMethodSymbol method)
    {
        int kernels = 0;
        foreach (var member in method.ContainingType.GetMembers(method.Name))
            if (member is IMethodSymbol m && KernelAttribute(m) is not null) kernels++;
        if (kernels <= 1) return method.Name + "Operator";
        var suffix = new StringBuilder("_");
        foreach (var p in method.Parameters)
            suffix.Append(TryElement(p.Type, out var t) ? t.Code() : 'x');
        return method.Name + "Operator" + suffix;
    }

    public static string Qualified(INamedTypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    public static string QualifiedOperator(IMethodSymbol method) => Qualified(method.ContainingType) + "." + OperatorName(method);

    public static string QualifiedMethod(IMethodSymbol method) => Qualified(method.ContainingType) + "." + method.Name;

    /// <summary>The method's declaration with a body (the implementing half of the partial method), if it is in source.</summary>
    public static MethodDeclarationSyntax? Implementation(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
            if (reference.GetSyntax() is MethodDeclarationSyntax m && (m.Body is not null || m.ExpressionBody is not null))
                return m;
        return null;
    }

    /// <summary>True when <paramref name="method"/> is a [Kernel] the generator accepts, so its operator struct exists.</summary>
    public static bool IsValidKernel(IMethodSymbol method)
    {
        if (!method.IsStatic || method.IsGenericMethod || method.Parameters.Length == 0) return false;
        foreach (var p in method.Parameters)
            if (p.RefKind != RefKind.None || p.IsParams || !TryElement(p.Type, out _)) return false;
        if (Outputs(method.ReturnType) is null) return false;
        if (!ContainingTypesSupported(method.ContainingType)) return false;
        var syntax = Implementation(method);
        if (syntax is not null) return syntax.Modifiers.Any(SyntaxKind.PartialKeyword) && syntax.Modifiers.Any(SyntaxKind.StaticKeyword);
        // A kernel from a referenced assembly: its generated operator struct was compiled with it.
        return method.ContainingAssembly is not null && method.Locations.All(l => !l.IsInSource);
    }

    public static bool ContainingTypesSupported(INamedTypeSymbol? type)
    {
        for (; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType || type.TypeKind is not (TypeKind.Class or TypeKind.Struct)) return false;
            if (type.Locations.Any(l => l.IsInSource))
            {
                bool partial = false;
                foreach (var r in type.DeclaringSyntaxReferences)
                    if (r.GetSyntax() is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword)) partial = true;
                if (!partial) return false;
            }
        }
        return true;
    }
}
