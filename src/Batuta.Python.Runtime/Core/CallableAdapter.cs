using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Batuta.Python.Runtime;

/// <summary>
/// A Python callable that is not a C# delegate of the wanted type (an object with <c>__call__</c>, a bound method,
/// a delegate of other parameter types) passed where typed code wants a Func/Action (a <c>Callable[[int], None]</c>
/// parameter): a delegate of that type that calls it through <see cref="Dyn.Call"/> and converts the result.
/// </summary>
internal static class CallableAdapter
{
    private static readonly MethodInfo CallMethod = typeof(Dyn).GetMethod(nameof(Dyn.Call), new[] { typeof(object), typeof(object?[]) }).OrThrow();
    private static readonly MethodInfo CastMethod = typeof(Dyn).GetMethod(nameof(Dyn.Cast)).OrThrow();

    // One compiled factory per delegate type: adapting in a loop must not compile an expression tree each time.
    private static readonly ConcurrentDictionary<Type, Func<object, Delegate>> Factories = new();

    public static bool TryAdapt(object? callable, Type delegateType, out Delegate? adapted)
    {
        adapted = null;
        if (callable is null || !typeof(Delegate).IsAssignableFrom(delegateType) || !Py.Callable(callable)) return false;
        adapted = Factories.GetOrAdd(delegateType, BuildFactory)(callable);
        return true;
    }

    private static Func<object, Delegate> BuildFactory(Type delegateType)
    {
        var target = Expression.Parameter(typeof(object), "callable");
        var invoke = delegateType.GetMethod("Invoke").OrThrow();
        var ps = invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name)).ToArray();
        var args = Expression.NewArrayInit(typeof(object), ps.Select(p => (Expression)Expression.Convert(p, typeof(object))));
        Expression body = Expression.Call(CallMethod, target, args);
        if (invoke.ReturnType != typeof(void)) body = Expression.Call(CastMethod.MakeGenericMethod(invoke.ReturnType), body);
        var adapter = Expression.Lambda(delegateType, body, ps);
        return Expression.Lambda<Func<object, Delegate>>(Expression.Convert(adapter, typeof(Delegate)), target).Compile();
    }
}
