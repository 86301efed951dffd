using Batuta.Python.Ast;
using Attribute = Batuta.Python.Ast.Attribute;
using Tuple = Batuta.Python.Ast.Tuple;

namespace Batuta.Python.Syntax
{
    /// <summary>match/case patterns (PEP 634), rule by rule from the 3.11 grammar.</summary>
    internal sealed partial class Parser
    {
        /// <summary>patterns: open_sequence_pattern → MatchSequence | pattern</summary>
        private PatternNode? Patterns()
        {
            int start = _p;
            var first = MaybeStarPattern();
            if (first is null) return null;
            if (!At(TokenKind.Comma))
            {
                if (first is MatchStar)
                {
                    _p = start;
                    return null;
                }
                return first;
            }
            var items = new List<PatternNode> { first };
            while (At(TokenKind.Comma))
            {
                _p++;
                int save = _p;
                var next = MaybeStarPattern();
                if (next is null)
                {
                    _p = save;
                    break;
                }
                items.Add(next);
            }
            return new MatchSequence(new NodeList<PatternNode>(items.ToArray()), Span(start));
        }

        /// <summary>pattern: as_pattern | or_pattern</summary>
        private PatternNode? Pattern()
        {
            Enter();
            int start = _p;
            var or = OrPattern();
            if (or is null)
            {
                Leave();
                return null;
            }
            if (At(TokenKind.As))
            {
                int asToken = _p;
                _p++;
                if (Kind() == TokenKind.Name && !AtSoftKeyword("_") && !IsAnyOf(Kind(1), TokenKind.Dot, TokenKind.LeftParen, TokenKind.Equal))
                {
                    string name = Tok().Text.OrThrow();
                    _p++;
                    Leave();
                    return new MatchAs(or, name, Span(start));
                }
                if (_invalidRules)
                {
                    if (AtSoftKeyword("_")) throw ErrorAtToken(_p, "cannot use '_' as a target");
                    var e = Expression();
                    if (e is not null) throw ErrorAt(e, "invalid pattern target");
                }
                _p = asToken;
            }
            Leave();
            return or;
        }

        private static bool IsAnyOf(TokenKind k, TokenKind a, TokenKind b, TokenKind c) => k == a || k == b || k == c;

        /// <summary>or_pattern: '|'.closed_pattern+</summary>
        private PatternNode? OrPattern()
        {
            int start = _p;
            var first = ClosedPattern();
            if (first is null) return null;
            if (!At(TokenKind.VerticalBar)) return first;
            var items = new List<PatternNode> { first };
            while (At(TokenKind.VerticalBar))
            {
                int bar = _p;
                _p++;
                var next = ClosedPattern();
                if (next is null)
                {
                    _p = bar;
                    break;
                }
                items.Add(next);
            }
            if (items.Count == 1) return first;
            return new MatchOr(new NodeList<PatternNode>(items.ToArray()), Span(start));
        }

        private PatternNode? ClosedPattern()
        {
            int start = _p;
            switch (Kind())
            {
                case TokenKind.Number:
                case TokenKind.Minus:
                    {
                        var value = SignedNumberOrComplex();
                        if (value is null) return null;
                        return new MatchValue(value, Span(start));
                    }
                case TokenKind.String:
                    {
                        var s = Strings();
                        if (s is null) return null;
                        return new MatchValue(s, Span(start));
                    }
                case TokenKind.None:
                    _p++;
                    return new MatchSingleton(null, TokenSpan(start));
                case TokenKind.True:
                    _p++;
                    return new MatchSingleton(true, TokenSpan(start));
                case TokenKind.False:
                    _p++;
                    return new MatchSingleton(false, TokenSpan(start));
                case TokenKind.Name:
                    return NamePattern();
                case TokenKind.LeftParen:
                    return ParenPattern();
                case TokenKind.LeftBracket:
                    {
                        _p++;
                        var items = MaybeSequencePattern(TokenKind.RightBracket);
                        if (items is null || !Accept(TokenKind.RightBracket))
                        {
                            _p = start;
                            return null;
                        }
                        return new MatchSequence(items.Value, Span(start));
                    }
                case TokenKind.LeftBrace:
                    return MappingPattern();
            }
            return null;
        }

        /// <summary>
        /// literal numbers: signed_number !('+' | '-') | complex_number
        /// (signed_real_number ('+' | '-') imaginary_number).
        /// </summary>
        private ExpressionNode? SignedNumberOrComplex()
        {
            int start = _p;
            var real = SignedNumber();
            if (real is null) return null;
            if (!At(TokenKind.Plus) && !At(TokenKind.Minus)) return real;
            // complex_number: the left part must be real and the right part imaginary.
            var op = Kind() == TokenKind.Plus ? Operator.Add : Operator.Sub;
            _p++;
            if (!At(TokenKind.Number))
            {
                _p = start;
                return null;
            }
            EnsureReal(real);
            int imagToken = _p;
            var imag = new Constant(NumberValue(imagToken), null, TokenSpan(imagToken));
            _p++;
            if (imag.Value is not System.Numerics.Complex)
                throw ErrorAt(imag, "imaginary number required in complex literal");
            return new BinOp(real, op, imag, Span(start));
        }

