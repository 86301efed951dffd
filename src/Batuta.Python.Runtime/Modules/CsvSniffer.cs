using System.Text;
using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime;

/// <summary>
/// <c>csv.Sniffer()</c> on a string sample, ported from CPython 3.11's csv.py: <c>sniff</c> guesses the quote character
/// and delimiter from quoted fields, else the delimiter from per-line character frequencies (a preferred list breaking
/// ties), and <c>has_header</c> votes on the first row against the column types of the next 21.
/// </summary>
public sealed class CsvSniffer : IPyObject, IPyTyped, Modules.IPyKeywordMethods
{
    private static readonly string[] Preferred = [",", "\t", ";", " ", ":"];

    // ,".*?",   ".*?",   ,".*?"   ".*?" (no delimiter, no space): the first that matches anything decides
    private static readonly Regex[] QuotePatterns =
    [
        new(@"(?<delim>[^\w\n""'])(?<space> ?)(?<quote>[""']).*?\k<quote>\k<delim>", RegexOptions.Singleline | RegexOptions.Multiline | RegexOptions.CultureInvariant),
        new(@"(?:^|\n)(?<quote>[""']).*?\k<quote>(?<delim>[^\w\n""'])(?<space> ?)", RegexOptions.Singleline | RegexOptions.Multiline | RegexOptions.CultureInvariant),
        new(@"(?<delim>[^\w\n""'])(?<space> ?)(?<quote>[""']).*?\k<quote>(?:$|\n)", RegexOptions.Singleline | RegexOptions.Multiline | RegexOptions.CultureInvariant),
        new(@"(?:^|\n)(?<quote>[""']).*?\k<quote>(?:$|\n)", RegexOptions.Singleline | RegexOptions.Multiline | RegexOptions.CultureInvariant),
    ];

    public string PyTypeName => "Sniffer";

    /// <summary>sniff(sample, delimiters=None): a dialect with the guessed delimiter, quotechar, doublequote and skipinitialspace.</summary>
    public CsvDialect Sniff(string sample, string? delimiters = null)
    {
        var (quotechar, doublequote, delimiter, skipinitialspace) = GuessQuoteAndDelimiter(sample, delimiters);
        if (delimiter.Length == 0) (delimiter, skipinitialspace) = GuessDelimiter(sample, delimiters);
        if (delimiter.Length == 0) throw new CsvError("Could not determine delimiter");
        return CsvDialect.Sniffed(delimiter[0], quotechar.Length == 0 ? '"' : quotechar[0], doublequote, skipinitialspace);
    }

    /// <summary>has_header(sample): the first row differs from the columns' types (a number, or a fixed length) in more columns than it matches.</summary>
    public bool HasHeader(string sample)
    {
        using var rows = CsvModule.Reader(Lines(sample), Sniff(sample)).GetEnumerator();
        if (!rows.MoveNext()) throw new StopIteration();
        var header = rows.Current;
        var columnTypes = new Dictionary<int, object?>();
        for (int i = 0; i < header.Count; i++) columnTypes[i] = null;
        for (int checkedRows = 0; checkedRows <= 20 && rows.MoveNext(); checkedRows++)
            if (rows.Current.Count == header.Count) TypeColumns(columnTypes, rows.Current);
        return columnTypes.Sum(kv => HeaderVote(kv.Value, header[kv.Key])) > 0;
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs)
    {
        string Text(int i, string key) => Str.Of(i < args.Length ? args[i] : kwargs.TryGetValue(key, out var v) ? v : throw new TypeError($"{name}() missing 1 required positional argument: '{key}'"));
        string? Delimiters() => args.Length > 1 ? Str.Of(args[1]) : kwargs.TryGetValue("delimiters", out var d) && d is not null ? Str.Of(d) : null;
        return name switch
        {
            "sniff" => Sniff(Text(0, "sample"), Delimiters()),
            "has_header" => HasHeader(Text(0, "sample")),
            _ => throw new AttributeError($"'Sniffer' object has no attribute '{name}'"),
        };
    }

