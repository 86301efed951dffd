using Batuta.Python.Ast;
using Attribute = Batuta.Python.Ast.Attribute;
using Tuple = Batuta.Python.Ast.Tuple;

namespace Batuta.Python.Syntax
{
    internal sealed partial class Parser
    {
        // ------------------------------------------------------------------ expression lists

        /// <summary>star_expressions: star_expression (',' star_expression)* [','] — a Tuple when there is a comma.</summary>
        private ExpressionNode? StarExpressions()
        {
            int start = _p;
            var first = StarExpression();
            if (first is null) return null;
            if (!At(TokenKind.Comma)) return first;
            var items = new List<ExpressionNode> { first };
            while (At(TokenKind.Comma))
            {
                _p++;
                var next = StarExpression();
                if (next is null) break;
                items.Add(next);
            }
            return new Tuple(new NodeList<ExpressionNode>(items.ToArray()), ExprContext.Load, Span(start));
        }

        /// <summary>star_expression: '*' bitwise_or | expression</summary>
        private ExpressionNode? StarExpression()
        {
            if (At(TokenKind.Star))
            {
                int start = _p;
                _p++;
                var value = BitwiseOr();
                if (value is null)
                {
                    _p = start;
                    return null;
                }
                return new Starred(value, ExprContext.Load, Span(start));
            }
            return Expression();
        }

        /// <summary>star_named_expression: '*' bitwise_or | named_expression</summary>
        private ExpressionNode? StarNamedExpression()
        {
            if (!_memoActive) return StarNamedExpressionCore();
            long key = MemoKey(MemoRule.StarNamedExpression);
            if (_memo.OrThrow().TryGetValue(key, out var m))
            {
                _p = m.End;
                return m.Node;
            }
            var r = StarNamedExpressionCore();
            _memo[key] = (r, _p);
            return r;
        }

        private ExpressionNode? StarNamedExpressionCore()
        {
            if (At(TokenKind.Star))
            {
                int start = _p;
                _p++;
                var value = BitwiseOr();
                if (value is null)
                {
                    _p = start;
                    return null;
                }
                return new Starred(value, ExprContext.Load, Span(start));
            }
            return NamedExpression();
        }

        /// <summary>expressions: expression (',' expression)* [','] — used by 'except' error checks.</summary>
        private ExpressionNode? Expressions()
        {
            int start = _p;
            var first = Expression();
            if (first is null) return null;
            if (!At(TokenKind.Comma)) return first;
            var items = new List<ExpressionNode> { first };
            while (At(TokenKind.Comma))
            {
                _p++;
                var next = Expression();
                if (next is null) break;
                items.Add(next);
            }
            return new Tuple(new NodeList<ExpressionNode>(items.ToArray()), ExprContext.Load, Span(start));
        }

        /// <summary>named_expression: NAME ':=' ~ expression | expression !':='</summary>
        private ExpressionNode? NamedExpression()
        {
            int start = _p;
            if (Kind() == TokenKind.Name && Kind(1) == TokenKind.ColonEqual)
            {
                var name = new Name(Tok().Text.OrThrow(), ExprContext.Store, TokenSpan(_p));
                _p += 2;
                var value = Expression();
                if (value is null)
                {
                    // The cut after ':=' makes named_expression fail outright.
                    _p = start;
                    return null;
                }
                return new NamedExpr(name, value, Span(start));
            }
            if (_invalidRules) InvalidNamedExpression();
            var e = Expression();
            if (e is null) return null;
            if (At(TokenKind.ColonEqual))
            {
                _p = start;
                return null;
            }
            return e;
        }

        /// <summary>
        /// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef.
        /// With invalid rules on, CPython's invalid_expression and invalid_legacy_expression run first.
        /// </summary>
        private ExpressionNode? Expression()
        {
            if (!_memoActive) return ExpressionCore();
            if (TryMemo(MemoRule.Expression, out var m))
            {
                _p = m.End;
                return m.Node;
            }
            int start = _p;
            var r = ExpressionCore();
            StoreMemo(MemoRule.Expression, start, r);
            return r;
        }