        private void EnsureReal(ExpressionNode e)
        {
            var c = e is UnaryOp u ? (Constant)u.Operand : (Constant)e;
            if (c.Value is System.Numerics.Complex) throw ErrorAt(c, "real number required in complex literal");
        }

        /// <summary>signed_number: NUMBER | '-' NUMBER → UnaryOp(USub)</summary>
        private ExpressionNode? SignedNumber()
        {
            int start = _p;
            bool negative = Accept(TokenKind.Minus);
            if (!At(TokenKind.Number))
            {
                _p = start;
                return null;
            }
            int numToken = _p;
            var c = new Constant(NumberValue(numToken), null, TokenSpan(numToken));
            _p++;
            return negative ? new UnaryOp(UnaryOperator.USub, c, Span(start)) : c;
        }

        /// <summary>capture_pattern | wildcard_pattern | value_pattern | class_pattern (all start with a NAME).</summary>
        private PatternNode? NamePattern()
        {
            int start = _p;
            var next = Kind(1);
            if (next != TokenKind.Dot && next != TokenKind.LeftParen && next != TokenKind.Equal)
            {
                if (AtSoftKeyword("_"))
                {
                    _p++;
                    return new MatchAs(null, null, TokenSpan(start));
                }
                string name = Tok().Text.OrThrow();
                _p++;
                return new MatchAs(null, name, TokenSpan(start));
            }
            // name_or_attr: NAME ('.' NAME)*
            ExpressionNode cls = new Name(Tok().Text.OrThrow(), ExprContext.Load, TokenSpan(start));
            _p++;
            bool dotted = false;
            while (At(TokenKind.Dot) && Kind(1) == TokenKind.Name)
            {
                _p++;
                string attrName = Tok().Text.OrThrow();
                _p++;
                cls = new Attribute(cls, attrName, ExprContext.Load, Span(start));
                dotted = true;
            }
            if (At(TokenKind.LeftParen)) return ClassPattern(start, cls);
            if (dotted && !At(TokenKind.Dot) && !At(TokenKind.Equal)) return new MatchValue(cls, Span(start));
            _p = start;
            return null;
        }

        /// <summary>class_pattern: name_or_attr '(' [positional_patterns] [keyword_patterns] ','? ')'</summary>
        private PatternNode? ClassPattern(int start, ExpressionNode cls)
        {
            _p++;
            var positional = new List<PatternNode>();
            var kwdAttrs = new List<string>();
            var kwdPatterns = new List<PatternNode>();
            while (!At(TokenKind.RightParen))
            {
                if (Kind() == TokenKind.Name && Kind(1) == TokenKind.Equal)
                {
                    string attr = Tok().Text.OrThrow();
                    _p += 2;
                    var value = Pattern();
                    if (value is null)
                    {
                        _p = start;
                        return null;
                    }
                    kwdAttrs.Add(attr);
                    kwdPatterns.Add(value);
                }
                else
                {
                    int itemStart = _p;
                    var p = Pattern();
                    if (p is null)
                    {
                        _p = start;
                        return null;
                    }
                    if (kwdAttrs.Count > 0)
                    {
                        if (_invalidRules) InvalidClassPattern(itemStart);
                        _p = start;
                        return null;
                    }
                    positional.Add(p);
                }
                if (!Accept(TokenKind.Comma)) break;
            }
            if (!Accept(TokenKind.RightParen))
            {
                _p = start;
                return null;
            }
            return new MatchClass(cls, new NodeList<PatternNode>(positional.ToArray()), new NodeList<string>(kwdAttrs.ToArray()),
                new NodeList<PatternNode>(kwdPatterns.ToArray()), Span(start));
        }

        private void InvalidClassPattern(int firstPositional)
        {
            // positional patterns after keyword patterns: report the run of positional patterns.
            int save = _p;
            _p = firstPositional;
            var first = Pattern();
            PatternNode? last = first;
            while (first is not null && At(TokenKind.Comma))
            {
                int comma = _p;
                _p++;
                if (Kind() == TokenKind.Name && Kind(1) == TokenKind.Equal)
                {
                    _p = comma;
                    break;
                }
                var next = Pattern();
                if (next is null)
                {
                    _p = comma;
                    break;
                }
                last = next;
            }
            if (first is not null) throw ErrorRange(first.Span, last.OrThrow().Span, "positional patterns follow keyword patterns");
            _p = save;
        }

