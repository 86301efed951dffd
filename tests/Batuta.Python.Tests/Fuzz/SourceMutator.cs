using System.Text;

namespace Batuta.Python.Tests.Fuzz;

/// <summary>
/// Deterministic mutations of real Python sources: token deletion and insertion, truncation, random and
/// invalid bytes, line shuffles, indentation damage, and generated deep nesting.
/// </summary>
public sealed class SourceMutator
{
    private static readonly string[] Fragments =
    {
        "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "...", "=", "==", ":=", "->", "*", "**", "@", "\\", "\\\n", "#", "\n", "\t", "    ",
        "'", "\"", "'''", "\"\"\"", "f'", "rb'", "u\"", "f\"{", "}", "{x!r:>{w}}", "0x", "0o8", "1_", "1e", "1j", "0777", "9" + new string('9', 40),
        "if", "elif", "else", "for", "while", "def", "class", "lambda", "match", "case", "try", "except*", "finally", "with", "async", "await",
        "yield", "return", "global", "nonlocal", "del", "import", "from", "as", "pass", "not", "and", "or", "is", "in", "None", "True",
        "\u00e9", "\u20ac", "\u00a0", "\ufeff", "\u2028", "\0", "\x01", "\x0b", "\x0c", "$", "?", "!", "`", "<>",
    };

    private readonly Random _random;

    public SourceMutator(int seed) => _random = new Random(seed);

    /// <summary>A mutated copy of <paramref name="source"/> (or, one time in twenty, a generated stress input).</summary>
    public byte[] Mutate(byte[] source)
    {
        if (_random.Next(20) == 0) return Encoding.UTF8.GetBytes(DeepNesting());
        var data = new List<byte>(source);
        int rounds = 1 + _random.Next(4);
        for (int r = 0; r < rounds && data.Count > 0; r++)
        {
            switch (_random.Next(9))
            {
                case 0: // delete a run
                    {
                        int at = _random.Next(data.Count);
                        int len = Math.Min(data.Count - at, 1 + _random.Next(12));
                        data.RemoveRange(at, len);
                        break;
                    }
                case 1: // insert a fragment
                case 2:
                    {
                        var frag = Encoding.UTF8.GetBytes(Fragments[_random.Next(Fragments.Length)]);
                        data.InsertRange(_random.Next(data.Count + 1), frag);
                        break;
                    }
                case 3: // truncate
                    {
                        int at = _random.Next(data.Count);
                        data.RemoveRange(at, data.Count - at);
                        break;
                    }
                case 4: // random bytes, valid UTF-8 or not
                    {
                        int at = _random.Next(data.Count);
                        int n = 1 + _random.Next(4);
                        for (int i = 0; i < n && at + i < data.Count; i++) data[at + i] = (byte)_random.Next(256);
                        break;
                    }
                case 5: // duplicate a line elsewhere
                case 6: // or swap two lines
                    {
                        var lines = Encoding.UTF8.GetString(data.ToArray()).Split('\n').ToList();
                        if (lines.Count < 2) break;
                        int a = _random.Next(lines.Count), b = _random.Next(lines.Count);
                        if (r % 2 == 0) lines.Insert(b, lines[a]);
                        else (lines[a], lines[b]) = (lines[b], lines[a]);
                        data = new List<byte>(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
                        break;
                    }
                case 7: // damage indentation of one line
                    {
                        var lines = Encoding.UTF8.GetString(data.ToArray()).Split('\n').ToList();
                        int a = _random.Next(lines.Count);
                        lines[a] = (_random.Next(3)) switch { 0 => " " + lines[a], 1 => "\t" + lines[a].TrimStart(), _ => lines[a].TrimStart() };
                        data = new List<byte>(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
                        break;
                    }
                case 8: // splice a fragment of the file into itself
                    {
                        int a = _random.Next(data.Count);
                        int len = Math.Min(data.Count - a, _random.Next(200));
                        var piece = data.GetRange(a, len);
                        data.InsertRange(_random.Next(data.Count + 1), piece);
                        break;
                    }
            }
        }
        return data.ToArray();
    }

    /// <summary>Inputs that break recursive parsers: deep brackets, long operator chains, nested blocks.</summary>
    public string DeepNesting()
    {
        int n = (_random.Next(4)) switch { 0 => 50 + _random.Next(200), 1 => 500 + _random.Next(1500), 2 => 5000 + _random.Next(20000), _ => 100000 };
        switch (_random.Next(16))
        {
            case 0: return new string('(', n) + "x" + new string(')', n);
            case 1: return new string('[', n);
            case 2: return new string('-', n) + "1";
            case 3: return string.Concat(Enumerable.Repeat("not ", n)) + "x";
            case 4: return "x = " + string.Concat(Enumerable.Repeat("lambda: ", n)) + "1";
            case 5: return "x = " + string.Concat(Enumerable.Repeat("a if b else ", n)) + "c";
            case 6: return string.Concat(Enumerable.Range(0, Math.Min(n, 300)).Select(i => new string(' ', i) + "if x:\n")) + new string(' ', Math.Min(n, 300)) + "pass\n";
            case 7: return "x = " + string.Concat(Enumerable.Repeat("a.", n)) + "b";
            case 8: return "x = a" + string.Concat(Enumerable.Repeat(" + a", n));
            case 9: return "x = 1" + string.Concat(Enumerable.Repeat(" ** 1", n));
            case 10: return string.Concat(Enumerable.Repeat("f(", n)) + string.Concat(Enumerable.Repeat(")", n));
            case 11: return "x = " + string.Concat(Enumerable.Repeat("[", n)) + string.Concat(Enumerable.Repeat("]", n));
            case 12: return "x = '" + string.Concat(Enumerable.Repeat("\\x41\\n", n)) + "'";
            case 13: return "x = f'" + string.Concat(Enumerable.Repeat("{a}{b!r:>{c}}", Math.Min(n, 5000))) + "'";
            case 14: return "x = a" + string.Concat(Enumerable.Repeat("[0]", n));
            default: return "match x:\n    case " + new string('[', Math.Min(n, 199)) + "a" + new string(']', Math.Min(n, 199)) + ":\n        pass\n";
        }
    }
}
