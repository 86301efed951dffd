using System.Collections.Immutable;
using Batuta.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Batuta.Analyzers.Rules.Debt;

/// <summary>
/// BATQ003: self-admitted technical debt. A <c>TODO</c>, <c>FIXME</c>, <c>HACK</c> or <c>XXX</c> marker in a
/// <c>//</c>, <c>/* */</c> or <c>///</c> comment is a known defect that was let through; the rule makes it visible.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TechnicalDebtCommentAnalyzer : DiagnosticAnalyzer
{
    public const string TagsOption = "tags";
    internal static readonly ImmutableArray<string> DefaultTags = ImmutableArray.Create("TODO", "FIXME", "HACK", "XXX");

    internal static readonly DiagnosticDescriptor Descriptor = Rule.Create(
        RuleIdentifiers.TechnicalDebtComment,
        "Self-admitted technical debt",
        "Self-admitted technical debt: '{0}'",
        RuleCategories.Maintainability,
        DiagnosticSeverity.Info,
        "A TODO/FIXME/HACK/XXX comment marks work the author knew was missing. Track it in the issue tracker and fix it, or remove the comment.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxTreeAction(AnalyzeTree);
    }

    private static void AnalyzeTree(SyntaxTreeAnalysisContext context)
    {
        var tags = ReadTags(RuleOptions.GetString(context.Options, context.Tree, RuleIdentifiers.TechnicalDebtComment, TagsOption));
        var text = context.Tree.GetText(context.CancellationToken);
        // Most files carry no tag at all: one ordinal scan of the text rules them out without walking any trivia.
        string whole = text.ToString();
        SyntaxNode? root = null;
        var seen = new HashSet<TextSpan>();
        foreach (var tag in tags)
        {
            for (int at = whole.IndexOf(tag, StringComparison.OrdinalIgnoreCase); at >= 0; at = whole.IndexOf(tag, at + tag.Length, StringComparison.OrdinalIgnoreCase))
            {
                root ??= context.Tree.GetRoot(context.CancellationToken);
                var trivia = root.FindTrivia(at);
                bool isXml;
                switch (trivia.Kind())
                {
                    case SyntaxKind.SingleLineCommentTrivia:
                    case SyntaxKind.MultiLineCommentTrivia:
                        isXml = false;
                        break;
                    case SyntaxKind.SingleLineDocumentationCommentTrivia:
                    case SyntaxKind.MultiLineDocumentationCommentTrivia:
                        isXml = true;
                        break;
                    default:
                        continue;
                }
                if (seen.Add(trivia.FullSpan)) Scan(context, text, trivia.FullSpan, tags, isXml);
            }
        }
    }

    private static void Scan(SyntaxTreeAnalysisContext context, SourceText text, TextSpan span, ImmutableArray<string> tags, bool isXml)
    {
        string comment = text.ToString(span);
        foreach (var (start, length) in DebtMarkers.Find(comment, tags, isXml))
        {
            var marker = TextSpan.FromBounds(span.Start + start, span.Start + start + length);
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, Location.Create(context.Tree, marker), comment.Substring(start, length)));
        }
    }

    internal static ImmutableArray<string> ReadTags(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured)) return DefaultTags;
        return configured!.Split(new[] { ',', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim())
            .Where(t => t.Length > 0)
            .ToImmutableArray();
    }
}

/// <summary>Finds debt markers in one comment's text; the span runs from the tag to the end of its line.</summary>
internal static class DebtMarkers
{
    /// <param name="isXml">In documentation comments the marker also ends at the next XML tag.</param>
    public static IEnumerable<(int Start, int Length)> Find(string comment, ImmutableArray<string> tags, bool isXml)
    {
        int lineStart = 0;
        while (lineStart < comment.Length)
        {
            int lineEnd = comment.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = comment.Length;
            int hit = FirstTag(comment, lineStart, lineEnd, tags);
            if (hit >= 0)
            {
                int end = lineEnd;
                if (isXml)
                {
                    int tag = comment.IndexOf('<', hit, lineEnd - hit);
                    if (tag >= 0) end = tag;
                }
                end = TrimEnd(comment, hit, end);
                yield return (hit, end - hit);
            }
            lineStart = lineEnd + 1;
        }
    }

    private static int FirstTag(string s, int from, int to, ImmutableArray<string> tags)
    {
        for (int i = from; i < to; i++)
        {
            if (!char.IsLetter(s[i]) || (i > 0 && IsWordChar(s[i - 1]))) continue;
            foreach (var tag in tags)
            {
                if (i + tag.Length > to || IsWordCharAt(s, i + tag.Length, to)) continue;
                if (string.CompareOrdinal(s, i, tag, 0, tag.Length) == 0) return i;
                // Lower or mixed case counts only as a label ("todo:", "Fixme(ana)"), not as an ordinary word in prose.
                if (string.Compare(s, i, tag, 0, tag.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && i + tag.Length < to && (s[i + tag.Length] == ':' || s[i + tag.Length] == '('))
                    return i;
            }
        }
        return -1;
    }

    private static int TrimEnd(string s, int start, int end)
    {
        while (end > start && (char.IsWhiteSpace(s[end - 1]) || s[end - 1] == '/' || s[end - 1] == '*')) end--;
        return end;
    }

    private static bool IsWordCharAt(string s, int index, int limit) => index < limit && IsWordChar(s[index]);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
