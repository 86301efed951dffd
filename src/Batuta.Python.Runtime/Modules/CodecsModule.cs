namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Python's <c>codecs</c>: <c>open</c> (a text file in the codec, with no newline translation, as codecs.open's
/// StreamReaderWriter), <c>encode</c>/<c>decode</c> for the text codecs, the BOM constants.
/// </summary>
public static class CodecsModule
{
    public static PyTextIO Open(string filename, string mode = "r", string? encoding = null, string errors = "strict") =>
        PyTextIO.Open(filename, mode.Replace("b", "").Replace("U", ""), encoding, newline: "", errors: errors);

    public static PyBytes Encode(object? obj, string encoding = "utf-8", string errors = "strict") => obj is string s
        ? new PyBytes(Text.Codecs.Encode(s, encoding, errors))
        : throw new TypeError($"utf_8_encode() argument 1 must be str, not {Dyn.TypeName(obj)}");

    public static string Decode(object? obj, string encoding = "utf-8", string errors = "strict") =>
        Text.Codecs.Decode(PyByteArray.BytesLike(obj).Data, encoding, errors);

    public static readonly PyBytes BomUtf8 = new(new byte[] { 0xEF, 0xBB, 0xBF });
    public static readonly PyBytes BomUtf16Le = new(new byte[] { 0xFF, 0xFE });
    public static readonly PyBytes BomUtf16Be = new(new byte[] { 0xFE, 0xFF });
}
