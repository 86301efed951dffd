using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace Batuta.Generators.Tests.Kernels.Infrastructure;

/// <summary>Source with expected diagnostics marked as <c>{|BATO101:text|}</c>: the text is the exact span.</summary>
internal static partial class Markup
{
    public static (string Source, List<(string Id, TextSpan Span)> Expected) Parse(string markup)
    {
        var expected = new List<(string, TextSpan)>();
        var sb = new System.Text.StringBuilder();
        int i = 0;
        while (i < markup.Length)
        {
            var m = Open().Match(markup, i);
            if (!m.Success)
            {
                sb.Append(markup, i, markup.Length - i);
                break;
            }
            sb.Append(markup, i, m.Index - i);
            int close = markup.IndexOf("|}", m.Index + m.Length, StringComparison.Ordinal);
            Assert.True(close >= 0, "unclosed markup");
            int start = sb.Length;
            sb.Append(markup, m.Index + m.Length, close - m.Index - m.Length);
            expected.Add((m.Groups[1].Value, TextSpan.FromBounds(start, sb.Length)));
            i = close + 2;
        }
        return (sb.ToString(), expected);
    }

    [GeneratedRegex(@"\{\|(BATO\d+):")]
    private static partial Regex Open();
}
