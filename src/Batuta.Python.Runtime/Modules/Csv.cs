using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;

namespace Batuta.Python.Runtime;

/// <summary>
/// Python's <c>csv</c> module (its dialects, built-in and registered, and their options), following CPython 3.11's
/// <c>_csv.c</c>: the reader's state machine (quoted fields span lines, doubled quotes, escaped characters, a blank
/// line is an empty row) and the writer's quoting rules (QUOTE_MINIMAL quotes a field holding the delimiter, the quote
/// character or a line-terminator character, and a record made of one empty field).
/// </summary>
public static class CsvModule
{
    public const long QUOTE_MINIMAL = 0, QUOTE_ALL = 1, QUOTE_NONNUMERIC = 2, QUOTE_NONE = 3;

    /// <summary><c>csv.reader(lines, dialect, ...)</c>: one list of strings per record.</summary>
    public static IEnumerable<PyList<string>> Reader(IEnumerable<string> lines, CsvDialect? dialect = null)
    {
        dialect ??= CsvDialect.Of();
        if (dialect.Quoting == QUOTE_NONNUMERIC) throw new NotSupportedException("csv.reader with quoting=csv.QUOTE_NONNUMERIC from a dialect is not supported by Batuta (its rows mix floats and strings); pass quoting=csv.QUOTE_NONNUMERIC by keyword");
        return new CsvReader(lines, new CsvParser(dialect));
    }

    /// <summary>
    /// <c>csv.reader(lines, quoting=csv.QUOTE_NONNUMERIC)</c>: a field that starts unquoted (and is not empty) is a float,
    /// a ValueError when it does not parse, as in CPython.
    /// </summary>
    public static IEnumerable<PyList<object?>> ReaderNonNumeric(IEnumerable<string> lines, CsvDialect dialect)
    {
        var parser = new CsvParser(dialect);
        foreach (var record in new CsvReader(lines, parser))
            yield return new PyList<object?>(record.Select((field, i) => parser.IsNumeric(i) ? (object?)FloatFormat.Parse(field) : field));
    }

    /// <summary><c>csv.writer(file, dialect, ...)</c>.</summary>
    public static CsvWriter Writer(PyTextIO file, CsvDialect? dialect = null) => new(file, dialect ?? CsvDialect.Of());

    /// <summary><c>csv.DictReader(lines, fieldnames=None, restval="...", ...)</c>: one dict of strings per non-blank record.</summary>
    public static CsvDictReader<string> DictReader(IEnumerable<string> lines, IEnumerable<string>? fieldnames = null, string? restval = null, CsvDialect? dialect = null) =>
        new((CsvReader)Reader(lines, dialect), fieldnames?.ToList(), (fields, names) => restval ?? ShortRow(fields, names));

    /// <summary>DictReader with a restval that is not a str (0, None): its rows mix strings and that value.</summary>
    public static CsvDictReader<object?> DictReaderOf(IEnumerable<string> lines, object? restval, IEnumerable<string>? fieldnames = null, CsvDialect? dialect = null) =>
        new((CsvReader)Reader(lines, dialect), fieldnames?.ToList(), (_, _) => restval);

    // Python fills the missing fields with None; Batuta's rows are dicts of strings, so that needs restval="" (or any string).
    internal static string ShortRow(int fields, int names) =>
        throw new NotSupportedException($"csv.DictReader: a row has {fields} fields for {names} field names and restval is None; pass restval=\"\" (Batuta's rows hold strings only)");

    /// <summary><c>csv.DictWriter(file, fieldnames, restval="", extrasaction="raise", dialect, ...)</c>.</summary>
    public static CsvDictWriter DictWriter(PyTextIO file, IEnumerable<string> fieldnames, object? restval = null, string extrasaction = "raise", CsvDialect? dialect = null)
    {
        if (extrasaction is not ("raise" or "ignore")) throw new ValueError($"extrasaction ({extrasaction}) must be 'raise' or 'ignore'");
        return new CsvDictWriter(Writer(file, dialect), fieldnames.ToList(), restval ?? "", extrasaction == "raise");
    }

