namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Raw deflate decoding (RFC 1951, after Mark Adler's puff) over input that may stop anywhere. decompressobj needs
/// what .NET's DeflateStream does not tell: where the stream ends (eof, unused_data) and the output of a prefix.
/// </summary>
internal static class ZlibInflate
{
    /// <summary>The output so far, the input bytes used, and whether the final block ended.</summary>
    internal readonly record struct Result(byte[] Output, int Consumed, bool Finished);

    private sealed class NeedInput : Exception;

    private static readonly int[] LengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    private static readonly int[] LengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    private static readonly int[] DistBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    private static readonly int[] DistExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
    private static readonly int[] CodeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

    /// <summary>Decodes the deflate stream at data[start..]; input that runs out gives what it decoded so far.</summary>
    public static Result Run(byte[] data, int start)
    {
        var s = new State(data, start);
        bool last = false;
        try
        {
            while (!last)
            {
                last = s.Bits(1) == 1;
                Block(s, s.Bits(2));
            }
        }
        catch (NeedInput)
        {
            return new Result(s.Output.ToArray(), data.Length - start, false);
        }
        return new Result(s.Output.ToArray(), s.Consumed - start, true);
    }

    private static void Block(State s, int type)
    {
        switch (type)
        {
            case 0: Stored(s); break;
            case 1: Codes(s, FixedLengths.Value.Lit, FixedLengths.Value.Dist); break;
            case 2: Dynamic(s); break;
            default: throw Invalid("invalid block type");
        }
    }

    private static ZlibError Invalid(string what) => new($"Error -3 while decompressing data: {what}");

    private static void Stored(State s)
    {
        s.Align();
        int len = s.Bits(16), nlen = s.Bits(16);
        if (len != (~nlen & 0xffff)) throw Invalid("invalid stored block lengths");
        for (int i = 0; i < len; i++) s.Output.Add(s.Byte());
    }

    private static readonly Lazy<(Huffman Lit, Huffman Dist)> FixedLengths = new(() =>
    {
        var lengths = new int[288];
        for (int i = 0; i < 288; i++) lengths[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
        return (new Huffman(lengths), new Huffman(Enumerable.Repeat(5, 30).ToArray()));
    });

    private static void Dynamic(State s)
    {
        int nlen = s.Bits(5) + 257, ndist = s.Bits(5) + 1, ncode = s.Bits(4) + 4;
        var codeLengths = new int[19];
        for (int i = 0; i < ncode; i++) codeLengths[CodeLengthOrder[i]] = s.Bits(3);
        var lencode = new Huffman(codeLengths);
        var lengths = new int[nlen + ndist];
        for (int i = 0; i < lengths.Length;)
        {
            int symbol = lencode.Decode(s);
            if (symbol < 16) { lengths[i++] = symbol; continue; }
            (int value, int repeat) = symbol switch
            {
                16 => (i > 0 ? lengths[i - 1] : throw Invalid("invalid bit length repeat"), 3 + s.Bits(2)),
                17 => (0, 3 + s.Bits(3)),
                _ => (0, 11 + s.Bits(7)),
            };
            if (i + repeat > lengths.Length) throw Invalid("invalid bit length repeat");
            while (repeat-- > 0) lengths[i++] = value;
        }
        Codes(s, new Huffman(lengths[..nlen]), new Huffman(lengths[nlen..]));
    }

    private static void Codes(State s, Huffman lit, Huffman dist)
    {
        while (true)
        {
            int symbol = lit.Decode(s);
            if (symbol < 256) { s.Output.Add((byte)symbol); continue; }
            if (symbol == 256) return;
            symbol -= 257;
            if (symbol >= 29) throw Invalid("invalid literal/length code");
            int len = LengthBase[symbol] + s.Bits(LengthExtra[symbol]);
            int d = dist.Decode(s);
            if (d >= 30) throw Invalid("invalid distance code");
            int back = DistBase[d] + s.Bits(DistExtra[d]);
            if (back > s.Output.Count) throw Invalid("invalid distance too far back");
            for (int i = 0; i < len; i++) s.Output.Add(s.Output[s.Output.Count - back]);
        }
    }

    /// <summary>The input bits, least significant first, and the output.</summary>
    private sealed class State(byte[] data, int start)
    {
        private int _pos = start;
        private uint _buffer;
        private int _count;

        public List<byte> Output { get; } = new();

        /// <summary>The input used: whole bytes, those still in the bit buffer given back.</summary>
        public int Consumed => _pos - _count / 8;

        public int Bits(int n)
        {
            while (_count < n)
            {
                if (_pos >= data.Length) throw new NeedInput();
                _buffer |= (uint)data[_pos++] << _count;
                _count += 8;
            }
            int value = (int)(_buffer & ((1u << n) - 1));
            _buffer >>= n;
            _count -= n;
            return value;
        }

        public void Align()
        {
            _buffer >>= _count & 7;
            _count -= _count & 7;
        }

        public byte Byte() => (byte)Bits(8);
    }

    /// <summary>A canonical Huffman code: how many codes of each length, and the symbols in code order.</summary>
    private sealed class Huffman
    {
        private readonly int[] _counts = new int[16];
        private readonly int[] _symbols;

        public Huffman(int[] lengths)
        {
            _symbols = new int[lengths.Length];
            foreach (var l in lengths) _counts[l]++;
            var offsets = new int[16];
            for (int len = 1; len < 15; len++) offsets[len + 1] = offsets[len] + _counts[len];
            for (int symbol = 0; symbol < lengths.Length; symbol++)
                if (lengths[symbol] != 0) _symbols[offsets[lengths[symbol]]++] = symbol;
        }

        public int Decode(State s)
        {
            int code = 0, first = 0, index = 0;
            for (int len = 1; len < 16; len++)
            {
                code |= s.Bits(1);
                int count = _counts[len];
                if (code - count < first) return _symbols[index + (code - first)];
                index += count;
                first = (first + count) << 1;
                code <<= 1;
            }
            throw Invalid("invalid code");
        }
    }
}
