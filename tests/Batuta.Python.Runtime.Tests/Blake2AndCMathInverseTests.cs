using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

public sealed class Blake2AndCMathInverseTests
{
    private static PyBytes Bytes(string ascii) => new(System.Text.Encoding.ASCII.GetBytes(ascii));

    [Fact]
    public void Blake2_matches_the_RFC_7693_vectors()
    {
        Assert.Equal("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
            HashLib.Blake2b(Bytes("abc")).HexDigest());
        Assert.Equal("508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982", HashLib.Blake2s(Bytes("abc")).HexDigest());
    }

    [Fact]
    public void Blake2_streams_keys_and_salts_as_CPython_does()
    {
        const string script = """
            import hashlib
            data = bytes(range(256)) * 3
            h = hashlib.blake2b(digest_size=20, key=b"secret", salt=b"salty", person=b"me")
            for i in range(0, len(data), 100):
                h.update(data[i:i + 100])
            print(h.hexdigest())
            print(hashlib.blake2s(data[:129], digest_size=16, key=b"k" * 32, person=b"p").hexdigest())
            print(hashlib.blake2b(b"").hexdigest())
            """;
        var expected = CPython.Lines(script);
        var data = Enumerable.Repeat(Enumerable.Range(0, 256).Select(i => (byte)i), 3).SelectMany(x => x).ToArray();
        var h = HashLib.Blake2b(null, 20, Bytes("secret"), Bytes("salty"), Bytes("me"));
        for (int i = 0; i < data.Length; i += 100) h.Update(new PyBytes(data.Skip(i).Take(100).ToArray()));
        Assert.Equal(expected[0], h.HexDigest());
        Assert.Equal(expected[1], HashLib.Blake2s(new PyBytes(data[..129]), 16, Bytes(new string('k', 32)), null, Bytes("p")).HexDigest());
        Assert.Equal(expected[2], HashLib.Blake2b(Bytes("")).HexDigest());
    }

    [Fact]
    public void Blake2_rejects_out_of_range_parameters()
    {
        Assert.Equal("digest_size must be between 1 and 32 bytes", Assert.Throws<ValueError>(() => HashLib.Blake2s(null, 33)).Message);
        Assert.Equal("maximum key length is 64 bytes", Assert.Throws<ValueError>(() => HashLib.Blake2b(null, 64, Bytes(new string('k', 65)))).Message);
    }

    [Fact]
    public void Inverse_functions_keep_CPythons_branch_cuts_and_special_values()
    {
        var acos2 = CMath.Acos(2.0);
        Assert.Equal((0.0, -1.3169578969248166), (acos2.Real, acos2.Imag));
        var root = CMath.Sqrt(new PyComplex(-1.0, -0.0));
        Assert.Equal((0.0, -1.0), (root.Real, root.Imag));
        var atanhInf = CMath.Atanh(new PyComplex(double.PositiveInfinity, 1.0));
        Assert.Equal((0.0, Math.PI / 2), (atanhInf.Real, atanhInf.Imag));
        var asinNan = CMath.Asin(new PyComplex(double.NaN, double.PositiveInfinity));
        Assert.True(double.IsNaN(asinNan.Real) && double.IsPositiveInfinity(asinNan.Imag));
        Assert.Throws<ValueError>(() => CMath.Atanh(1.0));
    }

    [Fact]
    public void Exp_and_the_hyperbolic_functions_follow_CPython_at_infinity()
    {
        var e = CMath.Exp(new PyComplex(double.PositiveInfinity, 3.0));
        Assert.Equal((double.NegativeInfinity, double.PositiveInfinity), (e.Real, e.Imag));
        var t = CMath.Tanh(new PyComplex(double.NegativeInfinity, 2.0));
        Assert.Equal((-1.0, -0.0), (t.Real, t.Imag));
        Assert.True(double.IsNegative(t.Imag));
        Assert.Equal("math domain error", Assert.Throws<ValueError>(() => CMath.Exp(new PyComplex(1.0, double.PositiveInfinity))).Message);
        Assert.Equal("math range error", Assert.Throws<OverflowError>(() => CMath.Cosh(1000.0)).Message);
        var big = CMath.Cosh(709.5);
        Assert.True(double.IsFinite(big.Real));
    }
}
