using System.Collections.Immutable;
using Batuta.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Batuta.Analyzers.Rules.Security;

/// <summary>
/// BATQ008: in a project that declares <c>BatutaPrivacyTier=Sovereign</c>, HTTP traffic must not leave the
/// machine. Reports HTTP calls (HttpClient and its JSON extensions, WebClient, WebRequest), request messages and
/// base addresses whose destination is a non-loopback host, or cannot be known at compile time.
/// A relative request URI is judged where the client's <c>BaseAddress</c> is set.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SovereignNetworkCallAnalyzer : DiagnosticAnalyzer
{
    public const string PrivacyTierProperty = "BatutaPrivacyTier";
    public const string SovereignTier = "Sovereign";

    private static readonly string[] HttpVerbPrefixes = { "Get", "Post", "Put", "Delete", "Patch", "Head", "Options" };

    internal static readonly DiagnosticDescriptor Descriptor = Rule.Create(
        RuleIdentifiers.SovereignNetworkCall,
        "Network call leaves a sovereign machine",
        "HTTP call to {0} in a project with BatutaPrivacyTier=Sovereign: data must stay on this machine",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "A Sovereign project promises that its data never leaves the machine. Calls to remote hosts break that promise; use a loopback service or a local model.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Nothing at all runs for the other tiers.
            if (!string.Equals(RuleOptions.BuildProperty(start.Options, PrivacyTierProperty), SovereignTier, StringComparison.OrdinalIgnoreCase))
                return;
            var types = NetTypes.Create(start.Compilation);
            if (types is null) return;
            start.RegisterOperationAction(c => AnalyzeInvocation(c, types), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeCreation(c, types), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, types), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, NetTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        var owner = method.ContainingType.OriginalDefinition;
        bool isHttpCall =
            (types.IsHttpClient(owner) || types.IsJsonExtensions(owner)) && HttpVerbPrefixes.Any(p => method.Name.StartsWith(p, StringComparison.Ordinal))
            || types.Is(owner, types.WebClient)
            || (types.Is(owner, types.WebRequest) && method.IsStatic && method.Name.StartsWith("Create", StringComparison.Ordinal));
        if (!isHttpCall) return;

        // The destination is the first string or Uri argument (requestUri, address, requestUriString).
        var destination = invocation.Arguments.FirstOrDefault(a => a.Parameter is { } p && types.IsAddress(p.Type));
        if (destination is null) return;
        Report(context, invocation.Syntax, destination.Value, types);
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, NetTypes types)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is null || !types.Is(creation.Type.OriginalDefinition, types.HttpRequestMessage)) return;
        var destination = creation.Arguments.FirstOrDefault(a => a.Parameter is { } p && types.IsAddress(p.Type));
        if (destination is null) return;
        Report(context, creation.Syntax, destination.Value, types);
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, NetTypes types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "BaseAddress" or "RequestUri" } property }
            || !(types.IsHttpClient(property.ContainingType.OriginalDefinition) || types.Is(property.ContainingType.OriginalDefinition, types.HttpRequestMessage)))
            return;
        Report(context, assignment.Syntax, assignment.Value, types);
    }

    private static void Report(OperationAnalysisContext context, SyntaxNode node, IOperation value, NetTypes types)
    {
        var (known, address) = Resolve(value, types);
        string? remoteHost;
        if (!known)
        {
            remoteHost = "a destination not known at compile time";
        }
        else
        {
            if (address is null) return;
            var host = Destination.RemoteHost(address);
            if (host is null) return;
            remoteHost = "'" + host + "'";
        }
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, node.GetLocation(), remoteHost));
    }

    /// <summary>(true, text) for a compile-time address, (true, null) for an explicit null, (false, null) otherwise.</summary>
    private static (bool Known, string? Address) Resolve(IOperation value, NetTypes types)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        if (value.ConstantValue.HasValue) return (true, value.ConstantValue.Value as string);
        if (value is IObjectCreationOperation creation && creation.Type is not null && types.Is(creation.Type.OriginalDefinition, types.Uri)
            && creation.Arguments.Length > 0)
            return Resolve(creation.Arguments[0].Value, types);
        return (false, null);
    }

    private sealed class NetTypes
    {
        public INamedTypeSymbol? HttpMessageInvoker { get; init; }
        public INamedTypeSymbol? JsonExtensions { get; init; }
        public INamedTypeSymbol? HttpRequestMessage { get; init; }
        public INamedTypeSymbol? WebClient { get; init; }
        public INamedTypeSymbol? WebRequest { get; init; }
        public required INamedTypeSymbol Uri { get; init; }
        public required INamedTypeSymbol String { get; init; }

        public static NetTypes? Create(Compilation compilation)
        {
            var uri = compilation.GetTypeByMetadataName("System.Uri");
            if (uri is null) return null;
            var types = new NetTypes
            {
                HttpMessageInvoker = compilation.GetTypeByMetadataName("System.Net.Http.HttpMessageInvoker"),
                JsonExtensions = compilation.GetTypeByMetadataName("System.Net.Http.Json.HttpClientJsonExtensions"),
                HttpRequestMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestMessage"),
                WebClient = compilation.GetTypeByMetadataName("System.Net.WebClient"),
                WebRequest = compilation.GetTypeByMetadataName("System.Net.WebRequest"),
                Uri = uri,
                String = compilation.GetSpecialType(SpecialType.System_String),
            };
            return types.HttpMessageInvoker is null && types.WebClient is null && types.WebRequest is null ? null : types;
        }

        public bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
        {
            if (expected is null) return false;
            for (var t = type; t is not null; t = t.BaseType)
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, expected)) return true;
            return false;
        }

        /// <summary>HttpClient derives from HttpMessageInvoker, and so do user-made clients.</summary>
        public bool IsHttpClient(ITypeSymbol type) => Is(type, HttpMessageInvoker);

        public bool IsJsonExtensions(ITypeSymbol type) => SymbolEqualityComparer.Default.Equals(type, JsonExtensions);

        public bool IsAddress(ITypeSymbol type)
            => SymbolEqualityComparer.Default.Equals(type, String) || SymbolEqualityComparer.Default.Equals(type, Uri);
    }
}

/// <summary>Decides whether an address leaves the machine.</summary>
internal static class Destination
{
    /// <summary>The host of an absolute http(s)/ws(s) address that is not loopback; null when the address stays local or is relative.</summary>
    public static string? RemoteHost(string address)
    {
        if (!System.Uri.TryCreate(address, UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is not ("http" or "https" or "ws" or "wss")) return null;
        string host = uri.Host.Trim('[', ']');
        if (uri.IsLoopback
            || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || host.StartsWith("127.", StringComparison.Ordinal)
            || host == "::1")
            return null;
        return host;
    }
}