        /// <summary>'(' : group_pattern '(' pattern ')' | sequence_pattern '(' open_sequence_pattern? ')'</summary>
        private PatternNode? ParenPattern()
        {
            int start = _p;
            _p++;
            if (Accept(TokenKind.RightParen)) return new MatchSequence(NodeList<PatternNode>.Empty, Span(start));
            var first = MaybeStarPattern();
            if (first is null)
            {
                _p = start;
                return null;
            }
            if (At(TokenKind.RightParen) && first is not MatchStar)
            {
                _p++;
                return first;
            }
            if (!At(TokenKind.Comma))
            {
                _p = start;
                return null;
            }
            var items = new List<PatternNode> { first };
            while (Accept(TokenKind.Comma))
            {
                if (At(TokenKind.RightParen)) break;
                var next = MaybeStarPattern();
                if (next is null)
                {
                    _p = start;
                    return null;
                }
                items.Add(next);
            }
            if (!Accept(TokenKind.RightParen))
            {
                _p = start;
                return null;
            }
            return new MatchSequence(new NodeList<PatternNode>(items.ToArray()), Span(start));
        }

        /// <summary>maybe_sequence_pattern: ','.maybe_star_pattern+ ','? (empty allowed before ']')</summary>
        private NodeList<PatternNode>? MaybeSequencePattern(TokenKind close)
        {
            var items = new List<PatternNode>();
            while (!At(close))
            {
                var p = MaybeStarPattern();
                if (p is null) return null;
                items.Add(p);
                if (!Accept(TokenKind.Comma)) break;
            }
            return new NodeList<PatternNode>(items.ToArray());
        }

        /// <summary>maybe_star_pattern: star_pattern | pattern</summary>
        private PatternNode? MaybeStarPattern()
        {
            if (At(TokenKind.Star))
            {
                int start = _p;
                _p++;
                if (Kind() == TokenKind.Name && !IsAnyOf(Kind(1), TokenKind.Dot, TokenKind.LeftParen, TokenKind.Equal))
                {
                    string? name = AtSoftKeyword("_") ? null : Tok().Text;
                    _p++;
                    return new MatchStar(name, Span(start));
                }
                _p = start;
                return null;
            }
            return Pattern();
        }

        /// <summary>mapping_pattern: '{' [items_pattern] [',' '**' NAME] ','? '}'</summary>
        private PatternNode? MappingPattern()
        {
            int start = _p;
            _p++;
            var keys = new List<ExpressionNode>();
            var patterns = new List<PatternNode>();
            string? rest = null;
            while (!At(TokenKind.RightBrace))
            {
                if (At(TokenKind.DoubleStar))
                {
                    int starStar = _p;
                    _p++;
                    if (Kind() != TokenKind.Name || AtSoftKeyword("_") || IsAnyOf(Kind(1), TokenKind.Dot, TokenKind.LeftParen, TokenKind.Equal))
                    {
                        _p = start;
                        return null;
                    }
                    rest = Tok().Text;
                    var restSpan = TokenSpan(_p);
                    _p++;
                    Accept(TokenKind.Comma);
                    if (!At(TokenKind.RightBrace))
                    {
                        _ = starStar;
                        _ = restSpan;
                        _p = start;
                        return null;
                    }
                    break;
                }
                var key = MappingKey();
                if (key is null || !Accept(TokenKind.Colon))
                {
                    _p = start;
                    return null;
                }
                var value = Pattern();
                if (value is null)
                {
                    _p = start;
                    return null;
                }
                keys.Add(key);
                patterns.Add(value);
                if (!Accept(TokenKind.Comma)) break;
            }
            if (!Accept(TokenKind.RightBrace))
            {
                _p = start;
                return null;
            }
            return new MatchMapping(new NodeList<ExpressionNode>(keys.ToArray()), new NodeList<PatternNode>(patterns.ToArray()), rest, Span(start));
        }

        /// <summary>key: literal_expr | attr</summary>
        private ExpressionNode? MappingKey()
        {
            int start = _p;
            switch (Kind())
            {
                case TokenKind.Number:
                case TokenKind.Minus:
                    return SignedNumberOrComplex();
                case TokenKind.String:
                    return Strings();
                case TokenKind.None:
                    _p++;
                    return new Constant(null, null, TokenSpan(start));
                case TokenKind.True:
                    _p++;
                    return new Constant(true, null, TokenSpan(start));
                case TokenKind.False:
                    _p++;
                    return new Constant(false, null, TokenSpan(start));
                case TokenKind.Name:
                    {
                        if (Kind(1) != TokenKind.Dot) return null;
                        ExpressionNode e = new Name(Tok().Text.OrThrow(), ExprContext.Load, TokenSpan(start));
                        _p++;
                        while (At(TokenKind.Dot) && Kind(1) == TokenKind.Name)
                        {
                            _p++;
                            string attrName = Tok().Text.OrThrow();
                            _p++;
                            e = new Attribute(e, attrName, ExprContext.Load, Span(start));
                        }
                        if (e is Name)
                        {
                            _p = start;
                            return null;
                        }
                        return e;
                    }
            }
            return null;
        }
    }
}