        private ExpressionNode? ExpressionCore()
        {
            Enter();
            if (_invalidRules)
            {
                InvalidExpression();
                InvalidLegacyExpression();
            }
            int start = _p;
            ExpressionNode? result;
            if (At(TokenKind.Lambda))
            {
                result = Lambda();
            }
            else
            {
                result = Disjunction();
                if (result is not null && At(TokenKind.If))
                {
                    int ifToken = _p;
                    _p++;
                    var test = Disjunction();
                    if (test is not null && Accept(TokenKind.Else))
                    {
                        var orelse = Expression();
                        if (orelse is not null)
                        {
                            result = new IfExp(test, result, orelse, Span(start));
                            Leave();
                            return result;
                        }
                    }
                    _p = ifToken;
                }
            }
            Leave();
            return result;
        }

        // ------------------------------------------------------------------ boolean and comparison

        private ExpressionNode? Disjunction()
        {
            if (!_memoActive) return DisjunctionCore();
            if (TryMemo(MemoRule.Disjunction, out var m))
            {
                _p = m.End;
                return m.Node;
            }
            int start = _p;
            var r = DisjunctionCore();
            StoreMemo(MemoRule.Disjunction, start, r);
            return r;
        }

        private ExpressionNode? DisjunctionCore()
        {
            int start = _p;
            var first = Conjunction();
            if (first is null) return null;
            if (!At(TokenKind.Or)) return first;
            var values = new List<ExpressionNode> { first };
            while (At(TokenKind.Or))
            {
                int or = _p;
                _p++;
                var next = Conjunction();
                if (next is null)
                {
                    _p = or;
                    break;
                }
                values.Add(next);
            }
            if (values.Count == 1) return first;
            return new BoolOp(BoolOperator.Or, new NodeList<ExpressionNode>(values.ToArray()), Span(start));
        }

        private ExpressionNode? Conjunction()
        {
            int start = _p;
            var first = Inversion();
            if (first is null) return null;
            if (!At(TokenKind.And)) return first;
            var values = new List<ExpressionNode> { first };
            while (At(TokenKind.And))
            {
                int and = _p;
                _p++;
                var next = Inversion();
                if (next is null)
                {
                    _p = and;
                    break;
                }
                values.Add(next);
            }
            if (values.Count == 1) return first;
            return new BoolOp(BoolOperator.And, new NodeList<ExpressionNode>(values.ToArray()), Span(start));
        }

        /// <summary>inversion: 'not' inversion | comparison (iterative, so long 'not' chains use no stack).</summary>
        private ExpressionNode? Inversion()
        {
            int start = _p;
            int nots = 0;
            while (At(TokenKind.Not))
            {
                _p++;
                nots++;
            }
            if (nots > 0 && _depth + nots > MaxDepth) TooDeep();
            var operand = Comparison();
            if (operand is null)
            {
                _p = start;
                return null;
            }
            for (int i = nots - 1; i >= 0; i--)
            {
                operand = new UnaryOp(UnaryOperator.Not, operand, Span(start + i));
            }
            return operand;
        }