    /// <summary><c>csv.register_dialect(name, dialect, **options)</c>.</summary>
    public static void RegisterDialect(string name, CsvDialect? dialect = null) => CsvDialect.Register(name, dialect ?? CsvDialect.Of());

    public static void UnregisterDialect(string name) => CsvDialect.Unregister(name);

    public static CsvDialect GetDialect(string name) => CsvDialect.Named(name);

    public static PyList<string> ListDialects() => CsvDialect.Names();
}

/// <summary>
/// A csv dialect (CPython's <c>_csv.Dialect</c>): a named or given dialect with keyword options applied over it,
/// validated as CPython validates them.
/// </summary>
public sealed class CsvDialect : IPyAttributes, IPyObject
{
    private static readonly CsvDialect Excel = new(',', '"', null, true, false, "\r\n", CsvModule.QUOTE_MINIMAL, false);

    // registration order is list_dialects() order
    private static readonly List<(string Name, CsvDialect Dialect)> Registry =
    [
        ("excel", Excel),
        ("excel-tab", new('\t', '"', null, true, false, "\r\n", CsvModule.QUOTE_MINIMAL, false)),
        ("unix", new(',', '"', null, true, false, "\n", CsvModule.QUOTE_ALL, false)),
    ];

    private CsvDialect(char delimiter, char? quotechar, char? escapechar, bool doublequote, bool skipinitialspace, string lineterminator, long quoting, bool strict) =>
        (Delimiter, QuoteChar, EscapeChar, DoubleQuote, SkipInitialSpace, LineTerminator, Quoting, Strict) =
        (delimiter, quotechar, escapechar, doublequote, skipinitialspace, lineterminator, quoting, strict);

    /// <summary>The dialect csv.Sniffer().sniff() builds: excel's options but the guessed ones.</summary>
    internal static CsvDialect Sniffed(char delimiter, char quotechar, bool doublequote, bool skipinitialspace) =>
        new(delimiter, quotechar, null, doublequote, skipinitialspace, "\r\n", CsvModule.QUOTE_MINIMAL, false);

    internal char Delimiter { get; }
    internal char? QuoteChar { get; }
    internal char? EscapeChar { get; }
    internal bool DoubleQuote { get; }
    internal bool SkipInitialSpace { get; }
    internal string LineTerminator { get; }
    internal long Quoting { get; }
    internal bool Strict { get; }

    /// <summary>The dialect (a registered name, a dialect, or excel when null) with the given options over it.</summary>
    public static CsvDialect Of(object? dialect = null, string? delimiter = null, string? quotechar = null, string? escapechar = null, bool? doublequote = null,
        bool? skipinitialspace = null, string? lineterminator = null, long? quoting = null, bool? strict = null)
    {
        var d = Base(dialect);
        return Validated(new CsvDialect(Char(delimiter, "delimiter") ?? d.Delimiter, Char(quotechar, "quotechar") ?? d.QuoteChar,
            Char(escapechar, "escapechar") ?? d.EscapeChar, doublequote ?? d.DoubleQuote, skipinitialspace ?? d.SkipInitialSpace,
            lineterminator ?? d.LineTerminator, quoting ?? d.Quoting, strict ?? d.Strict));
    }

    private static CsvDialect Base(object? dialect) => dialect switch
    {
        null => Excel,
        CsvDialect given => given,
        string name => Named(name),
        Type cls => FromClass(cls),
        _ => throw new TypeError($"Batuta's csv takes a dialect by name or from csv.get_dialect(), not a {Py.TypeName(dialect)}"),
    };

    /// <summary>
    /// A class as a dialect (a csv.Dialect subclass passed uninstantiated): its class attributes, excel's values for the
    /// ones it lacks (CPython's defaults for an attribute it cannot read).
    /// </summary>
    private static CsvDialect FromClass(Type cls) => Validated(new CsvDialect(
        ClassOption(cls, "delimiter", Excel.Delimiter, v => Single(Str.Of(v), "delimiter")),
        ClassOption(cls, "quotechar", Excel.QuoteChar, v => v is null ? null : Single(Str.Of(v), "quotechar")),
        ClassOption(cls, "escapechar", Excel.EscapeChar, v => v is null ? null : Single(Str.Of(v), "escapechar")),
        ClassOption(cls, "doublequote", Excel.DoubleQuote, Dyn.Truth),
        ClassOption(cls, "skipinitialspace", Excel.SkipInitialSpace, Dyn.Truth),
        ClassOption(cls, "lineterminator", Excel.LineTerminator, v => Str.Of(v)),
        ClassOption(cls, "quoting", Excel.Quoting, v => (long)Dyn.Cast<PyInt>(v)),
        ClassOption(cls, "strict", Excel.Strict, Dyn.Truth)));

