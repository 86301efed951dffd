using Batuta.Transpiler.Tests.Support;

namespace Batuta.Transpiler.Tests;

/// <summary>
/// Mutated corpus programs (deleted, duplicated and swapped lines, deleted and inserted characters):
/// the transpiler must return diagnostics, never throw. Fixed seed so a failure reproduces.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Insertions = { ":", "(", ")", "[", "]", "yield ", "lambda: ", "await ", "*", "**", "=", " if ", "\n    ", "'", "\"\"\"", "@", "not ", "nonlocal x\n", "global y\n", "class ", "def ", "return", "del ", ".", ",", "{", "}", "0x", "1e", "\\", "#", "async " };

    [Fact]
    public void Mutated_programs_never_crash_the_transpiler()
    {
        var rng = new Random(20240611);
        var sources = Directory.GetFiles(Paths.Corpus, "*.py").OrderBy(x => x, StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        int runs = 0, parsed = 0, internalErrors = 0;
        var failures = new List<string>();
        for (int i = 0; i < 400; i++)
        {
            var src = sources[rng.Next(sources.Count)];
            var mutated = Mutate(src, rng);
            runs++;
            try
            {
                var r = TestTranspiler.Transpile(mutated, "fuzz.py");
                if (!r.Diagnostics.Any(d => d.Code == TranspilerCodes.SyntaxError)) parsed++;
                internalErrors += r.Diagnostics.Count(d => d.Code == TranspilerCodes.Internal && d.Severity == TranspilerSeverity.Error);
            }
            catch (Exception e)
            {
                failures.Add($"{e.GetType().Name}: {e.Message}\n---\n{mutated}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {runs} mutations crashed the transpiler:\n{string.Join("\n=====\n", failures.Take(3))}");
        Assert.True(parsed > 50, $"only {parsed} mutations parsed: the fuzzer is not reaching the emitter");
        Assert.Equal(0, internalErrors);
    }

    private static string Mutate(string src, Random rng)
    {
        var lines = src.Split('\n').ToList();
        int ops = 1 + rng.Next(3);
        for (int k = 0; k < ops; k++)
        {
            if (lines.Count == 0) break;
            int at = rng.Next(lines.Count);
            switch (rng.Next(6))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(at, lines[rng.Next(lines.Count)]); break;
                case 2:
                {
                    int other = rng.Next(lines.Count);
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    break;
                }
                case 3 when lines[at].Length > 0:
                {
                    int p = rng.Next(lines[at].Length);
                    lines[at] = lines[at].Remove(p, Math.Min(1 + rng.Next(4), lines[at].Length - p));
                    break;
                }
                default:
                {
                    int p = lines[at].Length == 0 ? 0 : rng.Next(lines[at].Length);
                    lines[at] = lines[at].Insert(p, Insertions[rng.Next(Insertions.Length)]);
                    break;
                }
            }
        }
        return string.Join("\n", lines);
    }
}
