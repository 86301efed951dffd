using Batuta.Python.Ast;
using Attribute = Batuta.Python.Ast.Attribute;
using Tuple = Batuta.Python.Ast.Tuple;

namespace Batuta.Python.Syntax
{
    /// <summary>
    /// CPython's <c>invalid_*</c> rules: run only in the second pass over a statement that failed, each
    /// either raises CPython's specialised message or leaves the position untouched.
    /// </summary>
    internal sealed partial class Parser
    {
        /// <summary>_PyPegen_get_expr_name: how CPython names an expression in messages.</summary>
        internal static string ExprName(ExpressionNode e) => e switch
        {
            Attribute => "attribute",
            Subscript => "subscript",
            Starred => "starred",
            Name => "name",
            List => "list",
            Tuple => "tuple",
            Batuta.Python.Ast.Lambda => "lambda",
            Call => "function call",
            BoolOp or BinOp or UnaryOp => "expression",
            GeneratorExp => "generator expression",
            Yield or YieldFrom => "yield expression",
            Await => "await expression",
            ListComp => "list comprehension",
            SetComp => "set comprehension",
            DictComp => "dict comprehension",
            Dict => "dict literal",
            Set => "set display",
            JoinedStr or FormattedValue => "f-string expression",
            Constant c => c.Value switch
            {
                null => "None",
                true => "True",
                false => "False",
                PythonEllipsis => "ellipsis",
                _ => "literal",
            },
            Compare => "comparison",
            IfExp => "conditional expression",
            NamedExpr => "named expression",
            _ => "expression",
        };

        /// <summary>_PyPegen_get_invalid_target: the first sub-expression that cannot be a target, or null.</summary>
        private static ExpressionNode? InvalidTarget(ExpressionNode e, TargetsType type)
        {
            switch (e)
            {
                case List l:
                    foreach (var x in l.Elts)
                    {
                        var bad = InvalidTarget(x, type);
                        if (bad is not null) return bad;
                    }
                    return null;
                case Tuple t:
                    foreach (var x in t.Elts)
                    {
                        var bad = InvalidTarget(x, type);
                        if (bad is not null) return bad;
                    }
                    return null;
                case Starred s:
                    if (type == TargetsType.Del) return e;
                    return InvalidTarget(s.Value, type);
                case Compare c:
                    // "for x in y in z": the 'in' belongs to the for loop, so blame what follows.
                    if (type == TargetsType.For)
                    {
                        if (c.Ops[0] == CompareOperator.In) return InvalidTarget(c.Left, type);
                        return null;
                    }
                    return e;
                case Name or Subscript or Attribute:
                    return null;
                default:
                    return e;
            }
        }

        /// <summary>RAISE_SYNTAX_ERROR_INVALID_TARGET: raises when some part of <paramref name="e"/> is not assignable.</summary>
        private void RaiseInvalidTarget(ExpressionNode e, TargetsType type)
        {
            var bad = InvalidTarget(e, type);
            if (bad is null) return;
            string msg = (type == TargetsType.Del ? "cannot delete " : "cannot assign to ") + ExprName(bad);
            throw ErrorAt(bad, msg, DiagnosticCodes.InvalidTarget);
        }

        // ------------------------------------------------------------------ expressions

        /// <summary>Parses with the invalid rules off (CPython's *_without_invalid rules).</summary>
        private ExpressionNode? WithoutInvalid(Func<ExpressionNode?> rule)
        {
            bool saved = _invalidRules;
            _invalidRules = false;
            try
            {
                return rule();
            }
            finally
            {
                _invalidRules = saved;
            }
        }