    private static T ClassOption<T>(Type cls, string name, T fallback, Func<object?, T> convert) =>
        Dyn.TryClassAttr(cls, name, out var value) ? convert(value) : fallback;

    private static CsvDialect Validated(CsvDialect d)
    {
        if (d.Quoting is < CsvModule.QUOTE_MINIMAL or > CsvModule.QUOTE_NONE) throw new TypeError("bad \"quoting\" value");
        if (d.QuoteChar is null && d.Quoting != CsvModule.QUOTE_NONE) throw new TypeError("quotechar must be set if quoting enabled");
        return d;
    }

    private static char? Char(string? s, string name) => s is null ? null : Single(s, name);

    private static char Single(string s, string name) =>
        s.Length == 1 ? s[0] : throw new TypeError($"\"{name}\" must be a 1-character string");

    internal static CsvDialect Named(string name) =>
        Registry.FirstOrDefault(r => r.Name == name).Dialect ?? throw new CsvError("unknown dialect");

    internal static void Register(string name, CsvDialect dialect)
    {
        int at = Registry.FindIndex(r => r.Name == name);
        if (at >= 0) Registry[at] = (name, dialect);
        else Registry.Add((name, dialect));
    }

    internal static void Unregister(string name)
    {
        if (Registry.RemoveAll(r => r.Name == name) == 0) throw new CsvError("unknown dialect");
    }

    internal static PyList<string> Names() => new(Registry.Select(r => r.Name));

    private static readonly Dictionary<string, Func<CsvDialect, object?>> Attributes = new()
    {
        ["delimiter"] = d => d.Delimiter.ToString(),
        ["quotechar"] = d => d.QuoteChar?.ToString(),
        ["escapechar"] = d => d.EscapeChar?.ToString(),
        ["doublequote"] = d => d.DoubleQuote,
        ["skipinitialspace"] = d => d.SkipInitialSpace,
        ["lineterminator"] = d => d.LineTerminator,
        ["quoting"] = d => new PyInt(d.Quoting),
        ["strict"] = d => d.Strict,
    };

    public bool TryGetAttr(string name, out object? value)
    {
        bool known = Attributes.TryGetValue(name, out var get);
        value = get?.Invoke(this);
        return known;
    }

    public string PyStr() => "<_csv.Dialect object>";

    public string PyRepr() => PyStr();
}

/// <summary>
/// csv.DictReader: a one-pass iterator of dicts; <c>fieldnames</c> reads the header row when first asked for (before
/// or during iteration), as Python's does.
/// </summary>
/// <param name="missing">The value of a field a short row lacks, given the row's and the names' counts.</param>
public sealed class CsvDictReader<TValue>(CsvReader reader, List<string>? names, Func<int, int, TValue> missing) : IEnumerable<PyDict<string, TValue>>, IPyAttributes
{
    private readonly IEnumerator<PyList<string>> rows = reader.GetEnumerator();
    private bool _headerRead = names is not null;

    /// <summary>The field names: given, or the first row (None when the input is empty).</summary>
    public PyList<string>? FieldNames
    {
        get
        {
            if (!_headerRead)
            {
                _headerRead = true;
                if (rows.MoveNext()) names = rows.Current.ToList();
            }
            return names is null ? null : new PyList<string>(names);
        }
    }

    public bool TryGetAttr(string name, out object? value)
    {
        if (name == "line_num") return reader.TryGetAttr(name, out value);
        value = name == "fieldnames" ? FieldNames : null;
        return name == "fieldnames";
    }