    // ---- sniff: quoted fields ----
    private static (string Quote, bool DoubleQuote, string Delimiter, bool SkipInitialSpace) GuessQuoteAndDelimiter(string data, string? delimiters)
    {
        var (regex, matches) = QuotePatterns.Select(r => (r, r.Matches(data))).FirstOrDefault(x => x.Item2.Count > 0);
        if (regex is null) return ("", false, "", false);
        var quotes = new Tally();
        var delims = new Tally();
        int spaces = 0;
        bool hasDelim = regex.GroupNumberFromName("delim") >= 0;
        foreach (Match m in matches)
        {
            quotes.Add(m.Groups["quote"].Value);
            if (!hasDelim) continue;
            string key = m.Groups["delim"].Value;
            if (key.Length > 0 && (delimiters is null || delimiters.Contains(key, StringComparison.Ordinal))) delims.Add(key);
            if (m.Groups["space"].Value.Length > 0) spaces++;
        }
        string quotechar = quotes.Max();
        if (delims.Count == 0) return (quotechar, DoubleQuoted(data, "", quotechar), "", false);
        string delim = delims.Max();
        bool skip = delims[delim] == spaces;
        if (delim == "\n") delim = "";
        return (quotechar, DoubleQuoted(data, delim, quotechar), delim, skip);
    }