        private ExpressionNode? Comparison()
        {
            int start = _p;
            var left = BitwiseOr();
            if (left is null) return null;
            List<CompareOperator>? ops = null;
            List<ExpressionNode>? comparators = null;
            while (true)
            {
                int opStart = _p;
                CompareOperator op;
                switch (Kind())
                {
                    case TokenKind.EqualEqual: op = CompareOperator.Eq; _p++; break;
                    case TokenKind.NotEqual: op = CompareOperator.NotEq; _p++; break;
                    case TokenKind.LessEqual: op = CompareOperator.LtE; _p++; break;
                    case TokenKind.Less: op = CompareOperator.Lt; _p++; break;
                    case TokenKind.GreaterEqual: op = CompareOperator.GtE; _p++; break;
                    case TokenKind.Greater: op = CompareOperator.Gt; _p++; break;
                    case TokenKind.In: op = CompareOperator.In; _p++; break;
                    case TokenKind.Not:
                        if (Kind(1) != TokenKind.In) goto done;
                        op = CompareOperator.NotIn;
                        _p += 2;
                        break;
                    case TokenKind.Is:
                        if (Kind(1) == TokenKind.Not)
                        {
                            op = CompareOperator.IsNot;
                            _p += 2;
                        }
                        else
                        {
                            op = CompareOperator.Is;
                            _p++;
                        }
                        break;
                    default:
                        goto done;
                }
                var right = BitwiseOr();
                if (right is null)
                {
                    _p = opStart;
                    goto done;
                }
                (ops ??= new List<CompareOperator>()).Add(op);
                (comparators ??= new List<ExpressionNode>()).Add(right);
            }
        done:
            if (ops is null) return left;
            return new Compare(left, new NodeList<CompareOperator>(ops.ToArray()), new NodeList<ExpressionNode>(comparators.OrThrow().ToArray()), Span(start));
        }

        // ------------------------------------------------------------------ binary operators

        /// <summary>bitwise_or and every tighter binary level, by precedence climbing (left-associative, like the left-recursive rules).</summary>
        private ExpressionNode? BitwiseOr() => Binary(1);

        private static int BinaryPrecedence(TokenKind k, out Operator op)
        {
            switch (k)
            {
                case TokenKind.VerticalBar: op = Operator.BitOr; return 1;
                case TokenKind.Circumflex: op = Operator.BitXor; return 2;
                case TokenKind.Ampersand: op = Operator.BitAnd; return 3;
                case TokenKind.LeftShift: op = Operator.LShift; return 4;
                case TokenKind.RightShift: op = Operator.RShift; return 4;
                case TokenKind.Plus: op = Operator.Add; return 5;
                case TokenKind.Minus: op = Operator.Sub; return 5;
                case TokenKind.Star: op = Operator.Mult; return 6;
                case TokenKind.Slash: op = Operator.Div; return 6;
                case TokenKind.DoubleSlash: op = Operator.FloorDiv; return 6;
                case TokenKind.Percent: op = Operator.Mod; return 6;
                case TokenKind.At: op = Operator.MatMult; return 6;
            }
            op = Operator.Add;
            return 0;
        }

        private ExpressionNode? Binary(int minPrecedence)
        {
            int start = _p;
            var left = Factor();
            if (left is null) return null;
            while (true)
            {
                int prec = BinaryPrecedence(Kind(), out var op);
                if (prec < minPrecedence || prec == 0) return left;
                int opToken = _p;
                _p++;
                var right = prec == 6 ? Factor() : Binary(prec + 1);
                if (right is null)
                {
                    _p = opToken;
                    return left;
                }
                left = new BinOp(left, op, right, Span(start));
            }
        }

        /// <summary>factor: ('+' | '-' | '~') factor | power — iterative over the prefix operators.</summary>
        private ExpressionNode? Factor()
        {
            int start = _p;
            int count = 0;
            while (true)
            {
                var k = Kind();
                if (k == TokenKind.Plus || k == TokenKind.Minus || k == TokenKind.Tilde)
                {
                    _p++;
                    count++;
                }
                else break;
            }
            if (count == 0) return Power();
            if (_depth + count > MaxDepth) TooDeep();
            var operand = Power();
            if (operand is null)
            {
                _p = start;
                return null;
            }
            for (int i = count - 1; i >= 0; i--)
            {
                ref Token t = ref _t[start + i];
                var op = t.Kind == TokenKind.Plus ? UnaryOperator.UAdd : t.Kind == TokenKind.Minus ? UnaryOperator.USub : UnaryOperator.Invert;
                operand = new UnaryOp(op, operand, Span(start + i));
            }
            return operand;
        }