    public IEnumerator<PyDict<string, TValue>> GetEnumerator()
    {
        if (FieldNames is null) yield break;
        var fields = names.OrThrow();
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.Count == 0) continue;
            if (row.Count > fields.Count)
                throw new NotSupportedException($"csv.DictReader: a row has {row.Count} fields for {fields.Count} field names; Python keeps the extra ones under restkey, which Batuta does not support");
            var d = new PyDict<string, TValue>();
            // a field's text is a TValue: TValue is string, or object? when restval is not a str
            for (int i = 0; i < fields.Count; i++) d[fields[i]] = i < row.Count ? (TValue)(object)row[i] : missing(row.Count, fields.Count);
            yield return d;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// csv.reader's object: its records, and <c>line_num</c>, the number of source lines read so far (a quoted field
/// across lines counts each line, as CPython's does).
/// </summary>
public sealed class CsvReader : IEnumerable<PyList<string>>, IPyAttributes
{
    private readonly IEnumerable<PyList<string>> _records;
    private long _lineNum;

    internal CsvReader(IEnumerable<string> lines, CsvParser parser) => _records = parser.Records(Counted(lines));

    public long LineNum => _lineNum;

    private IEnumerable<string> Counted(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            _lineNum++;
            yield return line;
        }
    }

    public bool TryGetAttr(string name, out object? value)
    {
        value = name == "line_num" ? new PyInt(_lineNum) : null;
        return value is not null;
    }

    public IEnumerator<PyList<string>> GetEnumerator() => _records.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The reader's state machine (CPython's <c>parse_process_char</c>), fed one line at a time.</summary>
internal sealed class CsvParser(CsvDialect dialect)
{
    private enum State { StartRecord, StartField, EscapedChar, InField, InQuotedField, EscapeInQuotedField, QuoteInQuotedField, EatCrNl, AfterEscapedCrNl }

    private const char Eol = '\uFFFF';
    private readonly StringBuilder _field = new();
    private PyList<string> _fields = new();
    private State _state = State.StartRecord;
    // QUOTE_NONNUMERIC: the fields of the record being read, then of the one last returned, that began unquoted
    private List<bool> _numeric = new();
    private List<bool> _returnedNumeric = new();
    private bool _numericField;

    /// <summary>Whether field i of the record last returned is a number (QUOTE_NONNUMERIC's unquoted field).</summary>
    public bool IsNumeric(int i) => i < _returnedNumeric.Count && _returnedNumeric[i];

