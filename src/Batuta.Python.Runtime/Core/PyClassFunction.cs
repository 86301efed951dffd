using System.Reflection;
using System.Reflection.Emit;

namespace Batuta.Python.Runtime;

/// <summary>
/// <c>getattr(Dog, "fetch")</c> / <c>hasattr(Dog, "speak")</c> on a migrated class: a method read from the class
/// itself. A plain method is Python's function (called with the instance first: <c>Dog.fetch(d, "stick")</c>); a
/// staticmethod or classmethod (static in C#) is called with its own arguments.
/// </summary>
public sealed class PyClassFunction(Type owner, string name, bool isStatic) : IPyCallable, IPyKwCallable, IPyObject
{
    public Type Owner { get; } = owner;

    public string Name { get; } = name;

    public bool IsStatic { get; } = isStatic;

    /// <summary>The method (or the static methods) named <paramref name="name"/> that the program's class or its bases define, if any.</summary>
    public static PyClassFunction? Find(Type cls, string name)
    {
        var names = Naming.Candidates(name);
        var methods = cls.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy)
            .Where(m => names.Contains(m.Name) && !m.IsSpecialName && m.DeclaringType is { } d && d.Assembly != typeof(PyObject).Assembly)
            .ToList();
        return methods.Count == 0 ? null : new PyClassFunction(cls, name, methods.All(m => m.IsStatic));
    }

    public object? PyCall(object?[] args)
    {
        if (!IsStatic)
        {
            if (args.Length == 0) throw new TypeError($"{Owner.Name.TrimEnd('_')}.{Name}() missing 1 required positional argument: 'self'");
            return CallDefined(args[0], args[1..]);
        }
        return CallStatic(args);
    }

    /// <summary>
    /// <c>Dog.create("rex", age=3)</c> through a value: a static method bound by its parameter names; a method, on the
    /// instance passed first.
    /// </summary>
    public object? PyCall(object?[] args, PyDict<string, object?> kwargs)
    {
        if (kwargs.Count == 0) return PyCall(args);
        if (!IsStatic) return args.Length == 0 ? PyCall(args) : Dyn.CallMethodKw(args[0], Name, kwargs, args[1..]);
        var names = Naming.Candidates(Name);
        var method = Owner.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)
            .Where(m => names.Contains(m.Name) && !m.IsGenericMethodDefinition).OrderByDescending(m => Depth(m.DeclaringType)).FirstOrDefault()
            ?? throw new TypeError($"{Name}() got an unexpected keyword argument '{kwargs.Keys().First()}'");
        return Dyn.BoxValue(ArgumentBinder.InvokeMethod(Name, null, method, args, kwargs));
    }

    /// <summary>
    /// The method as this class defines (or inherits) it, not the instance's override: <c>Animal.speak(dog)</c> runs
    /// Animal's speak, as Python's function read from the class does. Another receiver goes through its own method.
    /// </summary>
    private object? CallDefined(object? self, object?[] args)
    {
        var method = Owner.IsInstanceOfType(self) ? DefinedMethod(args.Length) : null;
        if (method is null || !method.IsVirtual) return Dyn.CallMethodReflected(self, Name, args);
        var conv = ParameterDefaults.Complete(method.GetParameters(), args);
        return Dyn.BoxValue(NonVirtualCalls.GetOrAdd(method, NonVirtualCall)(self, conv));
    }

    private MethodInfo? DefinedMethod(int given)
    {
        var names = Naming.Candidates(Name);
        return Owner.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => names.Contains(m.Name) && !m.IsGenericMethodDefinition && Takes(m.GetParameters(), given))
            .OrderBy(m => m.GetParameters().Length).FirstOrDefault();
    }

    private static bool Takes(ParameterInfo[] ps, int given) =>
        ParameterDefaults.FillFrom(ps, given) && ps.All(p => !p.ParameterType.IsByRef);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MethodInfo, Func<object?, object?[], object?>> NonVirtualCalls = new();

    /// <summary>A caller of <paramref name="m"/> itself (IL <c>call</c>, where reflection's Invoke dispatches virtually).</summary>
    private static Func<object?, object?[], object?> NonVirtualCall(MethodInfo m)
    {
        var declaring = m.DeclaringType ?? throw new InvalidOperationException("a method without a declaring type");
        var dm = new DynamicMethod("__defined_" + m.Name, typeof(object), [typeof(object), typeof(object?[])], declaring.Module, skipVisibility: true);
        var il = dm.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Castclass, declaring);
        var ps = m.GetParameters();
        for (int i = 0; i < ps.Length; i++)
        {
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Ldelem_Ref);
            il.Emit(ps[i].ParameterType.IsValueType ? OpCodes.Unbox_Any : OpCodes.Castclass, ps[i].ParameterType);
        }
        il.Emit(OpCodes.Call, m);
        if (m.ReturnType == typeof(void)) il.Emit(OpCodes.Ldnull);
        else if (m.ReturnType.IsValueType) il.Emit(OpCodes.Box, m.ReturnType);
        il.Emit(OpCodes.Ret);
        return (Func<object?, object?[], object?>)dm.CreateDelegate(typeof(Func<object?, object?[], object?>));
    }

    private object? CallStatic(object?[] args)
    {
        var names = Naming.Candidates(Name);
        var candidates = Owner.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)
            .Where(m => names.Contains(m.Name) && !m.IsGenericMethodDefinition && ParameterDefaults.FillFrom(m.GetParameters(), args.Length))
            .OrderByDescending(m => Depth(m.DeclaringType)).ThenBy(m => m.GetParameters().Length);
        foreach (var m in candidates)
        {
            var conv = ParameterDefaults.Complete(m.GetParameters(), args);
            return Dyn.BoxValue(Dyn.Unwrapped(() => m.Invoke(null, conv)));
        }
        // one such method: CPython's message for what the arguments lack or add
        var declared = Owner.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy).Where(m => names.Contains(m.Name)).ToList();
        if (declared.Count == 1) throw ArgumentBinder.Mismatch(Owner.Name.TrimEnd('_') + "." + Name, declared[0].GetParameters(), args, null);
        throw new TypeError($"{Name}() takes other arguments than the {args.Length} given");
    }

    /// <summary>How far down the class chain a method's class is: Python finds the most derived definition first.</summary>
    private static int Depth(Type? t)
    {
        int depth = 0;
        for (; t is not null; t = t.BaseType) depth++;
        return depth;
    }

    public string PyRepr() => $"<function {Owner.Name.TrimEnd('_')}.{Name}>";

    public string PyStr() => PyRepr();
}
