using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Batuta.Inference.Formats.Pickle;

/// <summary>A reference to a Python global (module.name) that the unpickler allowed.</summary>
internal sealed record PickleGlobal(string Module, string Name)
{
    public string FullName => Module + "." + Name;
}

/// <summary>A persistent id (PyTorch uses one per tensor storage).</summary>
internal sealed record PersistentId(object?[] Fields);

/// <summary>A call recorded instead of executed: f(args). Only allow-listed globals can be called.</summary>
internal sealed record PickleCall(PickleGlobal Function, object?[] Arguments);

/// <summary>
/// A pickle interpreter that never runs code: it understands the opcodes of protocols 2-5 needed for
/// data (numbers, strings, tuples, lists, dicts, memo, persistent ids) and only lets a caller-given
/// allow-list of globals appear; a REDUCE of an allowed global is recorded as a <see cref="PickleCall"/>
/// for the caller to interpret. Anything else — os.system, eval, subprocess, builtins.getattr — is an error
/// naming the opcode and byte offset.
/// </summary>
internal sealed class RestrictedUnpickler
{
    private readonly byte[] _data;
    private readonly IReadOnlySet<string> _allowed;
    private readonly Func<PickleCall, object?> _reduce;
    private readonly List<object?> _stack = [];
    private readonly Stack<int> _marks = new();
    private readonly Dictionary<long, object?> _memo = [];
    private int _pos;

    public RestrictedUnpickler(byte[] data, IReadOnlySet<string> allowedGlobals, Func<PickleCall, object?> reduce)
    {
        _data = data;
        _allowed = allowedGlobals;
        _reduce = reduce;
    }

    private ModelFormatException Error(string field, string problem, int at) =>
        new("pickle", field, at, problem, "only PyTorch state dicts of tensors can be read; re-save the checkpoint as safetensors.");

    private byte Byte() => _pos < _data.Length ? _data[_pos++] : throw Error("opcode", "the pickle ends before STOP", _pos);

    private ReadOnlySpan<byte> Take(long n, string field)
    {
        if (n < 0 || n > _data.Length - _pos) throw Error(field, $"needs {n} bytes but {_data.Length - _pos} remain", _pos);
        var s = _data.AsSpan(_pos, (int)n);
        _pos += (int)n;
        return s;
    }

    private string Line()
    {
        int end = Array.IndexOf(_data, (byte)'\n', _pos);
        if (end < 0) throw Error("GLOBAL", "unterminated name", _pos);
        var s = Encoding.ASCII.GetString(_data, _pos, end - _pos);
        _pos = end + 1;
        return s;
    }

    private object? Pop()
    {
        if (_stack.Count == 0) throw Error("stack", "pop from an empty stack", _pos);
        var v = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return v;
    }

    private object?[] PopToMark()
    {
        if (_marks.Count == 0) throw Error("MARK", "no mark on the stack", _pos);
        int m = _marks.Pop();
        if (m > _stack.Count) throw Error("MARK", "the mark is above the stack", _pos);
        var items = _stack.GetRange(m, _stack.Count - m).ToArray();
        _stack.RemoveRange(m, _stack.Count - m);
        return items;
    }

    private object? Top() => _stack.Count > 0 ? _stack[^1] : throw Error("stack", "empty stack", _pos);

    private PickleGlobal Global(string module, string name, int at)
    {
        var g = new PickleGlobal(module, name);
        if (!_allowed.Contains(g.FullName))
            throw Error("GLOBAL " + g.FullName, $"'{g.FullName}' is not allowed: a pickle naming it could run code", at);
        return g;
    }