        /// <summary>power: await_primary '**' factor | await_primary</summary>
        private ExpressionNode? Power()
        {
            int start = _p;
            var left = AwaitPrimary();
            if (left is null) return null;
            if (!At(TokenKind.DoubleStar)) return left;
            int op = _p;
            _p++;
            Enter();
            var right = Factor();
            Leave();
            if (right is null)
            {
                _p = op;
                return left;
            }
            return new BinOp(left, Operator.Pow, right, Span(start));
        }

        /// <summary>await_primary: 'await' primary | primary</summary>
        private ExpressionNode? AwaitPrimary()
        {
            if (At(TokenKind.Await))
            {
                int start = _p;
                _p++;
                var value = Primary();
                if (value is null)
                {
                    _p = start;
                    return null;
                }
                return new Await(value, Span(start));
            }
            return Primary();
        }

        // ------------------------------------------------------------------ primary

        /// <summary>primary: atom followed by '.' NAME, genexp, '(' arguments ')' and '[' slices ']' trailers.</summary>
        private ExpressionNode? Primary()
        {
            if (!_memoActive) return PrimaryCore();
            long key = MemoKey(MemoRule.Primary);
            if (_memo.OrThrow().TryGetValue(key, out var m))
            {
                _p = m.End;
                return m.Node;
            }
            var r = PrimaryCore();
            _memo[key] = (r, _p);
            return r;
        }

        private ExpressionNode? PrimaryCore()
        {
            int start = _p;
            var e = Atom();
            if (e is null) return null;
            return Trailers(e, start);
        }

        private ExpressionNode Trailers(ExpressionNode e, int start)
        {
            while (true)
            {
                switch (Kind())
                {
                    case TokenKind.Dot:
                        if (Kind(1) != TokenKind.Name) return e;
                        _p++;
                        string attr = Tok().Text.OrThrow();
                        _p++;
                        e = new Attribute(e, attr, ExprContext.Load, Span(start));
                        break;
                    case TokenKind.LeftParen:
                        {
                            // primary genexp: with the invalid rules on, genexp's invalid_comprehension
                            // runs at any '(' '[' '{' after a primary (before the call and subscript forms).
                            if (_invalidRules) InvalidComprehension(_p, TokenKind.RightParen, afterPrimary: true);
                            var call = CallTrailer(e, start);
                            if (call is null) return e;
                            e = call;
                            break;
                        }
                    case TokenKind.LeftBracket:
                        {
                            if (_invalidRules) InvalidComprehension(_p, TokenKind.RightBracket, afterPrimary: true);
                            int bracket = _p;
                            _p++;
                            var slice = Slices();
                            if (slice is null || !Accept(TokenKind.RightBracket))
                            {
                                _p = bracket;
                                return e;
                            }
                            e = new Subscript(e, slice, ExprContext.Load, Span(start));
                            break;
                        }
                    case TokenKind.LeftBrace:
                        if (_invalidRules) InvalidComprehension(_p, TokenKind.RightBrace, afterPrimary: true);
                        return e;
                    default:
                        return e;
                }
            }
        }

        /// <summary>primary genexp | primary '(' [arguments] ')'</summary>
        private ExpressionNode? CallTrailer(ExpressionNode func, int start)
        {
            int paren = _p;
            _p++;
            if (Accept(TokenKind.RightParen))
                return new Call(func, NodeList<ExpressionNode>.Empty, NodeList<Keyword>.Empty, Span(start));
            if (!CallArguments(out var args, out var keywords, paren) || !Accept(TokenKind.RightParen))
            {
                if (_invalidRules)
                {
                    _p = paren + 1;
                    InvalidArguments();
                }
                _p = paren;
                return null;
            }
            return new Call(func, args, keywords, Span(start));
        }

        private bool AtComprehension() => At(TokenKind.For) || (At(TokenKind.Async) && Kind(1) == TokenKind.For);

