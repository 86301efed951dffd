using Batuta.Python.Ast;

namespace Batuta.Transpiler.Mapping
{
    /// <summary>
    /// Python's <c>operator</c> module as the expressions it stands for: <c>operator.mul(a, b)</c> is <c>a * b</c>,
    /// <c>operator.mul</c> as a value is <c>lambda a, b: a * b</c>, <c>itemgetter(1)</c> is <c>lambda x: x[1]</c>,
    /// <c>attrgetter("name")</c> is <c>lambda x: x.name</c>; so each gets the emitter's typed rules.
    /// </summary>
    internal static class OperatorModule
    {
        private static readonly Dictionary<string, Operator> Binary = new(StringComparer.Ordinal)
        {
            ["add"] = Operator.Add, ["concat"] = Operator.Add, ["sub"] = Operator.Sub, ["mul"] = Operator.Mult, ["truediv"] = Operator.Div,
            ["floordiv"] = Operator.FloorDiv, ["mod"] = Operator.Mod, ["pow"] = Operator.Pow, ["lshift"] = Operator.LShift,
            ["rshift"] = Operator.RShift, ["and_"] = Operator.BitAnd, ["or_"] = Operator.BitOr, ["xor"] = Operator.BitXor, ["matmul"] = Operator.MatMult,
        };

        private static readonly Dictionary<string, CompareOperator> Comparisons = new(StringComparer.Ordinal)
        {
            ["lt"] = CompareOperator.Lt, ["le"] = CompareOperator.LtE, ["eq"] = CompareOperator.Eq, ["ne"] = CompareOperator.NotEq,
            ["gt"] = CompareOperator.Gt, ["ge"] = CompareOperator.GtE, ["is_"] = CompareOperator.Is, ["is_not"] = CompareOperator.IsNot,
        };

        private static readonly Dictionary<string, UnaryOperator> Unary = new(StringComparer.Ordinal)
        {
            ["neg"] = UnaryOperator.USub, ["pos"] = UnaryOperator.UAdd, ["not_"] = UnaryOperator.Not, ["invert"] = UnaryOperator.Invert, ["inv"] = UnaryOperator.Invert,
        };

        /// <summary>How many arguments <c>operator.name</c> takes, or 0 when it is not mapped.</summary>
        public static int Arity(string name) =>
            Binary.ContainsKey(name) || Comparisons.ContainsKey(name) || name is "contains" or "getitem" ? 2 : Unary.ContainsKey(name) || name is "truth" or "abs" or "index" ? 1 : 0;

        /// <summary>operator.name(args...) as a Python expression over <paramref name="args"/>, or null.</summary>
        public static ExpressionNode? Expression(string name, IReadOnlyList<ExpressionNode> args, Node at)
        {
            var span = at.Span;
            if (args.Count != Arity(name)) return null;
            if (Binary.TryGetValue(name, out var op)) return new BinOp(args[0], op, args[1], span);
            if (Comparisons.TryGetValue(name, out var cmp)) return new Compare(args[0], NodeList.Of(cmp), NodeList.Of(args[1]), span);
            if (Unary.TryGetValue(name, out var u)) return new UnaryOp(u, args[0], span);
            return name switch
            {
                "contains" => new Compare(args[1], NodeList.Of(CompareOperator.In), NodeList.Of(args[0]), span),
                "getitem" => new Subscript(args[0], args[1], ExprContext.Load, span),
                "truth" => Builtin("bool", args[0], span),
                "abs" => Builtin("abs", args[0], span),
                "index" => Builtin("int", args[0], span),
                _ => null,
            };
        }

        /// <summary><c>operator.name</c> used as a function value: a lambda, or null.</summary>
        public static Lambda? AsLambda(string name, Node at)
        {
            int arity = Arity(name);
            if (arity == 0) return null;
            var names = Enumerable.Range(0, arity).Select(i => "__op" + i).ToArray();
            var body = Expression(name, names.Select(n => (ExpressionNode)new Name(n, ExprContext.Load, at.Span)).ToArray(), at);
            return body is null ? null : MakeLambda(names, body, at);
        }

        /// <summary><c>itemgetter(k, ...)</c> and <c>attrgetter("a.b", ...)</c> calls: the lambda they return, or null.</summary>
        public static Lambda? Getter(string name, Call c)
        {
            if (c.Args.Count == 0 || c.Keywords.Count > 0) return null;
            var x = new Name("__item", ExprContext.Load, c.Span);
            ExpressionNode One(ExpressionNode key) => name == "itemgetter" || key is not Constant { Value: string path }
                ? new Subscript(x, key, ExprContext.Load, c.Span)
                : path.Split('.').Aggregate((ExpressionNode)x, (o, attr) => new Attribute(o, attr, ExprContext.Load, c.Span));
            if (name == "attrgetter" && !c.Args.All(a => a is Constant { Value: string })) return null;
            var body = c.Args.Count == 1 ? One(c.Args[0]) : new Tuple(NodeList.Of(c.Args.Select(One).ToArray()), ExprContext.Load, c.Span);
            return MakeLambda(new[] { "__item" }, body, c);
        }

        /// <summary><c>methodcaller("name", args..., k=v)</c> whose arguments are <paramref name="stable"/>: <c>lambda x: x.name(args..., k=v)</c>, or null.</summary>
        public static Lambda? MethodCaller(Call c, Func<ExpressionNode, bool> stable)
        {
            if (c.Args[0] is not Constant { Value: string method } || !c.Args.Skip(1).Concat(c.Keywords.Select(k => k.Value)).All(stable)) return null;
            var x = new Name("__obj", ExprContext.Load, c.Span);
            var call = new Call(new Attribute(x, method, ExprContext.Load, c.Span), NodeList.Of(c.Args.Skip(1).ToArray()), c.Keywords, c.Span);
            return MakeLambda(new[] { "__obj" }, call, c);
        }

        private static Call Builtin(string name, ExpressionNode arg, SourceSpan span) =>
            new(new Name(name, ExprContext.Load, span), NodeList.Of(arg), default, span);

        internal static Lambda MakeLambda(string[] names, ExpressionNode body, Node at)
        {
            var args = new Arguments(default, NodeList.Of(names.Select(n => new Arg(n, null, null, at.Span)).ToArray()), null, default, default, null, default, at.Span);
            return new Lambda(args, body, at.Span);
        }
    }
}