        /// <summary>
        /// CPython's SOFT_KEYWORD token (_PyPegen_soft_keyword_token): it compares with
        /// strncmp(keyword, token, token_length), so any NAME that is a prefix of "match", "case" or "_"
        /// ("m", "ca", ...) counts as a soft keyword. Replicated for identical error messages.
        /// </summary>
        private bool AtSoftKeywordAny()
        {
            ref Token t = ref Tok();
            if (t.Kind != TokenKind.Name) return false;
            string? text = t.Text;
            if (text is null || text.Length == 0 || text.Length > 5 || t.End - t.Start != text.Length) return false;
            return IsPrefixOf(text, "match") || IsPrefixOf(text, "case") || text == "_";
        }

        private static bool IsPrefixOf(string text, string keyword) => keyword.StartsWith(text, StringComparison.Ordinal);

        /// <summary>
        /// invalid_expression:
        ///   !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid → "Perhaps you forgot a comma?" (inside brackets)
        ///   a=disjunction 'if' b=disjunction !('else'|':') → "expected 'else' after 'if' expression"
        /// </summary>
        private void InvalidExpression()
        {
            int start = _p;
            if (!(_memoInvalidExpression ??= new HashSet<int>()).Add(start)) return;
            bool nameString = Kind() == TokenKind.Name && Kind(1) == TokenKind.String;
            if (!nameString && !AtSoftKeywordAny())
            {
                var a = Disjunction();
                if (a is not null)
                {
                    _expressionWithoutInvalid++;
                    ExpressionNode? b;
                    try
                    {
                        // expression_without_invalid is not memoised itself: only what it parses is.
                        b = WithoutInvalid(ExpressionCore);
                    }
                    finally
                    {
                        _expressionWithoutInvalid--;
                    }
                    if (b is not null)
                    {
                        bool legacy = a is Name n && (n.Id == "print" || n.Id == "exec");
                        if (!legacy && _t[_p - 1].Level != 0)
                            throw ErrorRange(a.Span, b.Span, "invalid syntax. Perhaps you forgot a comma?");
                    }
                }
                _p = start;
            }
            var d = WithoutInvalid(Disjunction);
            if (d is not null && At(TokenKind.If))
            {
                _p++;
                var test = WithoutInvalid(Disjunction);
                if (test is not null && !At(TokenKind.Else) && !At(TokenKind.Colon))
                    throw ErrorRange(d.Span, test.Span, "expected 'else' after 'if' expression");
            }
            _p = start;
        }

        private HashSet<int>? _memoInvalidExpression;

        private HashSet<int>? _memoLegacy;

