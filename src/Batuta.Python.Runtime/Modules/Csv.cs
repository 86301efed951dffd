using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;

namespace Batuta.Python.Runtime;

/// <summary>
/// Python's <c>csv</c> module (the default "excel" dialect and its delimiter, quotechar, quoting,
/// lineterminator and skipinitialspace options), following CPython 3.11's <c>_csv.c</c>: the reader's state
/// machine (quoted fields span lines, doubled quotes, a blank line is an empty row) and the writer's quoting
/// rules (QUOTE_MINIMAL quotes a field holding the delimiter, the quote character or a line-terminator
/// character, and a record made of one empty field).
/// </summary>
public static class CsvModule
{
    public const long QUOTE_MINIMAL = 0, QUOTE_ALL = 1, QUOTE_NONNUMERIC = 2, QUOTE_NONE = 3;

    /// <summary><c>csv.reader(lines, ...)</c>: one list of strings per record.</summary>
    public static IEnumerable<PyList<string>> Reader(IEnumerable<string> lines, string delimiter = ",", string quotechar = "\"", bool skipinitialspace = false, long quoting = QUOTE_MINIMAL)
    {
        if (quoting == QUOTE_NONNUMERIC) throw new NotSupportedException("csv.reader with quoting=csv.QUOTE_NONNUMERIC is not supported by Batuta (its rows mix floats and strings)");
        return new CsvReader(lines, new CsvParser(Single(delimiter, "delimiter"), Optional(quotechar, "quotechar"), skipinitialspace, quoting));
    }

    /// <summary><c>csv.writer(file, ...)</c>.</summary>
    public static CsvWriter Writer(PyTextIO file, string delimiter = ",", string quotechar = "\"", string lineterminator = "\r\n", long quoting = QUOTE_MINIMAL) =>
        new(file, Single(delimiter, "delimiter"), Optional(quotechar, "quotechar"), lineterminator, quoting);

    /// <summary><c>csv.DictReader(lines, fieldnames=None, restval=None, ...)</c>: one dict per non-blank record.</summary>
    public static CsvDictReader DictReader(IEnumerable<string> lines, IEnumerable<string>? fieldnames = null, string? restval = null, string delimiter = ",", string quotechar = "\"", bool skipinitialspace = false) =>
        DictReaderOf((CsvReader)Reader(lines, delimiter, quotechar, skipinitialspace), fieldnames, restval);

    private static CsvDictReader DictReaderOf(CsvReader reader, IEnumerable<string>? fieldnames, string? restval) =>
        new(reader.GetEnumerator(), fieldnames?.ToList(), restval) { Reader = reader };

    // Python fills the missing fields with None; Batuta's rows are dicts of strings, so that needs restval="" (or any string).
    internal static string ShortRow(int fields, int names) =>
        throw new NotSupportedException($"csv.DictReader: a row has {fields} fields for {names} field names and restval is None; pass restval=\"\" (Batuta's rows hold strings only)");

    /// <summary><c>csv.DictWriter(file, fieldnames, restval="", extrasaction="raise", ...)</c>.</summary>
    public static CsvDictWriter DictWriter(PyTextIO file, IEnumerable<string> fieldnames, string restval = "", string extrasaction = "raise", string delimiter = ",", string quotechar = "\"", string lineterminator = "\r\n", long quoting = QUOTE_MINIMAL)
    {
        if (extrasaction is not ("raise" or "ignore")) throw new ValueError($"extrasaction ({extrasaction}) must be 'raise' or 'ignore'");
        return new CsvDictWriter(Writer(file, delimiter, quotechar, lineterminator, quoting), fieldnames.ToList(), restval, extrasaction == "raise");
    }

    private static char Single(string s, string name) =>
        s.Length == 1 ? s[0] : throw new TypeError($"\"{name}\" must be a 1-character string");

    private static char? Optional(string? s, string name) => s is null ? null : Single(s, name);
}

/// <summary>
/// csv.DictReader: a one-pass iterator of dicts; <c>fieldnames</c> reads the header row when first asked for (before
/// or during iteration), as Python's does.
/// </summary>
public sealed class CsvDictReader(IEnumerator<PyList<string>> rows, List<string>? names, string? restval) : IEnumerable<PyDict<string, string>>, IPyAttributes
{
    private bool _headerRead = names is not null;