    public object? Load()
    {
        while (true)
        {
            int at = _pos;
            byte op = Byte();
            switch (op)
            {
                case 0x80: Byte(); break; // PROTO
                case 0x95: Take(8, "FRAME"); break; // FRAME: the length is advisory
                case (byte)'.': return Pop(); // STOP
                case (byte)'(': _marks.Push(_stack.Count); break;
                case (byte)'}': _stack.Add(new Dictionary<object, object?>()); break;
                case (byte)']': _stack.Add(new List<object?>()); break;
                case (byte)')': _stack.Add(Array.Empty<object?>()); break;
                case (byte)'N': _stack.Add(null); break;
                case 0x88: _stack.Add(true); break;
                case 0x89: _stack.Add(false); break;
                case (byte)'K': _stack.Add((long)Byte()); break;
                case (byte)'M': _stack.Add((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(2, "BININT2"))); break;
                case (byte)'J': _stack.Add((long)BinaryPrimitives.ReadInt32LittleEndian(Take(4, "BININT"))); break;
                case 0x8a: // LONG1
                {
                    int n = Byte();
                    var b = Take(n, "LONG1");
                    if (n > 8) throw Error("LONG1", $"a {n}-byte integer is out of range", at);
                    long v = 0;
                    for (int i = n - 1; i >= 0; i--) v = (v << 8) | b[i];
                    if (n > 0 && n < 8 && (b[n - 1] & 0x80) != 0) v -= 1L << (8 * n);
                    _stack.Add(v);
                    break;
                }
                case (byte)'G': _stack.Add(BinaryPrimitives.ReadDoubleBigEndian(Take(8, "BINFLOAT"))); break;
                case (byte)'X': _stack.Add(Encoding.UTF8.GetString(Take(BinaryPrimitives.ReadUInt32LittleEndian(Take(4, "BINUNICODE")), "BINUNICODE"))); break;
                case 0x8c: _stack.Add(Encoding.UTF8.GetString(Take(Byte(), "SHORT_BINUNICODE"))); break;
                case 0x8d: _stack.Add(Encoding.UTF8.GetString(Take((long)BinaryPrimitives.ReadUInt64LittleEndian(Take(8, "BINUNICODE8")), "BINUNICODE8"))); break;
                case (byte)'U': _stack.Add(Encoding.Latin1.GetString(Take(Byte(), "SHORT_BINSTRING"))); break;
                case (byte)'C': _stack.Add(Take(Byte(), "SHORT_BINBYTES").ToArray()); break;
                case (byte)'B': _stack.Add(Take(BinaryPrimitives.ReadUInt32LittleEndian(Take(4, "BINBYTES")), "BINBYTES").ToArray()); break;
                case (byte)'q': _memo[Byte()] = Top(); break;
                case (byte)'r': _memo[BinaryPrimitives.ReadUInt32LittleEndian(Take(4, "LONG_BINPUT"))] = Top(); break;
                case 0x94: _memo[_memo.Count] = Top(); break; // MEMOIZE
                case (byte)'h': _stack.Add(Memo(Byte(), at)); break;
                case (byte)'j': _stack.Add(Memo(BinaryPrimitives.ReadUInt32LittleEndian(Take(4, "LONG_BINGET")), at)); break;
                case (byte)'c': // GLOBAL
                {
                    string module = Line(), name = Line();
                    _stack.Add(Global(module, name, at));
                    break;
                }
                case 0x93: // STACK_GLOBAL
                {
                    var name = Pop() as string;
                    var module = Pop() as string;
                    if (module is null || name is null) throw Error("STACK_GLOBAL", "module and name must be strings", at);
                    _stack.Add(Global(module, name, at));
                    break;
                }
                case (byte)'t': _stack.Add(PopToMark()); break;
                case 0x85: _stack.Add(new[] { Pop() }); break;
                case 0x86: { var b = Pop(); var a = Pop(); _stack.Add(new[] { a, b }); break; }
                case 0x87: { var c = Pop(); var b = Pop(); var a = Pop(); _stack.Add(new[] { a, b, c }); break; }
                case (byte)'l': _stack.Add(PopToMark().ToList()); break; // LIST
                case (byte)'a': { var v = Pop(); List(Top(), at).Add(v); break; }
                case (byte)'e': { var items = PopToMark(); List(Top(), at).AddRange(items); break; }
                case (byte)'d': // DICT
                {
                    var items = PopToMark();
                    var dict = new Dictionary<object, object?>();
                    for (int i = 0; i + 1 < items.Length; i += 2) dict[Key(items[i], at)] = items[i + 1];
                    _stack.Add(dict);
                    break;
                }
                case (byte)'s': { var v = Pop(); var k = Pop(); Dict(Top(), at)[Key(k, at)] = v; break; }
                case (byte)'u':
                {
                    var items = PopToMark();
                    var dict = Dict(Top(), at);
                    for (int i = 0; i + 1 < items.Length; i += 2) dict[Key(items[i], at)] = items[i + 1];
                    break;
                }
                case (byte)'Q': // BINPERSID
                {
                    var id = Pop() as object?[] ?? throw Error("BINPERSID", "the persistent id must be a tuple", at);
                    _stack.Add(new PersistentId(id));
                    break;
                }
                case (byte)'R': // REDUCE
                {
                    var args = Pop() as object?[] ?? throw Error("REDUCE", "arguments must be a tuple", at);
                    var f = Pop() as PickleGlobal ?? throw Error("REDUCE", "only allowed globals can be called", at);
                    _stack.Add(_reduce(new PickleCall(f, args)));
                    break;
                }
                case (byte)'b': Pop(); break; // BUILD: object state (e.g. a state dict's _metadata) is not needed
                case (byte)'0': Pop(); break; // POP
                case (byte)'2': _stack.Add(Top()); break; // DUP
                default:
                    throw Error("opcode", string.Create(CultureInfo.InvariantCulture, $"opcode 0x{op:X2} is not supported by the restricted reader"), at);
            }
        }
    }

    private object? Memo(long key, int at) => _memo.TryGetValue(key, out var v) ? v : throw Error("BINGET", $"memo entry {key} is unset", at);

    private List<object?> List(object? o, int at) => o as List<object?> ?? throw Error("APPEND", "the target is not a list", at);

    private Dictionary<object, object?> Dict(object? o, int at) => o as Dictionary<object, object?> ?? throw Error("SETITEM", "the target is not a dict", at);

    private object Key(object? k, int at) => k ?? throw Error("SETITEM", "None keys are not supported", at);
}