        /// <summary>
        /// invalid_legacy_expression: NAME !'(' star_expressions, raising for print and exec. The star_expressions
        /// run with the invalid rules on, so like CPython the check cascades along a run of names and reaches
        /// tokens (and tokenizer errors) further right.
        /// </summary>
        private void InvalidLegacyExpression()
        {
            if (Kind() != TokenKind.Name || Kind(1) == TokenKind.LeftParen) return;
            int start = _p;
            if (!(_memoLegacy ??= new HashSet<int>()).Add(start) || _depth > 200) return;
            string id = Tok().Text.OrThrow();
            var name = TokenSpan(start);
            _p++;
            var b = StarExpressions();
            _p = start;
            if (b is not null && (id == "print" || id == "exec"))
                throw ErrorRange(name, b.Span, "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
        }

        /// <summary>
        /// invalid_named_expression:
        ///   a=expression ':=' expression → cannot use assignment expressions with %s
        ///   a=NAME '=' b=bitwise_or !('='|':=') → Maybe you meant '==' or ':=' instead of '='?
        ///   !(list|tuple|genexp|True|None|False) a=bitwise_or '=' bitwise_or !('='|':=') → cannot assign to %s here
        /// </summary>
        private void InvalidNamedExpression()
        {
            int start = _p;
            var a = WithoutInvalid(Expression);
            if (a is not null && At(TokenKind.ColonEqual))
            {
                _p++;
                if (WithoutInvalid(Expression) is not null)
                    throw ErrorAt(a, "cannot use assignment expressions with " + ExprName(a));
            }
            _p = start;
            if (Kind() == TokenKind.Name && Kind(1) == TokenKind.Equal)
            {
                var name = TokenSpan(_p);
                _p += 2;
                var b = WithoutInvalid(BitwiseOr);
                if (b is not null && !At(TokenKind.Equal) && !At(TokenKind.ColonEqual))
                    throw ErrorRange(name, b.Span, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                _p = start;
            }
            var k = Kind();
            if (k != TokenKind.LeftBracket && k != TokenKind.LeftParen && k != TokenKind.True && k != TokenKind.None && k != TokenKind.False)
            {
                var lhs = WithoutInvalid(BitwiseOr);
                if (lhs is not null && At(TokenKind.Equal))
                {
                    _p++;
                    var rhs = WithoutInvalid(BitwiseOr);
                    if (rhs is not null && !At(TokenKind.Equal) && !At(TokenKind.ColonEqual))
                        throw ErrorAt(lhs, "cannot assign to " + ExprName(lhs) + " here. Maybe you meant '==' instead of '='?", DiagnosticCodes.InvalidTarget);
                }
            }
            else if (k == TokenKind.LeftParen || k == TokenKind.LeftBracket)
            {
                // list/tuple/genexp are excluded by the lookahead; other parenthesised forms are not.
                var atom = WithoutInvalid(BitwiseOr);
                if (atom is not null && atom is not List && atom is not Tuple && atom is not GeneratorExp && At(TokenKind.Equal))
                {
                    _p++;
                    var rhs = WithoutInvalid(BitwiseOr);
                    if (rhs is not null && !At(TokenKind.Equal) && !At(TokenKind.ColonEqual))
                        throw ErrorAt(atom, "cannot assign to " + ExprName(atom) + " here. Maybe you meant '==' instead of '='?", DiagnosticCodes.InvalidTarget);
                }
            }
            _p = start;
        }

        // ------------------------------------------------------------------ assignment

        /// <summary>The alternatives of invalid_assignment, tried in CPython's order from the statement start.</summary>
        private void InvalidAssignmentPrefix()
        {
            int start = _p;
            // a=invalid_ann_assign_target ':' expression
            var ann = InvalidAnnAssignTarget();
            if (ann is not null && At(TokenKind.Colon))
            {
                _p++;
                if (Expression() is not null)
                    throw ErrorAt(ann, "only single target (not " + ExprName(ann) + ") can be annotated", DiagnosticCodes.InvalidTarget);
            }
            _p = start;
            // a=star_named_expression ',' star_named_expressions* ':' expression
            var first = StarNamedExpression();
            if (first is not null && At(TokenKind.Comma))
            {
                _p++;
                // star_named_expressions*: comma-separated runs, one after another.
                while (true)
                {
                    int runStart = _p;
                    if (StarNamedExpression() is null)
                    {
                        _p = runStart;
                        break;
                    }
                    while (At(TokenKind.Comma))
                    {
                        int comma = _p;
                        _p++;
                        if (StarNamedExpression() is null)
                        {
                            if (_p != comma + 1) _p = comma + 1;
                            break;
                        }
                    }
                }
                if (At(TokenKind.Colon))
                {
                    _p++;
                    if (Expression() is not null)
                        throw ErrorAt(first, "only single target (not tuple) can be annotated", DiagnosticCodes.InvalidTarget);
                }
            }
            _p = start;
            // a=expression ':' expression
            var e = Expression();
            if (e is not null && At(TokenKind.Colon))
            {
                _p++;
                if (Expression() is not null && !IsSingleTarget(e))
                    throw ErrorAt(e, "illegal target for annotation", DiagnosticCodes.InvalidTarget);
            }
            _p = start;
            // (star_targets '=')* a=star_expressions '='  |  (star_targets '=')* a=yield_expr '='
            while (true)
            {
                int save = _p;
                var t = StarTargets();
                if (t is not null && At(TokenKind.Equal))
                {
                    _p++;
                    continue;
                }
                _p = save;
                break;
            }
            int rhsStart = _p;
            var se = StarExpressions();
            if (se is not null && At(TokenKind.Equal)) RaiseInvalidTarget(se, TargetsType.Star);
            _p = rhsStart;
            if (At(TokenKind.Yield))
            {
                var y = YieldExpression();
                if (y is not null && At(TokenKind.Equal)) throw ErrorAt(y, "assignment to yield expression not possible", DiagnosticCodes.InvalidTarget);
            }
            _p = start;
            // a=star_expressions augassign (yield_expr | star_expressions)
            var aug = StarExpressions();
            if (aug is not null && IsAugAssign(Kind(), out _))
            {
                _p++;
                if (AnnotatedRhs() is not null && !IsSingleTarget(aug))
                    throw ErrorAt(aug, "'" + ExprName(aug) + "' is an illegal expression for augmented assignment", DiagnosticCodes.InvalidTarget);
            }
            _p = start;
        }

        /// <summary>invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'</summary>
        private ExpressionNode? InvalidAnnAssignTarget()
        {
            int start = _p;
            if (At(TokenKind.LeftParen) || At(TokenKind.LeftBracket))
            {
                var atom = Atom();
                if (atom is List or Tuple) return atom;
                _p = start;
                if (At(TokenKind.LeftParen))
                {
                    _p++;
                    var inner = InvalidAnnAssignTarget();
                    if (inner is not null && Accept(TokenKind.RightParen)) return inner;
                }
            }
            _p = start;
            return null;
        }

        private void InvalidAnnotationTarget(int start, ExpressionNode target)
        {
            _ = target;
            int save = _p;
            _p = start;
            InvalidAssignmentPrefix();
            _p = save;
        }

        // ------------------------------------------------------------------ for targets, groups, comprehensions

        /// <summary>invalid_for_target: ASYNC? 'for' a=star_expressions → cannot assign to ...</summary>
        private void InvalidForTarget(int forToken)
        {
            int save = _p;
            _p = forToken + 1;
            var e = StarExpressions();
            if (e is not null) RaiseInvalidTarget(e, TargetsType.For);
            _p = save;
        }

        private void InvalidComprehensionTarget(int forToken, ExpressionNode? target)
        {
            int save = _p;
            // invalid_for_if_clause (3.11 has none); invalid_for_target
            _p = forToken + 1;
            var e = StarExpressions();
            if (e is not null) RaiseInvalidTarget(e, TargetsType.For);
            _ = target;
            _p = save;
        }

        /// <summary>invalid_group: '(' starred_expression ')' | '(' '**' expression ')'</summary>
        private void InvalidParenContent(int paren)
        {
            int save = _p;
            _p = paren + 1;
            if (At(TokenKind.DoubleStar))
            {
                int star = _p;
                _p++;
                if (Expression() is not null && At(TokenKind.RightParen))
                    throw ErrorAtToken(star, "cannot use double starred expression here");
            }
            _p = save;
        }

        /// <summary>
        /// invalid_comprehension and invalid_dict_comprehension: a starred element, a '**' element in a dict
        /// comprehension, or an unparenthesised tuple as the element.
        /// </summary>
        private HashSet<int>? _memoComprehension;

        private void InvalidComprehension(int open, TokenKind close, bool afterPrimary = false)
        {
            if (!(_memoComprehension ??= new HashSet<int>()).Add(open)) return;
            int save = _p;
            _p = open + 1;
            // invalid_dict_comprehension belongs to the dictcomp atom, not to `primary genexp`.
            if (At(TokenKind.DoubleStar) && close == TokenKind.RightBrace && !afterPrimary)
            {
                int a = _p;
                _p++;
                if (WithoutInvalid(BitwiseOr) is not null && AtComprehension() && WithoutInvalidClauses() && At(TokenKind.RightBrace))
                    throw ErrorAtToken(a, "dict unpacking cannot be used in dict comprehension");
                _p = save;
                return;
            }
            if (At(TokenKind.Star))
            {
                int a = _p;
                _p++;
                var e = WithoutInvalid(Expression);
                if (e is not null && AtComprehension())
                {
                    ref Token t = ref _t[a];
                    throw Error(DiagnosticCodes.InvalidSyntax, "iterable unpacking cannot be used in comprehension", t.Line, t.Column, e.EndLine, e.EndColumn);
                }
                _p = save;
                return;
            }
            if (close == TokenKind.RightParen)
            {
                _p = save;
                return;
            }
            var first = StarNamedExpression();
            if (first is not null && At(TokenKind.Comma))
            {
                int comma = _p;
                _p++;
                var items = new List<ExpressionNode>();
                while (true)
                {
                    var next = StarNamedExpression();
                    if (next is null) break;
                    items.Add(next);
                    if (!At(TokenKind.Comma)) break;
                    _p++;
                }
                if (AtComprehension() && ForIfClauses() is not null)
                {
                    if (items.Count > 0) throw ErrorRange(first.Span, items[items.Count - 1].Span, "did you forget parentheses around the comprehension target?");
                    throw ErrorRange(first.Span, TokenSpan(comma), "did you forget parentheses around the comprehension target?");
                }
            }
            _p = save;
        }

        private bool WithoutInvalidClauses()
        {
            bool saved = _invalidRules;
            _invalidRules = false;
            try
            {
                return ForIfClauses() is not null;
            }
            finally
            {
                _invalidRules = saved;
            }
        }

        /// <summary>
        /// invalid_double_starred_kvpairs: ','.double_starred_kvpair+ ',' invalid_kvpair
        ///   | expression ':' '*' bitwise_or | expression ':' &amp;('}' | ',')
        /// </summary>
        private void InvalidDoubleStarredKvpairs(int open)
        {
            int save = _p;
            _p = open + 1;
            int count = 0;
            int afterComma = -1;
            while (true)
            {
                int itemStart = _p;
                if (!DoubleStarredKvpair())
                {
                    _p = itemStart;
                    break;
                }
                count++;
                if (!At(TokenKind.Comma)) break;
                _p++;
                afterComma = _p;
            }
            if (count > 0 && _p == afterComma) InvalidKvpair();
            _p = open + 1;
            var key = Expression();
            if (key is not null && At(TokenKind.Colon))
            {
                int colon = _p;
                _p++;
                if (At(TokenKind.Star))
                {
                    int star = _p;
                    _p++;
                    if (BitwiseOr() is not null) throw ErrorFrom(TokenSpan(star), "cannot use a starred expression in a dictionary value");
                }
                else if (At(TokenKind.RightBrace) || At(TokenKind.Comma))
                    throw ErrorAtToken(colon, "expression expected after dictionary key and ':'");
            }
            _p = save;
        }

        private bool DoubleStarredKvpair()
        {
            if (At(TokenKind.DoubleStar))
            {
                _p++;
                return BitwiseOr() is not null;
            }
            if (Expression() is null || !Accept(TokenKind.Colon)) return false;
            return Expression() is not null;
        }

        /// <summary>invalid_kvpair, right after a comma in a dict display.</summary>
        private void InvalidKvpair()
        {
            int s = _p;
            var a = Expression();
            if (a is not null && !At(TokenKind.Colon))
                throw Error(DiagnosticCodes.InvalidSyntax, "':' expected after dictionary key", a.Line, Math.Max(0, a.EndColumn - 1), a.EndLine, -1);
            if (a is not null)
            {
                int colon = _p;
                _p++;
                if (At(TokenKind.Star))
                {
                    int star = _p;
                    _p++;
                    if (BitwiseOr() is not null) throw ErrorFrom(TokenSpan(star), "cannot use a starred expression in a dictionary value");
                }
                else if (At(TokenKind.RightBrace) || At(TokenKind.Comma))
                    throw ErrorAtToken(colon, "expression expected after dictionary key and ':'");
            }
            _p = s;
        }

        // ------------------------------------------------------------------ call arguments

        /// <summary>invalid_arguments and invalid_kwarg, after '(' of a call whose arguments failed.</summary>
        private void InvalidArguments()
        {
            int start = _p;
            bool sawKeyword = false, sawDoubleStar = false;
            while (!At(TokenKind.RightParen))
            {
                int itemStart = _p;
                var k = Kind();
                if ((k == TokenKind.True || k == TokenKind.False || k == TokenKind.None) && Kind(1) == TokenKind.Equal)
                    throw ErrorRange(TokenSpan(_p), TokenSpan(_p + 1), "cannot assign to " + k.Text());
                if (k == TokenKind.Star)
                {
                    // a=args ',' '*': the arguments before the comma, when the '*' cannot continue them
                    // (no expression after it, or it follows a '**' mapping).
                    if (sawDoubleStar)
                        throw ErrorRange(TokenSpan(start), TokenSpan(itemStart - 2), "iterable argument unpacking follows keyword argument unpacking");
                    _p++;
                    var v = Expression();
                    if (v is null && itemStart > start)
                        throw ErrorRange(TokenSpan(start), TokenSpan(itemStart - 2), "iterable argument unpacking follows keyword argument unpacking");
                    if (v is null) break;
                }
                else if (k == TokenKind.DoubleStar)
                {
                    _p++;
                    var v = Expression();
                    if (v is null) break;
                    if (At(TokenKind.Equal))
                    {
                        _p++;
                        var b = Expression();
                        if (b is not null) throw ErrorRange(TokenSpan(itemStart), b.Span, "cannot assign to keyword argument unpacking");
                    }
                    sawKeyword = true;
                    sawDoubleStar = true;
                }
                else if (k == TokenKind.Name && Kind(1) == TokenKind.Equal)
                {
                    var name = TokenSpan(_p);
                    var eq = TokenSpan(_p + 1);
                    _p += 2;
                    var v = Expression();
                    if (v is null)
                    {
                        if (At(TokenKind.Comma) || At(TokenKind.RightParen)) throw ErrorRange(name, eq, "expected argument value expression");
                        break;
                    }
                    if (AtComprehension()) throw ErrorRange(name, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                    sawKeyword = true;
                }
                else
                {
                    var v = Kind() == TokenKind.Name && Kind(1) == TokenKind.ColonEqual ? NamedExpression() : Expression();
                    if (v is null) break;
                    if (At(TokenKind.Equal))
                    {
                        int eq = _p;
                        throw ErrorRange(v.Span, TokenSpan(eq), "expression cannot contain assignment, perhaps you meant \"==\"?");
                    }
                    if (AtComprehension())
                    {
                        var gens = ForIfClauses();
                        if (gens is not null && (At(TokenKind.Comma) || itemStart != start))
                        {
                            if (At(TokenKind.Comma))
                            {
                                // [args | expression for_if_clauses] after the comma: reading on can hit a tokenizer error first.
                                _p++;
                                Expression();
                            }
                            var last = gens.Value[gens.Value.Count - 1];
                            var end = last.Ifs.Count > 0 ? last.Ifs[last.Ifs.Count - 1] : last.Iter;
                            throw ErrorRange(v.Span, end.Span, "Generator expression must be parenthesized");
                        }
                        break;
                    }
                    if (sawKeyword)
                    {
                        // _PyPegen_arguments_parsing_error: RAISE_SYNTAX_ERROR after 'args , args' read the whole list.
                        while (Accept(TokenKind.Comma))
                        {
                            if (At(TokenKind.Star) || At(TokenKind.DoubleStar)) _p++;
                            else if (Kind() == TokenKind.Name && Kind(1) == TokenKind.Equal) _p += 2;
                            if (Expression() is null) break;
                        }
                        Kind();
                        throw ErrorAtLastToken(sawDoubleStar ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument",
                            DiagnosticCodes.InvalidArguments);
                    }
                }
                if (!Accept(TokenKind.Comma)) break;
            }
            _p = start;
        }
    }
}