        /// <summary>
        /// args [','] before ')': positional and *starred first; then keyword=value, *starred and **mapping,
        /// with no *starred after a **mapping. Starred items stay in the positional list, as CPython does.
        /// </summary>
        private bool CallArguments(out NodeList<ExpressionNode> args, out NodeList<Keyword> keywords, int genexpParen = -1)
        {
            args = NodeList<ExpressionNode>.Empty;
            keywords = NodeList<Keyword>.Empty;
            var positional = new List<ExpressionNode>();
            List<Keyword>? kws = null;
            bool keywordPhase = false, sawDoubleStar = false;
            int start = _p;
            while (true)
            {
                int itemStart = _p;
                if (At(TokenKind.Star))
                {
                    // After a '**' mapping only kwarg_or_double_starred items can follow: CPython does not read on.
                    if (sawDoubleStar)
                    {
                        _p = start;
                        return false;
                    }
                    _p++;
                    var value = Expression();
                    if (value is null)
                    {
                        _p = start;
                        return false;
                    }
                    positional.Add(new Starred(value, ExprContext.Load, Span(itemStart)));
                }
                else if (At(TokenKind.DoubleStar))
                {
                    _p++;
                    var value = Expression();
                    if (value is null)
                    {
                        _p = start;
                        return false;
                    }
                    (kws ??= new List<Keyword>()).Add(new Keyword(null, value, Span(itemStart)));
                    keywordPhase = true;
                    sawDoubleStar = true;
                }
                else if (Kind() == TokenKind.Name && Kind(1) == TokenKind.Equal)
                {
                    string name = Tok().Text.OrThrow();
                    _p += 2;
                    var value = Expression();
                    if (value is null)
                    {
                        _p = start;
                        return false;
                    }
                    (kws ??= new List<Keyword>()).Add(new Keyword(name, value, Span(itemStart)));
                    keywordPhase = true;
                }
                else
                {
                    // A positional item after keywords: args is over (kwargs cannot take it), so CPython's first
                    // pass does not read it, and its furthest token stays here.
                    if (keywordPhase)
                    {
                        _p = start;
                        return false;
                    }
                    // (assignment_expression | expression !':='): not named_expression, so no invalid_named_expression here.
                    var value = Kind() == TokenKind.Name && Kind(1) == TokenKind.ColonEqual ? NamedExpression() : Expression();
                    if (value is not null && At(TokenKind.ColonEqual)) value = null;
                    if (value is not null && genexpParen >= 0 && positional.Count == 0 && kws is null && AtComprehension())
                    {
                        // primary genexp: a generator as the only argument; the parentheses are the call's.
                        var generators = ForIfClauses();
                        if (generators is not null && At(TokenKind.RightParen))
                        {
                            _p++;
                            var genexp = new GeneratorExp(value, generators.Value, Span(genexpParen));
                            _p--;
                            args = NodeList.Of<ExpressionNode>(genexp);
                            return true;
                        }
                        _p = start;
                        return false;
                    }
                    if (value is null || keywordPhase || At(TokenKind.Equal))
                    {
                        _p = start;
                        return false;
                    }
                    positional.Add(value);
                }
                if (At(TokenKind.Comma))
                {
                    _p++;
                    if (At(TokenKind.RightParen)) break;
                    continue;
                }
                if (At(TokenKind.RightParen)) break;
                _p = start;
                return false;
            }
            args = new NodeList<ExpressionNode>(positional.ToArray());
            if (kws is not null) keywords = new NodeList<Keyword>(kws.ToArray());
            return true;
        }

        // ------------------------------------------------------------------ slices

        /// <summary>slices: slice !',' | ','.(slice | starred_expression)+ [','] → Tuple</summary>
        private ExpressionNode? Slices()
        {
            int start = _p;
            var first = SliceOrStarred();
            if (first is null) return null;
            if (!At(TokenKind.Comma))
            {
                if (first is Starred)
                {
                    // A lone starred subscript is still a one-element tuple: a[*b] == a[(*b,)].
                    return new Tuple(NodeList.Of(first), ExprContext.Load, Span(start));
                }
                return first;
            }
            var items = new List<ExpressionNode> { first };
            while (At(TokenKind.Comma))
            {
                _p++;
                var next = SliceOrStarred();
                if (next is null) break;
                items.Add(next);
            }
            return new Tuple(new NodeList<ExpressionNode>(items.ToArray()), ExprContext.Load, Span(start));
        }