    /// <summary>An extra quote between delimiters: a doubled-quote format.</summary>
    private static bool DoubleQuoted(string data, string delim, string quote)
    {
        string d = Escape(delim), q = Escape(quote);
        return Regex.IsMatch(data, $@"(({d})|^)\W*{q}[^{d}\n]*{q}[^{d}\n]*{q}\W*(({d})|$)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    }

    // every character as \uXXXX: the same inside and outside a character class
    private static string Escape(string s) => string.Concat(s.Select(c => char.IsLetterOrDigit(c) ? c.ToString() : "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));

    // ---- sniff: character frequencies ----
    private static (string Delimiter, bool SkipInitialSpace) GuessDelimiter(string sample, string? delimiters)
    {
        var data = sample.Split('\n').Where(l => l.Length > 0).ToList();
        int chunkLength = Math.Min(10, data.Count);
        var table = new FrequencyTable();
        for (int start = 0, iteration = 1; start < data.Count; start += chunkLength, iteration++)
        {
            foreach (var line in data.Skip(start).Take(chunkLength)) table.Count(line);
            table.UpdateModes();
            table.PickDelimiters(Math.Min(chunkLength * iteration, data.Count), delimiters);
            if (table.Delimiters.Count == 1) return WithSkip(data[0], table.Delimiters[0]);
        }
        if (table.Delimiters.Count == 0) return ("", false);
        if (Preferred.FirstOrDefault(p => table.Delimiters.Contains(p[0])) is { } preferred) return WithSkip(data[0], preferred[0]);
        // nothing else decides: the character that dominates (the largest (mode, weight), then the largest character)
        var dominant = table.Delimiters.OrderBy(ch => table.Picked[ch].Freq).ThenBy(ch => table.Picked[ch].Count).ThenBy(ch => ch).Last();
        return WithSkip(data[0], dominant);
    }

    /// <summary>_guess_delimiter's tables: per character, how many lines hold it how often; its mode; the candidates.</summary>
    private sealed class FrequencyTable
    {
        private readonly Dictionary<char, Tally> _frequency = new();
        private readonly List<char> _modeOrder = new();

        public Dictionary<char, (int Freq, int Count)> Modes { get; } = new();

        /// <summary>The candidate delimiters in the order found (kept from one chunk to the next, as in CPython).</summary>
        public List<char> Delimiters { get; } = new();

        /// <summary>Each candidate's (mode, weight) when it was picked.</summary>
        public Dictionary<char, (int Freq, int Count)> Picked { get; } = new();

        public void Count(string line) => CountCharacters(_frequency, line);

        public void UpdateModes()
        {
            foreach (var (ch, tally) in _frequency)
            {
                if (Mode(tally) is not { } mode) continue;
                if (!Modes.ContainsKey(ch)) _modeOrder.Add(ch);
                Modes[ch] = mode;
            }
        }

        /// <summary>The characters in (nearly) every line as often: from 100% consistency down to 90% until one qualifies.</summary>
        public void PickDelimiters(double total, string? delimiters)
        {
            for (double consistency = 1.0; Delimiters.Count == 0 && consistency >= 0.9; consistency -= 0.01)
                foreach (var ch in _modeOrder.Where(ch => Consistent(Modes[ch], total, consistency) && (delimiters is null || delimiters.Contains(ch))))
                    Pick(ch);
        }

        private void Pick(char ch)
        {
            if (!Picked.ContainsKey(ch)) Delimiters.Add(ch);
            Picked[ch] = Modes[ch];
        }
    }

    private static void CountCharacters(Dictionary<char, Tally> frequency, string line)
    {
        var counts = new int[127];
        foreach (char c in line) if (c < 127) counts[c]++;
        for (char c = '\0'; c < 127; c++)
        {
            if (!frequency.TryGetValue(c, out var tally)) frequency[c] = tally = new Tally();
            tally.Add(counts[c].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The most frequent count of a character per line, its weight lessened by the lines with other counts; null when never seen.</summary>
    private static (int Freq, int Count)? Mode(Tally tally)
    {
        if (tally.Count == 1 && tally.Keys[0] == "0") return null;
        string best = tally.Max();
        int others = tally.Keys.Where(k => k != best).Sum(k => tally[k]);
        return (int.Parse(best, System.Globalization.CultureInfo.InvariantCulture), tally[best] - others);
    }

    private static bool Consistent((int Freq, int Count) v, double total, double consistency) => v.Freq > 0 && v.Count > 0 && v.Count / total >= consistency;

    private static (string, bool) WithSkip(string first, char delim) => (delim.ToString(), Count(first, delim.ToString()) == Count(first, delim + " "));

    private static int Count(string s, string sub)
    {
        int n = 0;
        for (int i = s.IndexOf(sub, StringComparison.Ordinal); i >= 0; i = s.IndexOf(sub, i + sub.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    // ---- has_header ----
    private static readonly object ComplexColumn = new();

    private static void TypeColumns(Dictionary<int, object?> columnTypes, PyList<string> row)
    {
        foreach (int col in columnTypes.Keys.ToList())
        {
            object thisType = IsComplex(row[col]) ? ComplexColumn : CodePoints(row[col]);
            if (Equals(thisType, columnTypes[col])) continue;
            if (columnTypes[col] is null) columnTypes[col] = thisType;
            else columnTypes.Remove(col);
        }
    }

    private static int HeaderVote(object? columnType, string header) => columnType switch
    {
        int length => CodePoints(header) != length ? 1 : -1,
        null => 1, // None(header) raises TypeError in CPython: a vote for a header
        _ => IsComplex(header) ? -1 : 1,
    };

    private static bool IsComplex(string s)
    {
        try
        {
            Modules.PyComplex.Parse(s);
            return true;
        }
        catch (ValueError) { return false; }
        catch (OverflowError) { return false; }
    }

    private static int CodePoints(string s) => s.Count(c => !char.IsLowSurrogate(c));

    /// <summary>What io.StringIO(sample) iterates: lines split after each \n.</summary>
    private static IEnumerable<string> Lines(string sample)
    {
        for (int start = 0; start < sample.Length;)
        {
            int nl = sample.IndexOf('\n', start);
            int end = nl < 0 ? sample.Length : nl + 1;
            yield return sample[start..end];
            start = end;
        }
    }

    public string PyRepr() => "<csv.Sniffer object>";

    public string PyStr() => PyRepr();

    /// <summary>Counts by key in first-seen order: Python's max() over a dict keeps the first of equal counts.</summary>
    private sealed class Tally
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

        public List<string> Keys { get; } = new();

        public int Count => Keys.Count;

        public int this[string key] => _counts[key];

        public void Add(string key)
        {
            if (!_counts.TryGetValue(key, out int n)) Keys.Add(key);
            _counts[key] = n + 1;
        }

        public string Max()
        {
            string best = Keys[0];
            foreach (var k in Keys) if (_counts[k] > _counts[best]) best = k;
            return best;
        }
    }
}
