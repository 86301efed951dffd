using Batuta.Python.Ast;
using Attribute = Batuta.Python.Ast.Attribute;
using Tuple = Batuta.Python.Ast.Tuple;

namespace Batuta.Python.Syntax
{
    internal sealed partial class Parser
    {
        /// <summary>
        /// params / lambda_params: the five <c>parameters</c> alternatives of the grammar as one left-to-right
        /// scan (positional-only before '/', then positional, then '*' or '*name' with keyword-only, then
        /// '**name'). Returns null, position restored, when the list is not valid; with invalid rules on,
        /// raises CPython's specific message instead.
        /// </summary>
        private Arguments? Parameters(bool lambda)
        {
            int start = _p;
            var close = lambda ? TokenKind.Colon : TokenKind.RightParen;
            var posonly = new List<Arg>();
            var args = new List<Arg>();
            var defaults = new List<ExpressionNode>();
            Arg? vararg = null, kwarg = null;
            var kwonly = new List<Arg>();
            var kwDefaults = new List<ExpressionNode?>();
            bool sawDefault = false, sawSlash = false, sawStar = false;
            bool any = false;

            while (!At(close))
            {
                if (At(TokenKind.Slash))
                {
                    int slash = _p;
                    if (sawStar || vararg is not null)
                    {
                        if (_invalidRules) throw ErrorAtToken(slash, "/ must be ahead of *");
                        return Fail(start);
                    }
                    if (sawSlash)
                    {
                        if (_invalidRules) throw ErrorAtToken(slash, "/ may appear only once");
                        return Fail(start);
                    }
                    if (args.Count == 0)
                    {
                        if (_invalidRules && Kind(1) == TokenKind.Comma) throw ErrorAtToken(slash, "at least one argument must precede /");
                        return Fail(start);
                    }
                    _p++;
                    sawSlash = true;
                    posonly.AddRange(args);
                    args.Clear();
                    if (!EndOfParameter(close))
                    {
                        if (_invalidRules && At(TokenKind.Star)) throw ErrorAtToken(_p, "expected comma between / and *");
                        return Fail(start);
                    }
                    any = true;
                    continue;
                }
                if (At(TokenKind.Star))
                {
                    int star = _p;
                    if (sawStar)
                    {
                        if (_invalidRules) throw ErrorAtToken(star, "* argument may appear only once");
                        return Fail(start);
                    }
                    if (kwarg is not null) return Fail(start);
                    sawStar = true;
                    _p++;
                    if (At(TokenKind.Comma))
                    {
                        // Bare '*': keyword-only parameters must follow.
                        if (Kind(1) == close || Kind(1) == TokenKind.DoubleStar)
                        {
                            if (_invalidRules)
                            {
                                if (lambda) throw ErrorAtLastToken("named arguments must follow bare *");
                                throw ErrorAtToken(star, "named arguments must follow bare *");
                            }
                            return Fail(start);
                        }
                        _p++;
                        any = true;
                        continue;
                    }
                    if (At(close))
                    {
                        if (_invalidRules)
                        {
                            if (lambda) throw ErrorAtLastToken("named arguments must follow bare *");
                            throw ErrorAtToken(star, "named arguments must follow bare *");
                        }
                        return Fail(start);
                    }
                    var v = Param(lambda, starAnnotation: !lambda);
                    if (v is null) return Fail(start);
                    if (At(TokenKind.Equal))
                    {
                        // invalid_star_etc: '*' param '=' — param's annotation is a plain expression, not *Ts.
                        if (_invalidRules && v.Annotation is not Starred) throw ErrorAtToken(_p, "var-positional argument cannot have default value");
                        return Fail(start);
                    }
                    vararg = v;
                    if (!EndOfParameter(close)) return Fail(start);
                    any = true;
                    continue;
                }
                if (At(TokenKind.DoubleStar))
                {
                    _p++;
                    var k = Param(lambda, starAnnotation: false);
                    if (k is null) return Fail(start);
                    if (At(TokenKind.Equal))
                    {
                        if (_invalidRules) throw ErrorAtToken(_p, "var-keyword argument cannot have default value");
                        return Fail(start);
                    }
                    kwarg = k;
                    if (!EndOfParameter(close)) return Fail(start);
                    if (!At(close))
                    {
                        if (_invalidRules)
                        {
                            if (Kind() == TokenKind.Name) throw ErrorAt(Param(lambda, false) ?? (Node)k, "arguments cannot follow var-keyword argument");
                            if (At(TokenKind.Star) || At(TokenKind.DoubleStar) || At(TokenKind.Slash))
                                throw ErrorAtToken(_p, "arguments cannot follow var-keyword argument");
                        }
                        return Fail(start);
                    }
                    any = true;
                    break;
                }
                if (Kind() != TokenKind.Name)
                {
                    // param_no_default* '(' ...: only while no default, '/', '*' or '**' came before.
                    if (_invalidRules && At(TokenKind.LeftParen) && !sawDefault && !sawSlash && !sawStar && vararg is null && kwarg is null)
                        InvalidParenthesizedParameters(lambda);
                    return Fail(start);
                }
                if (kwarg is not null) return Fail(start);
                var p = Param(lambda, starAnnotation: false);
                if (p is null) return Fail(start);
                ExpressionNode? dflt = null;
                if (At(TokenKind.Equal))
                {
                    int eq = _p;
                    _p++;
                    dflt = Expression();
                    if (dflt is null)
                    {
                        if (_invalidRules && (At(TokenKind.RightParen) || At(TokenKind.Comma) || (lambda && At(TokenKind.Colon))))
                            throw ErrorAtToken(eq, "expected default value expression");
                        return Fail(start);
                    }
                }
                if (sawStar)
                {
                    kwonly.Add(p);
                    kwDefaults.Add(dflt);
                }
                else
                {
                    if (dflt is not null)
                    {
                        sawDefault = true;
                        defaults.Add(dflt);
                    }
                    else if (sawDefault)
                    {
                        // invalid_parameters' a=param_no_default: the parameter must end with ',' or the closer.
                        if (_invalidRules && (At(TokenKind.Comma) || At(close))) throw ErrorAt(p, "non-default argument follows default argument");
                        return Fail(start);
                    }
                    args.Add(p);
                }
                if (!EndOfParameter(close)) return Fail(start);
                any = true;
            }
            if (!any) return Fail(start);
            return new Arguments(
                new NodeList<Arg>(posonly.ToArray()), new NodeList<Arg>(args.ToArray()), vararg,
                new NodeList<Arg>(kwonly.ToArray()), new NodeList<ExpressionNode?>(kwDefaults.ToArray()), kwarg,
                new NodeList<ExpressionNode>(defaults.ToArray()), SourceSpan.None);
        }

