using System.Text;
using Batuta.Python.Ast;
using Batuta.Python.Tests.Oracle;

namespace Batuta.Python.Tests.Text;

/// <summary>PEP 3131 identifiers: validity and NFKC normalisation, against CPython on thousands of code points.</summary>
public class IdentifierNormalizationTests
{
    /// <summary>Sources assigning to identifiers built from every 7th non-ASCII code point below U+30000, and combining sequences.</summary>
    private static List<string> Sources()
    {
        var sources = new List<string>();
        var sb = new StringBuilder();
        int lines = 0;
        for (int cp = 0xA0; cp < 0x30000; cp += 7)
        {
            if (cp >= 0xD800 && cp <= 0xDFFF) continue;
            sb.Append("a").Append(char.ConvertFromUtf32(cp)).Append(" = ").Append(lines).Append('\n');
            if (++lines == 400)
            {
                sources.Add(sb.ToString());
                sb.Clear();
                lines = 0;
            }
        }
        if (sb.Length > 0) sources.Add(sb.ToString());
        sources.Add("e\u0301 = 1\nA\u030a\u0301 = 2\n\u1100\u1161\u11a8 = 3\nﬁ\u0301 = 4\n\u212b = 5\nx\u0327\u0301 = 6\n\u00c5\u0323 = 7\n𝐀𝐁 = 8\nｆｕｌｌ = 9\n");
        return sources;
    }

    [Fact]
    public void Identifiers_are_accepted_rejected_and_normalised_like_cpython()
    {
        // Each line is its own statement: split rejected sources into lines so every code point is checked.
        var candidates = new List<string>();
        foreach (var source in Sources())
        {
            if (PythonParser.Parse(source).Success) candidates.Add(source);
            else candidates.AddRange(source.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l + "\n"));
        }
        var answers = CPython.AskSources("dump", candidates);
        var failures = new StringBuilder();
        for (int i = 0; i < candidates.Count; i++)
        {
            var r = PythonParser.Parse(candidates[i]);
            if (answers[i].Ok != r.Success)
                failures.AppendLine($"{(answers[i].Ok ? "CPython accepts" : "CPython rejects")}: {Escape(candidates[i])}");
            else if (r.Success && AstDump.Dump(r.Module!) != answers[i].Dump)
                failures.AppendLine($"normalisation differs: {Escape(candidates[i])}");
            else if (!r.Success && r.Diagnostics[0].Message != answers[i].Message)
                failures.AppendLine($"message '{r.Diagnostics[0].Message}' vs '{answers[i].Message}': {Escape(candidates[i])}");
            if (failures.Length > 4000) break;
        }
        Assert.True(failures.Length == 0, failures.ToString());
    }

    private static string Escape(string s) => string.Concat(s.Take(60).Select(c => c < 0x80 ? c.ToString() : $"\\u{(int)c:x4}"));
}