        private ExpressionNode? SliceOrStarred()
        {
            if (At(TokenKind.Star))
            {
                int start = _p;
                _p++;
                var value = Expression();
                if (value is null)
                {
                    _p = start;
                    return null;
                }
                return new Starred(value, ExprContext.Load, Span(start));
            }
            return Slice();
        }

        /// <summary>slice: [expression] ':' [expression] [':' [expression]] | named_expression</summary>
        private ExpressionNode? Slice()
        {
            int start = _p;
            ExpressionNode? lower = null;
            if (!At(TokenKind.Colon))
            {
                if (Kind() == TokenKind.Name && Kind(1) == TokenKind.ColonEqual) return NamedExpression();
                lower = Expression();
                if (lower is null) return null;
                if (!At(TokenKind.Colon))
                {
                    if (At(TokenKind.ColonEqual))
                    {
                        _p = start;
                        return null;
                    }
                    return lower;
                }
            }
            _p++;
            var upper = At(TokenKind.Colon) ? null : Expression();
            ExpressionNode? step = null;
            if (At(TokenKind.Colon))
            {
                _p++;
                step = Expression();
            }
            return new Slice(lower, upper, step, Span(start));
        }

        // ------------------------------------------------------------------ atoms

        private ExpressionNode? Atom()
        {
            int start = _p;
            ref Token t = ref Tok();
            switch (t.Kind)
            {
                case TokenKind.Name:
                    _p++;
                    return new Name(t.Text.OrThrow(), ExprContext.Load, new SourceSpan(t.Line, t.Column, t.EndLine, t.EndColumn));
                case TokenKind.True:
                    _p++;
                    return new Constant(true, null, TokenSpan(start));
                case TokenKind.False:
                    _p++;
                    return new Constant(false, null, TokenSpan(start));
                case TokenKind.None:
                    _p++;
                    return new Constant(null, null, TokenSpan(start));
                case TokenKind.String:
                    return Strings();
                case TokenKind.Number:
                    _p++;
                    return new Constant(NumberValue(start), null, TokenSpan(start));
                case TokenKind.LeftParen:
                    return ParenAtom();
                case TokenKind.LeftBracket:
                    return BracketAtom();
                case TokenKind.LeftBrace:
                    return BraceAtom();
                case TokenKind.Ellipsis:
                    _p++;
                    return new Constant(PythonEllipsis.Value, null, TokenSpan(start));
            }
            return null;
        }

        /// <summary>'(' : tuple | group | genexp</summary>
        private ExpressionNode? ParenAtom()
        {
            int start = _p;
            Enter();
            _p++;
            ExpressionNode? result = null;
            if (At(TokenKind.RightParen))
            {
                _p++;
                result = new Tuple(NodeList<ExpressionNode>.Empty, ExprContext.Load, Span(start));
            }
            else if (At(TokenKind.Yield))
            {
                var y = YieldExpression();
                if (y is not null && Accept(TokenKind.RightParen)) result = y;
            }
            else
            {
                var first = StarNamedExpression();
                if (first is not null)
                {
                    if (At(TokenKind.Comma))
                    {
                        var items = new List<ExpressionNode> { first };
                        bool ok = true;
                        while (At(TokenKind.Comma))
                        {
                            _p++;
                            if (At(TokenKind.RightParen)) break;
                            var next = StarNamedExpression();
                            if (next is null)
                            {
                                ok = false;
                                break;
                            }
                            items.Add(next);
                        }
                        if (ok && Accept(TokenKind.RightParen))
                            result = new Tuple(new NodeList<ExpressionNode>(items.ToArray()), ExprContext.Load, Span(start));
                    }
                    else if (At(TokenKind.RightParen))
                    {
                        if (first is Starred)
                        {
                            if (_invalidRules) throw ErrorAt(first, "cannot use starred expression here");
                        }
                        else
                        {
                            _p++;
                            result = first;
                        }
                    }
                    else if (AtComprehension() && first is not Starred)
                    {
                        var generators = ForIfClauses();
                        if (generators is not null && Accept(TokenKind.RightParen))
                            result = new GeneratorExp(first, generators.Value, Span(start));
                    }
                }
                else if (_invalidRules)
                {
                    InvalidComprehension(start, TokenKind.RightParen);
                    InvalidParenContent(start);
                }
            }
            Leave();
            if (result is null) _p = start;
            return result;
        }

