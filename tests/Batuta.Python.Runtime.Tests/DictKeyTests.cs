namespace Batuta.Python.Runtime.Tests;

public sealed class DictKeyTests
{
    [Fact]
    public void None_is_a_dict_key_like_any_other()
    {
        var expected = CPython.Lines("import json\nd = {None: 1, 'a': 2}\nprint(d, d[None], None in d, json.dumps({None: 1}))\n"
            + "for i in range(20): d[i] = i\nfor i in range(18): del d[i]\ndel d[None]\nprint(d, None in d)\nd[None] = 7\nprint(d)\nprint(d.get(None), d.pop(None))\nprint(d)");
        var d = new PyDict<object?, long> { [null] = 1, ["a"] = 2 };
        var actual = new List<string> { $"{d.PyRepr()} {d[null]} {Repr.Of(((IPyDict)d).ContainsKeyObject(null))} {Modules.Json.Dumps(new PyDict<object?, long> { [null] = 1 })}" };
        for (int i = 0; i < 20; i++) d[new PyInt(i)] = i;
        for (int i = 0; i < 18; i++) d.Delete(new PyInt(i));
        d.Delete(null);
        actual.Add($"{d.PyRepr()} {Repr.Of(d.ContainsKey(null))}");
        d[null] = 7;
        actual.Add(d.PyRepr());
        actual.Add($"{d.Get(null)} {d.Pop(null)}");
        actual.Add(d.PyRepr());
        Assert.Equal(expected, actual);
    }
}