    public IEnumerable<PyList<string>> Records(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            foreach (char c in line)
            {
                if (c == '\0') throw new CsvError("line contains NUL");
                Process(c);
            }
            Process(Eol);
            if (_state != State.StartRecord) continue;
            var record = _fields;
            _fields = new PyList<string>();
            (_returnedNumeric, _numeric) = (_numeric, new List<bool>());
            yield return record;
        }
        // End of input inside a record (a quoted field left open, or a field without a line end): non-strict CPython keeps it.
        if (_field.Length != 0 || _state == State.InQuotedField)
        {
            if (dialect.Strict) throw new CsvError("unexpected end of data");
            SaveField();
            _returnedNumeric = _numeric;
            yield return _fields;
        }
    }

    private bool IsQuote(char c) => dialect.QuoteChar == c && dialect.Quoting != CsvModule.QUOTE_NONE;

    private bool IsEscape(char c) => dialect.EscapeChar == c;

    private static bool IsLineEnd(char c) => c is '\n' or '\r' or Eol;

    private void Process(char c)
    {
        switch (_state)
        {
            case State.StartRecord: StartRecord(c); return;
            case State.StartField: StartField(c); return;
            case State.EscapedChar: EscapedChar(c); return;
            case State.AfterEscapedCrNl: AfterEscapedCrNl(c); return;
            case State.InField: InField(c); return;
            case State.InQuotedField: InQuotedField(c); return;
            case State.EscapeInQuotedField: EscapeInQuotedField(c); return;
            case State.QuoteInQuotedField: QuoteInQuotedField(c); return;
            default: EatCrNl(c); return;
        }
    }

    private void StartRecord(char c)
    {
        if (c == Eol) return;
        if (c is '\n' or '\r')
        {
            _state = State.EatCrNl;
            return;
        }
        _state = State.StartField;
        StartField(c);
    }

    private void StartField(char c)
    {
        if (IsLineEnd(c)) EndRecord(c);
        else if (IsQuote(c)) _state = State.InQuotedField;
        else if (IsEscape(c)) _state = State.EscapedChar;
        else if (c == ' ' && dialect.SkipInitialSpace) { }
        else if (c == dialect.Delimiter) SaveField();
        else
        {
            _field.Append(c);
            _numericField = dialect.Quoting == CsvModule.QUOTE_NONNUMERIC;
            _state = State.InField;
        }
    }

    // an escaped line end stays in the field, and the line's end after it is not a record's end
    private void EscapedChar(char c)
    {
        _field.Append(c == Eol ? '\n' : c);
        _state = c is '\n' or '\r' ? State.AfterEscapedCrNl : State.InField;
    }

    private void AfterEscapedCrNl(char c)
    {
        if (c != Eol) InField(c);
    }

    private void EscapeInQuotedField(char c)
    {
        _field.Append(c == Eol ? '\n' : c);
        _state = State.InQuotedField;
    }

    private void InField(char c)
    {
        if (IsLineEnd(c)) EndRecord(c);
        else if (IsEscape(c)) _state = State.EscapedChar;
        else if (c == dialect.Delimiter)
        {
            SaveField();
            _state = State.StartField;
        }
        else _field.Append(c);
    }

    private void InQuotedField(char c)
    {
        if (c == Eol) return;
        if (IsEscape(c)) _state = State.EscapeInQuotedField;
        else if (IsQuote(c)) _state = dialect.DoubleQuote ? State.QuoteInQuotedField : State.InField;
        else _field.Append(c);
    }

    private void QuoteInQuotedField(char c)
    {
        if (IsQuote(c))
        {
            _field.Append(c);
            _state = State.InQuotedField;
        }
        else if (c == dialect.Delimiter)
        {
            SaveField();
            _state = State.StartField;
        }
        else if (IsLineEnd(c)) EndRecord(c);
        else if (dialect.Strict) throw new CsvError($"'{dialect.Delimiter}' expected after '{dialect.QuoteChar}'");
        else
        {
            _field.Append(c);
            _state = State.InField;
        }
    }

    private void EatCrNl(char c)
    {
        if (c is '\n' or '\r') return;
        if (c == Eol)
        {
            _state = State.StartRecord;
            return;
        }
        throw new CsvError("new-line character seen in unquoted field - do you need to open the file with newline=''?");
    }

    private void EndRecord(char c)
    {
        SaveField();
        _state = c == Eol ? State.StartRecord : State.EatCrNl;
    }

    private void SaveField()
    {
        _fields.Append(_field.ToString());
        _numeric.Add(_numericField);
        _numericField = false;
        _field.Clear();
    }
}

/// <summary><c>csv.writer</c>'s object.</summary>
public sealed class CsvWriter : IPyObject
{
    private readonly PyTextIO _file;
    private readonly char _delimiter;
    private readonly char? _quotechar;
    private readonly string _lineterminator;
    private readonly long _quoting;
    private readonly CsvDialect _dialect;

    internal CsvWriter(PyTextIO file, CsvDialect dialect) =>
        (_file, _dialect, _delimiter, _quotechar, _lineterminator, _quoting) = (file, dialect, dialect.Delimiter, dialect.QuoteChar, dialect.LineTerminator, dialect.Quoting);

    public string PyStr() => "<_csv.writer object>";

    public string PyRepr() => PyStr();