        /// <summary>'[' : list | listcomp</summary>
        private ExpressionNode? BracketAtom()
        {
            int start = _p;
            Enter();
            _p++;
            ExpressionNode? result = null;
            if (At(TokenKind.RightBracket))
            {
                _p++;
                result = new List(NodeList<ExpressionNode>.Empty, ExprContext.Load, Span(start));
            }
            else
            {
                if (_invalidRules) InvalidComprehension(start, TokenKind.RightBracket);
                var first = StarNamedExpression();
                if (first is not null)
                {
                    if (AtComprehension() && first is not Starred)
                    {
                        var generators = ForIfClauses();
                        if (generators is not null && Accept(TokenKind.RightBracket))
                            result = new ListComp(first, generators.Value, Span(start));
                    }
                    else
                    {
                        var items = SequenceTail(first, TokenKind.RightBracket);
                        if (items is not null) result = new List(items.Value, ExprContext.Load, Span(start));
                    }
                }
            }
            Leave();
            if (result is null) _p = start;
            return result;
        }

        /// <summary>The rest of star_named_expressions after its first item, through the closing bracket.</summary>
        private NodeList<ExpressionNode>? SequenceTail(ExpressionNode first, TokenKind close)
        {
            var items = new List<ExpressionNode> { first };
            while (At(TokenKind.Comma))
            {
                _p++;
                if (At(close)) break;
                var next = StarNamedExpression();
                if (next is null) return null;
                items.Add(next);
            }
            if (!Accept(close)) return null;
            return new NodeList<ExpressionNode>(items.ToArray());
        }

        /// <summary>'{' : dict | set | dictcomp | setcomp</summary>
        private ExpressionNode? BraceAtom()
        {
            int start = _p;
            Enter();
            _p++;
            ExpressionNode? result = null;
            if (At(TokenKind.RightBrace))
            {
                _p++;
                result = new Dict(NodeList<ExpressionNode?>.Empty, NodeList<ExpressionNode>.Empty, Span(start));
            }
            else if (At(TokenKind.DoubleStar))
            {
                result = DictBody(start, null, null);
            }
            else
            {
                int itemStart = _p;
                ExpressionNode? key = At(TokenKind.Star) ? null : Expression();
                if (key is not null && At(TokenKind.Colon))
                {
                    _p++;
                    var value = Expression();
                    if (value is not null)
                    {
                        if (AtComprehension())
                        {
                            var generators = ForIfClauses();
                            if (generators is not null && Accept(TokenKind.RightBrace))
                                result = new DictComp(key, value, generators.Value, Span(start));
                        }
                        else result = DictBody(start, key, value);
                    }

                }
                else
                {
                    ExpressionNode? first;
                    if (key is not null && !(Kind() == TokenKind.ColonEqual))
                    {
                        // Reuse the parsed key as the first set element (named_expression = expression !':=').
                        first = key;
                    }
                    else
                    {
                        _p = itemStart;
                        first = StarNamedExpression();
                    }
                    if (first is not null)
                    {
                        if (AtComprehension() && first is not Starred)
                        {
                            var generators = ForIfClauses();
                            if (generators is not null && Accept(TokenKind.RightBrace))
                                result = new SetComp(first, generators.Value, Span(start));
                        }
                        else
                        {
                            var items = SequenceTail(first, TokenKind.RightBrace);
                            if (items is not null) result = new Set(items.Value, Span(start));
                        }
                    }
                }
            }
            if (result is null)
            {
                // dict: '{' invalid_double_starred_kvpairs '}' is not a lone invalid_ alternative, so
                // CPython runs it in the first pass too (and under expression_without_invalid).
                InvalidDoubleStarredKvpairs(start);
                if (_invalidRules) InvalidComprehension(start, TokenKind.RightBrace);
            }
            Leave();
            if (result is null) _p = start;
            return result;
        }

