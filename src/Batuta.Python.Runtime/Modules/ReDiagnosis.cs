using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// CPython's re.error for a malformed pattern that .NET refused: a left-to-right scan in Python's syntax (as
/// sre_parse reads it) that names the first error with CPython's message and position: an unterminated or
/// unbalanced parenthesis, nothing to repeat, multiple repeat, min repeat greater than max, a bad character range,
/// an unterminated comment or character set. It returns null when it finds none of these, and the caller keeps
/// .NET's own message.
/// </summary>
internal sealed class ReDiagnosis
{
    private readonly string _p;
    private readonly bool _verbose;
    private readonly Stack<(int Pos, int Group)> _open = new(); // Group: the capturing group's number, 0 for (?:...)
    private int _groups;
    private bool _canRepeat;      // the last item is something a quantifier may follow
    private bool _afterRepeat;    // the last item is a quantifier
    private bool _repeatModified; // ... already followed by its lazy ? or possessive +
    private int _i;

    private ReDiagnosis(string pattern, bool verbose)
    {
        _p = pattern;
        _verbose = verbose;
    }

    public static ReError? Diagnose(string pattern, long flags)
    {
        bool verbose = (flags & ReFlagBits.VERBOSE) != 0 || Regex.IsMatch(pattern, @"^\(\?[aiLmsu]*x");
        try
        {
            return new ReDiagnosis(pattern, verbose).Scan();
        }
        catch (ReError e)
        {
            return e;
        }
    }

    private ReError? Scan()
    {
        for (_i = 0; _i < _p.Length; _i++)
        {
            if (SkipVerbose(_p[_i])) continue;
            if (!Step(_p[_i])) return null;
        }
        return _open.Count > 0 ? Error("missing ), unterminated subpattern", _open.Peek().Pos) : null;
    }

    /// <summary>Under re.VERBOSE, whitespace and # comments are not part of the pattern.</summary>
    private bool SkipVerbose(char c)
    {
        if (!_verbose || !(char.IsWhiteSpace(c) || c == '#')) return false;
        if (c == '#') _i = _p.IndexOf('\n', _i) is var nl && nl < 0 ? _p.Length : nl;
        return true;
    }

    /// <summary>One item of the pattern; false when it is a construct this scan does not follow.</summary>
    private bool Step(char c)
    {
        switch (c)
        {
            case '\\':
                if (_i + 1 >= _p.Length) throw Error("bad escape (end of pattern)", _i);
                _i++;
                if (_p[_i] is >= '1' and <= '9') GroupReference();
                Atom(!"AbBZ".Contains(_p[_i]));
                return true;
            case '[': CharacterSet(); Atom(true); return true;
            case '(': return OpenGroup();
            case ')': CloseGroup(); return true;
            default: return StepOther(c);
        }
    }

    /// <summary>\N: a group that exists and is closed (sre_parse: three octal digits are an octal escape instead).</summary>
    private void GroupReference()
    {
        int backslash = _i - 1;
        var digits = Regex.Match(_p.Substring(_i), @"^[0-9]{1,3}").Value;
        if (digits.Length == 3 && digits.All(d => d <= '7')) { _i += 2; return; }
        if (digits.Length > 2) digits = digits.Substring(0, 2);
        _i += digits.Length - 1;
        int group = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        if (group > _groups) throw Error($"invalid group reference {group}", backslash + 1);
        if (_open.Any(o => o.Group == group)) throw Error("cannot refer to an open group", backslash);
    }

    private void CloseGroup()
    {
        if (_open.Count == 0) throw Error("unbalanced parenthesis", _i);
        _open.Pop();
        Atom(true);
    }

    private bool StepOther(char c)
    {
        switch (c)
        {
            case '|' or '^' or '$': Atom(false); return true;
            case '*' or '+' or '?': Repeat(_i); return true;
            case '{':
                if (!Bounds()) Atom(true);
                return true;
            default: Atom(true); return true;
        }
    }

    private void Atom(bool repeatable)
    {
        _canRepeat = repeatable;
        _afterRepeat = false;
    }

