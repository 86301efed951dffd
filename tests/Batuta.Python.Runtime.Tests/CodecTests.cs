using Batuta.Python.Runtime.Text;

namespace Batuta.Python.Runtime.Tests;

public sealed class CodecTests
{
    private static string Hex(byte[] b) => Convert.ToHexString(b).ToLowerInvariant();

    /// <summary>What a codec call gives, as one line: the hex of the bytes, the code points of the text, or the error's type and message.</summary>
    private static string Outcome(Func<object> call)
    {
        try
        {
            return call() switch
            {
                byte[] b => "b:" + Hex(b),
                string s => "s:" + string.Join(",", s.Select(c => ((int)c).ToString("x", System.Globalization.CultureInfo.InvariantCulture))),
                var o => o.ToString() ?? "",
            };
        }
        catch (PyException e)
        {
            return e.GetType().Name + ": " + e.PyStr();
        }
    }

    private const string PythonOutcome =
        "def outcome(f):\n  try:\n    r = f()\n    return 'b:' + r.hex() if isinstance(r, bytes) else 's:' + ','.join('%x' % ord(c) for c in r)\n"
        + "  except Exception as e:\n    return type(e).__name__ + ': ' + str(e)\n";

    [Fact]
    public void Every_byte_of_the_single_byte_codecs_decodes_and_encodes_back_as_CPythons()
    {
        string[] names = { "cp1252", "latin-1", "ascii", "iso8859_15", "cp437", "cp850", "mac_roman", "koi8_r", "cp1251", "iso8859_2", "cp037" };
        var expected = CPython.Lines(PythonOutcome + $"for n in {PyList(names)}:\n  t = bytes(range(256)).decode(n, 'replace')\n"
            + "  print(outcome(lambda: bytes(range(256)).decode(n)))\n  print(outcome(lambda: t.encode(n, 'replace')))\n  print(outcome(lambda: 'a\\u0100\\u0101b\\u20ac'.encode(n)))");
        var actual = names.SelectMany(n =>
        {
            string t = Codecs.Decode(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), n, "replace");
            return new[]
            {
                Outcome(() => Codecs.Decode(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), n)),
                Outcome(() => Codecs.Encode(t, n, "replace")),
                Outcome(() => Codecs.Encode("a\u0100\u0101b\u20ac", n)),
            };
        });
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Error_handlers_and_names_give_CPythons_text_bytes_and_errors()
    {
        var cases = new (string Python, Func<object> Call)[]
        {
            ("'na\\xefve \\u20ac \\U0001f600'.encode('ascii', 'xmlcharrefreplace')", () => Codecs.Encode("na\u00efve \u20ac \U0001f600", "ascii", "xmlcharrefreplace")),
            ("'na\\xefve \\u20ac \\U0001f600'.encode('Latin_1', 'backslashreplace')", () => Codecs.Encode("na\u00efve \u20ac \U0001f600", "Latin_1", "backslashreplace")),
            ("'\\U0001f600x'.encode('cp1252')", () => Codecs.Encode("\U0001f600x", "cp1252")),
            ("'\\U0001f600x'.encode('windows-1252', 'bogus')", () => Codecs.Encode("\U0001f600x", "windows-1252", "bogus")),
            ("'a\\udcffb'.encode('utf-8', 'surrogateescape')", () => Codecs.Encode("a\udcffb", "utf-8", "surrogateescape")),
            ("'a\\udcffb'.encode('utf8')", () => Codecs.Encode("a\udcffb", "utf8")),
            ("'a\\u20ac'.encode('UTF-16')", () => Codecs.Encode("a\u20ac", "UTF-16")),
            ("'a\\u20ac'.encode('utf-32-be')", () => Codecs.Encode("a\u20ac", "utf-32-be")),
            ("'a'.encode('utf-8-sig')", () => Codecs.Encode("a", "utf-8-sig")),
            ("'x'.encode('no-such')", () => Codecs.Encode("x", "no-such")),
            ("b'ok \\xe4\\xbd end \\xf0\\x9f\\x98'.decode('utf-8', 'replace')", () => Codecs.Decode(Bytes("ok \u00e4\u00bd end \u00f0\u009f\u0098"), "utf-8", "replace")),
            ("b'ok \\xe4\\xbd end'.decode('utf-8')", () => Codecs.Decode(Bytes("ok \u00e4\u00bd end"), "utf-8")),
            ("b'ok \\xe4\\xbd end'.decode('utf-8', 'backslashreplace')", () => Codecs.Decode(Bytes("ok \u00e4\u00bd end"), "utf-8", "backslashreplace")),
            ("b'ok \\xe4\\xbd end'.decode('utf-8', 'surrogateescape')", () => Codecs.Decode(Bytes("ok \u00e4\u00bd end"), "utf-8", "surrogateescape")),
            ("b'\\xef\\xbb\\xbfa'.decode('utf-8')", () => Codecs.Decode(Bytes("\u00ef\u00bb\u00bfa"), "utf-8")),
            ("b'\\xef\\xbb\\xbfa'.decode('utf_8_sig')", () => Codecs.Decode(Bytes("\u00ef\u00bb\u00bfa"), "utf_8_sig")),
            ("b'\\xfe\\xff\\x00a\\x00'.decode('utf-16')", () => Codecs.Decode(Bytes("\u00fe\u00ff\u0000a\u0000"), "utf-16")),
            ("b'a\\x00\\x00\\xd8'.decode('utf-16-le')", () => Codecs.Decode(Bytes("a\u0000\u0000\u00d8"), "utf-16-le")),
            ("b'\\x00\\x00\\x11\\x00'.decode('utf-32-le')", () => Codecs.Decode(Bytes("\u0000\u0000\u0011\u0000"), "utf-32-le")),
            ("b'ab\\x81'.decode('cp1252', 'strict')", () => Codecs.Decode(Bytes("ab\u0081"), "cp1252", "strict")),
            ("b'ab\\xe9'.decode('US-ASCII')", () => Codecs.Decode(Bytes("ab\u00e9"), "US-ASCII")),
        };
        var expected = CPython.Lines(PythonOutcome + string.Concat(cases.Select(c => $"print(outcome(lambda: {c.Python}))\n")));
        Assert.Equal(expected, cases.Select(c => Outcome(c.Call)));
    }

    private static byte[] Bytes(string latin1) => latin1.Select(c => (byte)c).ToArray();

    private static string PyList(IEnumerable<string> names) => "[" + string.Join(", ", names.Select(n => "'" + n + "'")) + "]";

    [Fact]
    public void A_memoryview_of_a_bytearray_writes_through_and_a_released_one_refuses()
    {
        var data = new PyByteArray("abcdef"u8.ToArray());
        var view = new PyMemoryView(data);
        var tail = view.Slice(2, null, null);
        tail[0] = 'C';
        view.PySetItem(new PySlice(new PyInt(4), new PyInt(6), null), new PyBytes("EF"u8.ToArray()));
        Assert.Equal("abCdEF", System.Text.Encoding.ASCII.GetString(data.ToArray()));
        Assert.Equal(new long[] { 'b', 'd', 'F' }, view.Slice(1, null, 2));
        Assert.Throws<TypeError>(() => new PyMemoryView(new PyBytes("x"u8.ToArray()))[0] = 1);
        view.Release();
        Assert.Throws<ValueError>(() => view[0]);
    }
}