        /// <summary>The rest of a dict display: ','.(kvpair | '**' bitwise_or)+ [','] '}'.</summary>
        private ExpressionNode? DictBody(int start, ExpressionNode? firstKey, ExpressionNode? firstValue)
        {
            var keys = new List<ExpressionNode?>();
            var values = new List<ExpressionNode>();
            if (firstValue is not null)
            {
                keys.Add(firstKey);
                values.Add(firstValue);
                if (!At(TokenKind.Comma))
                {
                    if (Accept(TokenKind.RightBrace)) goto build;
                    return null;
                }
                _p++;
            }
            while (!At(TokenKind.RightBrace))
            {
                if (At(TokenKind.DoubleStar))
                {
                    _p++;
                    var mapping = BitwiseOr();
                    if (mapping is null) return null;
                    keys.Add(null);
                    values.Add(mapping);
                }
                else
                {
                    var k = Expression();
                    if (k is null || !Accept(TokenKind.Colon)) return null;
                    var v = Expression();
                    if (v is null) return null;
                    keys.Add(k);
                    values.Add(v);
                }
                if (!Accept(TokenKind.Comma)) break;
            }
            if (!Accept(TokenKind.RightBrace)) return null;
        build:
            return new Dict(new NodeList<ExpressionNode?>(keys.ToArray()), new NodeList<ExpressionNode>(values.ToArray()), Span(start));
        }

        // ------------------------------------------------------------------ comprehensions

        /// <summary>for_if_clauses: (['async'] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*)+</summary>
        private NodeList<Comprehension>? ForIfClauses()
        {
            var list = new List<Comprehension>();
            while (AtComprehension())
            {
                int start = _p;
                bool isAsync = Accept(TokenKind.Async);
                int forToken = _p;
                _p++;
                var target = StarTargets();
                if (target is null || !At(TokenKind.In))
                {
                    if (_invalidRules) InvalidComprehensionTarget(forToken, target);
                    _p = start;
                    return list.Count > 0 ? null : null;
                }
                _p++;
                var iter = Disjunction();
                if (iter is null)
                {
                    _p = start;
                    return null;
                }
                List<ExpressionNode>? ifs = null;
                while (At(TokenKind.If))
                {
                    int ifToken = _p;
                    _p++;
                    var cond = Disjunction();
                    if (cond is null)
                    {
                        _p = ifToken;
                        break;
                    }
                    (ifs ??= new List<ExpressionNode>()).Add(cond);
                }
                list.Add(new Comprehension(target, iter, ifs is null ? NodeList<ExpressionNode>.Empty : new NodeList<ExpressionNode>(ifs.ToArray()), isAsync, SourceSpan.None));
            }
            if (list.Count == 0) return null;
            return new NodeList<Comprehension>(list.ToArray());
        }

        // ------------------------------------------------------------------ lambda and yield

        private ExpressionNode? Lambda()
        {
            int start = _p;
            _p++;
            var args = At(TokenKind.Colon) ? EmptyArguments() : Parameters(lambda: true);
            if (args is null || !Accept(TokenKind.Colon))
            {
                _p = start;
                return null;
            }
            var body = Expression();
            if (body is null)
            {
                _p = start;
                return null;
            }
            return new Lambda(args, body, Span(start));
        }

        /// <summary>yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]</summary>
        private ExpressionNode? YieldExpression()
        {
            int start = _p;
            if (!At(TokenKind.Yield)) return null;
            _p++;
            if (At(TokenKind.From))
            {
                _p++;
                var source = Expression();
                if (source is not null) return new YieldFrom(source, Span(start));
                _p = start + 1;
            }
            var value = StarExpressions();
            return new Yield(value, Span(start));
        }
    }
}