        private Arguments? Fail(int start)
        {
            _p = start;
            return null;
        }

        /// <summary>After a parameter: ',' (consumed) or the closing token (not consumed).</summary>
        private bool EndOfParameter(TokenKind close)
        {
            if (Accept(TokenKind.Comma)) return true;
            return At(close);
        }

        /// <summary>param: NAME [':' expression] (a star annotation, ':' star_expression, for *args).</summary>
        private Arg? Param(bool lambda, bool starAnnotation)
        {
            if (Kind() != TokenKind.Name) return null;
            int start = _p;
            string name = Tok().Text.OrThrow();
            _p++;
            ExpressionNode? annotation = null;
            if (!lambda && At(TokenKind.Colon))
            {
                int colon = _p;
                _p++;
                annotation = starAnnotation ? StarExpression() : Expression();
                if (annotation is null) _p = colon;
            }
            return new Arg(name, annotation, null, Span(start));
        }

        private void InvalidParenthesizedParameters(bool lambda)
        {
            // param_no_default* '(' param_no_default+ ','? ')' → Function parameters cannot be parenthesized
            int a = _p;
            _p++;
            int count = 0;
            while (Kind() == TokenKind.Name)
            {
                _p++;
                if (!lambda && At(TokenKind.Colon))
                {
                    _p++;
                    if (Expression() is null) break;
                }
                count++;
                if (!Accept(TokenKind.Comma)) break;
            }
            if (count > 0 && At(TokenKind.RightParen))
                throw ErrorRange(TokenSpan(a), TokenSpan(_p), lambda ? "Lambda expression parameters cannot be parenthesized" : "Function parameters cannot be parenthesized");
            _p = a;
        }
    }
}
