using Microsoft.CodeAnalysis;

namespace Batuta.Generators.Kernels.Diagnostics;

/// <summary>
/// The [Kernel] generator's diagnostics, BATUTA-O-1xx (documented in docs/kernels.md), reported under
/// the Roslyn IDs BATO1xx. Errors (101-105)
/// stop generation for the kernel. Infos (110-118) say why a kernel has no SIMD body (it then runs its
/// scalar code, like the Regex generator's fallback) or no GPU kernel.
/// </summary>
// RS2008: release tracking lives in docs/kernels.md; the shared AnalyzerReleases files belong to the whole assembly.
#pragma warning disable RS2008
internal static class KernelDiagnostics
{
    private const string Category = "Batuta.Kernels";

    public static readonly DiagnosticDescriptor NotStaticPartial = Error("BATUTA-O-101",
        "A [Kernel] method must be static partial",
        "BATUTA-O-101: [Kernel] method '{0}' must be declared 'static partial' (it is missing '{1}')");

    public static readonly DiagnosticDescriptor ContainingTypeNotSupported = Error("BATUTA-O-102",
        "A [Kernel] method must live in a non-generic partial type",
        "BATUTA-O-102: '{0}' contains the [Kernel] method '{1}', so it must be {2}");

    public static readonly DiagnosticDescriptor UnsupportedType = Error("BATUTA-O-103",
        "Unsupported kernel parameter or return type",
        "BATUTA-O-103: {0} of kernel '{1}' has type '{2}'; kernels take float, double, int or long and return one of them or a tuple of them");

    public static readonly DiagnosticDescriptor UnsupportedShape = Error("BATUTA-O-104",
        "Unsupported kernel method shape",
        "BATUTA-O-104: Kernel '{0}' {1}");

    public static readonly DiagnosticDescriptor InvalidReduction = Error("BATUTA-O-105",
        "Invalid kernel reduction",
        "BATUTA-O-105: Reduction kernel '{0}': {1}");

    public static readonly DiagnosticDescriptor Allocation = Info("BATUTA-O-110",
        "Allocation in a kernel: no SIMD body",
        "BATUTA-O-110: '{0}' allocates ({1}); kernel '{2}' runs its scalar code (no SIMD body, no GPU kernel)");

    public static readonly DiagnosticDescriptor ReferenceType = Info("BATUTA-O-111",
        "Reference type in a kernel: no SIMD body",
        "BATUTA-O-111: '{0}' has the reference type '{1}'; kernel '{2}' runs its scalar code (no SIMD body, no GPU kernel)");

    public static readonly DiagnosticDescriptor UnknownCall = Info("BATUTA-O-112",
        "Call without a SIMD form: no SIMD body",
        "BATUTA-O-112: '{0}' has no SIMD form{1}; kernel '{3}' runs its scalar code (no SIMD body{2})");

    public static readonly DiagnosticDescriptor Exception = Info("BATUTA-O-113",
        "Exception in a kernel: no SIMD body",
        "BATUTA-O-113: '{0}' can throw{1}; kernel '{2}' runs its scalar code (no SIMD body, no GPU kernel)");

    public static readonly DiagnosticDescriptor UnboundedLoop = Info("BATUTA-O-114",
        "Loop without a fixed count: no SIMD body",
        "BATUTA-O-114: '{0}' {1}; kernel '{2}' runs its scalar code (no SIMD body)");

    public static readonly DiagnosticDescriptor MixedWidths = Info("BATUTA-O-115",
        "Mixed lane widths: no SIMD body",
        "BATUTA-O-115: '{0}' mixes {1} and {2} lanes{3}; kernel '{4}' runs its scalar code (no SIMD body)");

    public static readonly DiagnosticDescriptor NoSimdInstruction = Info("BATUTA-O-116",
        "Operator without a SIMD instruction: no SIMD body",
        "BATUTA-O-116: '{0}' has no SIMD instruction ({1}); kernel '{2}' runs its scalar code (no SIMD body)");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Info("BATUTA-O-117",
        "Construct without a SIMD translation: no SIMD body",
        "BATUTA-O-117: '{0}' ({1}) has no SIMD translation; kernel '{2}' runs its scalar code (no SIMD body, no GPU kernel)");

    public static readonly DiagnosticDescriptor NoGpuKernel = Info("BATUTA-O-118",
        "No GPU kernel",
        "BATUTA-O-118: Kernel '{0}' gets no GPU kernel: {1}");

    public static readonly DiagnosticDescriptor InternalError = new("BATO199",
        "The [Kernel] generator failed",
        "BATUTA-O-199: The [Kernel] generator failed on '{0}': {1}. Please report this with the method's source.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor[] All =
    [
        NotStaticPartial, ContainingTypeNotSupported, UnsupportedType, UnsupportedShape, InvalidReduction,
        Allocation, ReferenceType, UnknownCall, Exception, UnboundedLoop, MixedWidths, NoSimdInstruction,
        UnsupportedConstruct, NoGpuKernel, InternalError,
    ];

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public static DiagnosticDescriptor Get(string id) => ById[id];

    /// <summary>Roslyn IDs must be identifiers: BATUTA-O-112 is reported as BATO112, and the full code leads the message.</summary>
    public static string RoslynId(string code) => "BAT" + code.Substring("BATUTA-".Length).Replace("-", "");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(RoslynId(id), title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Info(string id, string title, string message) =>
        new(RoslynId(id), title, message, Category, DiagnosticSeverity.Info, isEnabledByDefault: true);
}
