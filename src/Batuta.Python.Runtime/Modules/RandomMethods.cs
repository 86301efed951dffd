namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// The methods of a <c>random.Random</c> instance called from dynamic code (positional and keyword arguments as
/// CPython's signatures); each forwards to the typed method the module-level functions use, so both draw the same stream.
/// </summary>
public sealed partial class PyRandom : IPyKeywordMethods, IPyTyped
{
    private static readonly Dictionary<string, Func<PyRandom, RandomArgs, object?>> Methods = new(StringComparer.Ordinal)
    {
        ["random"] = (r, _) => r.Random(),
        ["seed"] = (r, a) => { r.Seed(a.Get(0, "a")); return null; },
        ["getrandbits"] = (r, a) => r.GetRandBits((long)a.Int(0, "k")),
        ["randint"] = (r, a) => r.RandInt(a.Int(0, "a"), a.Int(1, "b")),
        ["randrange"] = (r, a) => a.Get(1, "stop") is null ? r.RandRange(a.Int(0, "start")) : r.RandRange(a.Int(0, "start"), a.Int(1, "stop"), a.Get(2, "step") is null ? 1 : a.Int(2, "step")),
        ["choice"] = (r, a) => r.Choice(Sequence(a.Required(0, "seq"))),
        ["shuffle"] = (r, a) => { ShuffleList(r, a.Required(0, "x")); return null; },
        ["sample"] = (r, a) => r.Sample(Sequence(a.Required(0, "population")), (long)a.Int(1, "k")),
        ["choices"] = (r, a) => r.Choices(Sequence(a.Required(0, "population")), Doubles(a.Get(1, "weights")), a.Get(3, "k") is null ? 1 : (long)a.Int(3, "k"), Doubles(a.Get(2, "cum_weights"))),
        ["uniform"] = (r, a) => r.Uniform(a.Double(0, "a"), a.Double(1, "b")),
        ["triangular"] = (r, a) => r.Triangular(a.Double(0, "low", 0), a.Double(1, "high", 1), a.Get(2, "mode") is { } m ? Dyn.Cast<double>(m) : null),
        ["gauss"] = (r, a) => r.Gauss(a.Double(0, "mu", 0), a.Double(1, "sigma", 1)),
        ["normalvariate"] = (r, a) => r.NormalVariate(a.Double(0, "mu", 0), a.Double(1, "sigma", 1)),
        ["expovariate"] = (r, a) => r.ExpoVariate(a.Double(0, "lambd")),
        ["gammavariate"] = (r, a) => r.GammaVariate(a.Double(0, "alpha"), a.Double(1, "beta")),
        ["betavariate"] = (r, a) => r.BetaVariate(a.Double(0, "alpha"), a.Double(1, "beta")),
        ["lognormvariate"] = (r, a) => r.LogNormVariate(a.Double(0, "mu"), a.Double(1, "sigma")),
        ["paretovariate"] = (r, a) => r.ParetoVariate(a.Double(0, "alpha")),
        ["weibullvariate"] = (r, a) => r.WeibullVariate(a.Double(0, "alpha"), a.Double(1, "beta")),
        ["vonmisesvariate"] = (r, a) => r.VonMisesVariate(a.Double(0, "mu"), a.Double(1, "kappa")),
        ["getstate"] = (r, _) => r.GetState(),
        ["setstate"] = (r, a) => { r.SetState(a.Required(0, "state")); return null; },
    };

    public string PyTypeName => _system ? "SystemRandom" : "Random";

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) =>
        Methods.TryGetValue(name, out var method) ? method(this, new RandomArgs(name, args, kwargs)) : throw new AttributeError($"'Random' object has no attribute '{name}'");

    /// <summary>A population indexed as CPython indexes it: a str by character, anything else by its items.</summary>
    private static List<object?> Sequence(object? o) => o is string s ? Text.PyStr.Chars(s).Cast<object?>().ToList() : Dyn.Iter(o).ToList();

    private static List<double>? Doubles(object? o) => o is null ? null : Dyn.Iter(o).Select(Dyn.Cast<double>).ToList();

    /// <summary>shuffle(x) permutes the list in place: the typed shuffle on a copy, written back.</summary>
    private static void ShuffleList(PyRandom r, object? x)
    {
        if (x is not IPyList list) throw new TypeError($"'{Dyn.TypeName(x)}' object does not support item assignment");
        var items = Enumerable.Range(0, list.Count).Select(i => list.GetItem(i)).ToList();
        r.Shuffle(items);
        for (int i = 0; i < items.Count; i++) list.SetItem(i, items[i]);
    }

    private readonly struct RandomArgs(string method, object?[] args, PyDict<string, object?> kwargs)
    {
        /// <summary>The argument at a position or by keyword; null when absent (None and absent mean the same to these methods).</summary>
        public object? Get(int index, string name) => index < args.Length ? args[index] : kwargs.Get(name);

        public object? Required(int index, string name) =>
            index < args.Length || kwargs.ContainsKey(name) ? Get(index, name) : throw new TypeError($"Random.{method}() missing 1 required positional argument: '{name}'");

        public PyInt Int(int index, string name) => Dyn.Cast<PyInt>(Required(index, name));

        public double Double(int index, string name) => Dyn.Cast<double>(Required(index, name));

        public double Double(int index, string name, double fallback) => Get(index, name) is { } v ? Dyn.Cast<double>(v) : fallback;
    }
}