    private void Repeat(int at)
    {
        if (_afterRepeat)
        {
            // one lazy '?' or possessive '+' may follow a quantifier; anything more repeats a repeat
            if (!_repeatModified && _p[at] is '?' or '+') { _repeatModified = true; return; }
            throw Error("multiple repeat", at);
        }
        if (!_canRepeat) throw Error("nothing to repeat", at);
        _afterRepeat = true;
        _repeatModified = false;
        _canRepeat = false;
    }

    /// <summary>A {m,n} quantifier (sre_parse's reading); false when the brace is a literal.</summary>
    private bool Bounds()
    {
        var m = Regex.Match(_p.Substring(_i), @"^\{(\d*)(?:(,)(\d*))?\}");
        if (!m.Success || (m.Groups[1].Length == 0 && !m.Groups[2].Success)) return false;
        if (m.Groups[1].Length > 0 && m.Groups[3].Length > 0
            && System.Numerics.BigInteger.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) < System.Numerics.BigInteger.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            throw Error("min repeat greater than max repeat", _i + 1);
        Repeat(_i);
        _i += m.Length - 1;
        return true;
    }

    private bool OpenGroup()
    {
        int start = _i;
        if (_i + 1 < _p.Length && _p[_i + 1] == '?')
        {
            var rest = _p.Substring(_i);
            if (rest.StartsWith("(?#", StringComparison.Ordinal))
            {
                int close = _p.IndexOf(')', _i);
                if (close < 0) throw Error("missing ), unterminated comment", start);
                _i = close;
                return true;
            }
            var head = Regex.Match(rest, @"^\(\?(?::|=|!|<=|<!|>|P<\w+>|[aiLmsux]*(?:-[imsx]+)?:)");
            if (!head.Success) return false;
            _i += head.Length - 1;
            _open.Push((start, head.Value.StartsWith("(?P<", StringComparison.Ordinal) ? ++_groups : 0));
            Atom(false);
            return true;
        }
        _open.Push((start, ++_groups));
        Atom(false);
        return true;
    }

    /// <summary>A [...] set: unterminated, or a range whose ends are reversed or not single characters.</summary>
    private void CharacterSet()
    {
        int start = _i++;
        if (_i < _p.Length && _p[_i] == '^') _i++;
        bool first = true;
        while (true)
        {
            if (_i >= _p.Length) throw Error("unterminated character set", start);
            if (_p[_i] == ']' && !first) return;
            first = false;
            int itemAt = _i;
            var (lo, loCode) = SetItem();
            if (_i + 1 < _p.Length && _p[_i] == '-' && _p[_i + 1] != ']')
            {
                _i++;
                CheckRange(lo, loCode, SetItem(), itemAt);
            }
        }
    }

    private void CheckRange(string lo, int? loCode, (string Text, int? Code) hi, int at)
    {
        if (loCode is null || hi.Code is null || (loCode >= 0 && hi.Code >= 0 && hi.Code < loCode))
            throw Error($"bad character range {lo}-{hi.Text}", at);
    }

    /// <summary>One set member: its text and its code point (-1: not known here), or null for a class escape such as \w.</summary>
    private (string Text, int? Code) SetItem()
    {
        if (_i >= _p.Length) throw Error("unterminated character set", _i);
        if (char.IsHighSurrogate(_p[_i]) && _i + 1 < _p.Length && char.IsLowSurrogate(_p[_i + 1]))
        {
            _i += 2;
            return (_p.Substring(_i - 2, 2), char.ConvertToUtf32(_p[_i - 2], _p[_i - 1]));
        }
        if (_p[_i] != '\\') return (_p[_i].ToString(), _p[_i++]);
        if (_i + 1 >= _p.Length) throw Error("bad escape (end of pattern)", _i);
        char d = _p[_i + 1];
        _i += 2;
        return ("\\" + d, EscapeCode(d));
    }

    private static int? EscapeCode(char d)
    {
        const string letters = "ntrfvab", values = "\n\t\r\f\v\a\b";
        if (letters.IndexOf(d) is var k && k >= 0) return values[k];
        if ("wWdDsS".Contains(d)) return null;
        return char.IsAsciiLetterOrDigit(d) ? -1 : d; // \x / \u / octal escapes: their value is not followed here
    }

    private ReError Error(string msg, int pos) => new(msg, pos, _p);
}