    /// <summary>The underlying reader (its line_num is the DictReader's).</summary>
    internal CsvReader? Reader { get; init; }

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
        if (name == "line_num" && Reader is not null) return Reader.TryGetAttr(name, out value);
        value = name == "fieldnames" ? FieldNames : null;
        return name == "fieldnames";
    }

    public IEnumerator<PyDict<string, string>> GetEnumerator()
    {
        if (FieldNames is null) yield break;
        var fields = names.OrThrow();
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.Count == 0) continue;
            if (row.Count > fields.Count)
                throw new NotSupportedException($"csv.DictReader: a row has {row.Count} fields for {fields.Count} field names; Python keeps the extra ones under restkey, which Batuta does not support");
            var d = new PyDict<string, string>();
            for (int i = 0; i < fields.Count; i++) d[fields[i]] = i < row.Count ? row[i] : restval ?? CsvModule.ShortRow(row.Count, fields.Count);
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
internal sealed class CsvParser(char delimiter, char? quotechar, bool skipInitialSpace, long quoting)
{
    private enum State { StartRecord, StartField, InField, InQuotedField, QuoteInQuotedField, EatCrNl }

    private const char Eol = '\uFFFF';
    private readonly StringBuilder _field = new();
    private PyList<string> _fields = new();
    private State _state = State.StartRecord;

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
            yield return record;
        }
        // End of input inside a record (a quoted field left open, or a field without a line end): non-strict CPython keeps it.
        if (_field.Length != 0 || _state == State.InQuotedField)
        {
            SaveField();
            yield return _fields;
        }
    }

    private bool IsQuote(char c) => quotechar == c && quoting != CsvModule.QUOTE_NONE;

    private static bool IsLineEnd(char c) => c is '\n' or '\r' or Eol;

    private void Process(char c)
    {
        switch (_state)
        {
            case State.StartRecord:
                if (c == Eol) return;
                if (c is '\n' or '\r')
                {
                    _state = State.EatCrNl;
                    return;
                }
                _state = State.StartField;
                StartField(c);
                return;
            case State.StartField: StartField(c); return;
            case State.InField: InField(c); return;
            case State.InQuotedField: InQuotedField(c); return;
            case State.QuoteInQuotedField: QuoteInQuotedField(c); return;
            default: EatCrNl(c); return;
        }
    }

    private void StartField(char c)
    {
        if (IsLineEnd(c)) EndRecord(c);
        else if (IsQuote(c)) _state = State.InQuotedField;
        else if (c == ' ' && skipInitialSpace) { }
        else if (c == delimiter) SaveField();
        else
        {
            _field.Append(c);
            _state = State.InField;
        }
    }

    private void InField(char c)
    {
        if (IsLineEnd(c)) EndRecord(c);
        else if (c == delimiter)
        {
            SaveField();
            _state = State.StartField;
        }
        else _field.Append(c);
    }

    private void InQuotedField(char c)
    {
        if (c == Eol) return;
        if (IsQuote(c)) _state = State.QuoteInQuotedField;
        else _field.Append(c);
    }

    private void QuoteInQuotedField(char c)
    {
        if (IsQuote(c))
        {
            _field.Append(c);
            _state = State.InQuotedField;
        }
        else if (c == delimiter)
        {
            SaveField();
            _state = State.StartField;
        }
        else if (IsLineEnd(c)) EndRecord(c);
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

    internal CsvWriter(PyTextIO file, char delimiter, char? quotechar, string lineterminator, long quoting)
    {
        if (quoting is < CsvModule.QUOTE_MINIMAL or > CsvModule.QUOTE_NONE) throw new TypeError("bad \"quoting\" value");
        if (quotechar is null && quoting != CsvModule.QUOTE_NONE) throw new TypeError("quotechar must be set if quoting enabled");
        (_file, _delimiter, _quotechar, _lineterminator, _quoting) = (file, delimiter, quotechar, lineterminator, quoting);
    }

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

    /// <summary>Copies the field, doubling quote characters; true when a special character forces quotes.</summary>
    private bool Escape(string text, StringBuilder body)
    {
        bool special = false;
        foreach (char c in text)
        {
            bool isSpecial = c == _delimiter || c == _quotechar || _lineterminator.IndexOf(c) >= 0;
            if (isSpecial && _quoting == CsvModule.QUOTE_NONE) throw new CsvError("need to escape, but no escapechar set");
            special |= isSpecial;
            if (c == _quotechar) body.Append(c);
            body.Append(c);
        }
        return special;
    }
}

/// <summary><c>csv.DictWriter</c>'s object.</summary>
public sealed class CsvDictWriter : IPyObject
{
    private readonly CsvWriter _writer;
    private readonly List<string> _fieldnames;
    private readonly string _restval;
    private readonly bool _raiseOnExtras;

    internal CsvDictWriter(CsvWriter writer, List<string> fieldnames, string restval, bool raiseOnExtras) =>
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