    /// <summary><c>writerow(row)</c>: any iterable (a string writes one field per character, as in Python); returns what file.write returned.</summary>
    public long WriteRow(object? row)
    {
        var fields = Fields(row);
        var line = new StringBuilder();
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) line.Append(_delimiter);
            Append(line, fields[i]);
        }
        if (fields.Count == 1 && line.Length == 0)
        {
            if (_quoting == CsvModule.QUOTE_NONE) throw new CsvError("single empty field record must be quoted");
            line.Append(_quotechar).Append(_quotechar);
        }
        line.Append(_lineterminator);
        return _file.Write(line.ToString());
    }

    /// <summary><c>writerows(rows)</c>.</summary>
    public void WriteRows(object? rows)
    {
        foreach (var row in Items(rows)) WriteRow(row);
    }

    private static List<object?> Fields(object? row) => Items(row).ToList();

    private static IEnumerable<object?> Items(object? value) => value switch
    {
        IEnumerable e => e.Cast<object?>(),
        ITuple t => Enumerable.Range(0, t.Length).Select(i => t[i]),
        _ => throw new CsvError($"iterable expected, not {Py.TypeName(value)}"),
    };

    private void Append(StringBuilder line, object? value)
    {
        string text = value is null ? "" : Str.Of(value);
        var body = new StringBuilder(text.Length);
        bool quoted = QuotedByPolicy(value) | Escape(text, body);
        if (quoted) line.Append(_quotechar).Append(body).Append(_quotechar);
        else line.Append(body);
    }

    private bool QuotedByPolicy(object? value) => _quoting switch
    {
        CsvModule.QUOTE_ALL => true,
        // None is written as '' and quoted like any string (CPython 3.11); numbers (bool included) are not
        CsvModule.QUOTE_NONNUMERIC => value is not (long or int or double or float or bool or PyInt),
        _ => false,
    };

    /// <summary>
    /// Copies the field, doubling or escaping quote characters and escaping the escape character (CPython's
    /// join_append_data); true when a special character forces quotes.
    /// </summary>
    private bool Escape(string text, StringBuilder body)
    {
        bool special = false;
        foreach (char c in text)
        {
            if (IsSpecial(c))
            {
                bool escape = _quoting == CsvModule.QUOTE_NONE || c == _dialect.EscapeChar || (c == _quotechar && !_dialect.DoubleQuote);
                if (!escape && c == _quotechar) body.Append(c);
                special |= !escape;
                if (escape) body.Append(_dialect.EscapeChar ?? throw new CsvError("need to escape, but no escapechar set"));
            }
            body.Append(c);
        }
        return special;
    }

    private bool IsSpecial(char c) => c == _delimiter || c == _dialect.EscapeChar || c == _quotechar || _lineterminator.IndexOf(c) >= 0;
}

/// <summary><c>csv.DictWriter</c>'s object.</summary>
public sealed class CsvDictWriter : IPyObject
{
    private readonly CsvWriter _writer;
    private readonly List<string> _fieldnames;
    private readonly object _restval;
    private readonly bool _raiseOnExtras;

    internal CsvDictWriter(CsvWriter writer, List<string> fieldnames, object restval, bool raiseOnExtras) =>
        (_writer, _fieldnames, _restval, _raiseOnExtras) = (writer, fieldnames, restval, raiseOnExtras);

    public PyList<string> FieldNames => new(_fieldnames);

    public string PyStr() => "<csv.DictWriter object>";

    public string PyRepr() => PyStr();

    public long WriteHeader() => _writer.WriteRow(_fieldnames);

    public long WriteRow(object? rowdict)
    {
        if (rowdict is not IPyDict d) throw new AttributeError($"'{Py.TypeName(rowdict)}' object has no attribute 'keys'");
        if (_raiseOnExtras)
        {
            var wrong = d.ItemsObject().Select(kv => kv.Key).Where(k => !(k is string s && _fieldnames.Contains(s))).ToList();
            if (wrong.Count > 0) throw new ValueError("dict contains fields not in fieldnames: " + string.Join(", ", wrong.Select(Repr.Of)));
        }
        return _writer.WriteRow(_fieldnames.Select(k => d.ContainsKeyObject(k) ? d.GetItem(k) : _restval).ToList());
    }

    public void WriteRows(object? rows)
    {
        foreach (var row in rows as IEnumerable ?? throw new CsvError("iterable expected")) WriteRow(row);
    }
}

/// <summary><c>csv.Error</c>.</summary>
public sealed class CsvError : PyException
{
    public CsvError(string message) : base(message) { }

    protected override string? PyTypeNameOverride => "Error";

    public override string PyModule => "_csv";
}
