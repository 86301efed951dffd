using System.Globalization;
using Batuta.Python.Ast;
using Attribute = Batuta.Python.Ast.Attribute;
using Tuple = Batuta.Python.Ast.Tuple;

namespace Batuta.Python.Syntax
{
    internal sealed partial class Parser
    {
        // ------------------------------------------------------------------ statement

        /// <summary>statement: compound_stmt | simple_stmts. Appends to <paramref name="body"/>; false (position restored) on failure.</summary>
        private bool Statement(List<StatementNode> body)
        {
            Enter();
            int start = _p;
            var compound = CompoundStatement();
            if (compound is not null)
            {
                body.Add(compound);
                Leave();
                return true;
            }
            _p = start;
            bool ok = SimpleStatements(body);
            if (!ok) _p = start;
            Leave();
            return ok;
        }

        private StatementNode? CompoundStatement()
        {
            switch (Kind())
            {
                case TokenKind.Def:
                    return FunctionDefinition(NodeList<ExpressionNode>.Empty);
                case TokenKind.At:
                    return Decorated();
                case TokenKind.Async:
                    switch (Kind(1))
                    {
                        case TokenKind.Def: return FunctionDefinition(NodeList<ExpressionNode>.Empty);
                        case TokenKind.With: return WithStatement();
                        case TokenKind.For: return ForStatement();
                    }
                    return null;
                case TokenKind.If: return IfStatement(TokenKind.If);
                case TokenKind.Class: return ClassDefinition(NodeList<ExpressionNode>.Empty);
                case TokenKind.With: return WithStatement();
                case TokenKind.For: return ForStatement();
                case TokenKind.Try: return TryStatement();
                case TokenKind.While: return WhileStatement();
                case TokenKind.Name:
                    if (AtSoftKeyword("match")) return MatchStatement();
                    if (_invalidRules && AtSoftKeyword("case")) InvalidCaseOutsideMatch();
                    return null;
            }
            return null;
        }

        // ------------------------------------------------------------------ simple statements

        /// <summary>simple_stmts: ';'.simple_stmt+ [';'] NEWLINE</summary>
        private bool SimpleStatements(List<StatementNode> body)
        {
            int start = _p;
            int countBefore = body.Count;
            while (true)
            {
                var s = SimpleStatement();
                if (s is null) break;
                body.Add(s);
                if (Accept(TokenKind.Semicolon))
                {
                    if (Accept(TokenKind.Newline)) return true;
                    continue;
                }
                if (Accept(TokenKind.Newline)) return true;
                break;
            }
            body.RemoveRange(countBefore, body.Count - countBefore);
            _p = start;
            return false;
        }

        private StatementNode? SimpleStatement()
        {
            int start = _p;
            switch (Kind())
            {
                case TokenKind.Return:
                    {
                        _p++;
                        var value = StarExpressions();
                        return new Return(value, Span(start));
                    }
                case TokenKind.Import:
                    return ImportName();
                case TokenKind.From:
                    return ImportFrom();
                case TokenKind.Raise:
                    return RaiseStatement();
                case TokenKind.Pass:
                    _p++;
                    return new Pass(TokenSpan(start));
                case TokenKind.Break:
                    _p++;
                    return new Break(TokenSpan(start));
                case TokenKind.Continue:
                    _p++;
                    return new Continue(TokenSpan(start));
                case TokenKind.Del:
                    return DelStatement();
                case TokenKind.Yield:
                    {
                        var y = YieldExpression();
                        if (y is null) return null;
                        if (_invalidRules && At(TokenKind.Equal)) throw ErrorAt(y, "assignment to yield expression not possible", DiagnosticCodes.InvalidTarget);
                        return new Expr(y, Span(start));
                    }
                case TokenKind.Assert:
                    return AssertStatement();
                case TokenKind.Global:
                case TokenKind.Nonlocal:
                    return GlobalOrNonlocal();
            }
            return ExpressionOrAssignment();
        }

        /// <summary>
        /// assignment | star_expressions, parsed expression-first and converted to targets when '=', ':' or an
        /// augmented operator follows. In the second pass, invalid_assignment runs (from the statement start)
        /// only when none of the assignment forms matched, as in CPython's ordered choice.
        /// </summary>
        private StatementNode? ExpressionOrAssignment()
        {
            int start = _p;
            var result = AssignmentOrExpressionCore(start);
            if (_invalidRules && result is not Assign and not AugAssign and not AnnAssign)
            {
                int end = _p;
                _p = start;
                InvalidAssignmentPrefix();
                _p = result is null ? start : end;
            }
            return result;
        }

        private StatementNode? AssignmentOrExpressionCore(int start)
        {
            var first = StarExpressions();
            if (first is null)
            {
                _p = start;
                return null;
            }
            var k = Kind();
            if (k == TokenKind.Colon)
            {
                var ann = AnnotatedAssignment(start, first);
                if (ann is not null) return ann;
                _p = start;
                first = StarExpressions().OrThrow();
                return new Expr(first, Span(start));
            }
            if (IsAugAssign(k, out var op))
            {
                if (IsSingleTarget(first))
                {
                    int opToken = _p;
                    _p++;
                    var rhs = AnnotatedRhs();
                    if (rhs is not null) return new AugAssign(ToContext(first, ExprContext.Store).OrThrow(), op, rhs, Span(start));
                    // The cut (~) after augassign: no other alternative is tried.
                    _p = start;
                    return null;
                }
                return new Expr(first, Span(start));
            }
            if (k == TokenKind.Equal)
            {
                int afterFirst = _p;
                var targets = new List<ExpressionNode> { first };
                ExpressionNode? value = null;
                int lastGood = -1;
                while (true)
                {
                    _p++;
                    var rhs = AnnotatedRhs();
                    if (rhs is null) break;
                    if (!At(TokenKind.Equal))
                    {
                        value = rhs;
                        lastGood = _p;
                        break;
                    }
                    if (rhs is Yield or YieldFrom || ToStarTarget(rhs) is null) break;
                    targets.Add(rhs);
                }
                if (value is not null)
                {
                    var stored = new ExpressionNode[targets.Count];
                    bool ok = true;
                    for (int i = 0; i < targets.Count && ok; i++)
                    {
                        var t = ToStarTarget(targets[i]);
                        if (t is null) ok = false;
                        else stored[i] = t;
                    }
                    if (ok)
                    {
                        _p = lastGood;
                        return new Assign(new NodeList<ExpressionNode>(stored), value, null, Span(start));
                    }
                }
                _p = afterFirst;
            }
            return new Expr(first, Span(start));
        }

        private StatementNode? AnnotatedAssignment(int start, ExpressionNode target)
        {
            // NAME ':' (simple) | ('(' single_target ')' | single_subscript_attribute_target) ':'
            bool simple = target is Name && _t[start].Kind == TokenKind.Name;
            if (!IsSingleTarget(target))
            {
                _p = start;
                return null;
            }
            _p++;
            var annotation = Expression();
            if (annotation is null)
            {
                _p = start;
                return null;
            }
            ExpressionNode? value = null;
            if (At(TokenKind.Equal))
            {
                int eq = _p;
                _p++;
                value = AnnotatedRhs();
                if (value is null) _p = eq;
            }
            return new AnnAssign(ToContext(target, ExprContext.Store).OrThrow(), annotation, value, simple, Span(start));
        }

        /// <summary>annotated_rhs: yield_expr | star_expressions</summary>
        private ExpressionNode? AnnotatedRhs() => At(TokenKind.Yield) ? YieldExpression() : StarExpressions();

        private static bool IsAugAssign(TokenKind k, out Operator op)
        {
            switch (k)
            {
                case TokenKind.PlusEqual: op = Operator.Add; return true;
                case TokenKind.MinusEqual: op = Operator.Sub; return true;
                case TokenKind.StarEqual: op = Operator.Mult; return true;
                case TokenKind.AtEqual: op = Operator.MatMult; return true;
                case TokenKind.SlashEqual: op = Operator.Div; return true;
                case TokenKind.PercentEqual: op = Operator.Mod; return true;
                case TokenKind.AmpersandEqual: op = Operator.BitAnd; return true;
                case TokenKind.VerticalBarEqual: op = Operator.BitOr; return true;
                case TokenKind.CircumflexEqual: op = Operator.BitXor; return true;
                case TokenKind.LeftShiftEqual: op = Operator.LShift; return true;
                case TokenKind.RightShiftEqual: op = Operator.RShift; return true;
                case TokenKind.DoubleStarEqual: op = Operator.Pow; return true;
                case TokenKind.DoubleSlashEqual: op = Operator.FloorDiv; return true;
            }
            op = Operator.Add;
            return false;
        }

        private StatementNode? RaiseStatement()
        {
            int start = _p;
            _p++;
            if (_invalidRules && At(TokenKind.From))
                throw ErrorRange(TokenSpan(start), TokenSpan(_p), "did you forget an expression between 'raise' and 'from'?");
            var exc = Expression();
            if (exc is null) return new Raise(null, null, Span(start));
            ExpressionNode? cause = null;
            if (At(TokenKind.From))
            {
                int from = _p;
                _p++;
                cause = Expression();
                if (cause is null)
                {
                    if (_invalidRules) throw ErrorAtToken(from, "did you forget an expression after 'from'?");
                    _p = from;
                }
            }
            return new Raise(exc, cause, Span(start));
        }

        private StatementNode? GlobalOrNonlocal()
        {
            int start = _p;
            bool global = Kind() == TokenKind.Global;
            _p++;
            var names = new List<string>();
            while (true)
            {
                if (Kind() != TokenKind.Name)
                {
                    _p = start;
                    return null;
                }
                names.Add(Tok().Text.OrThrow());
                _p++;
                if (At(TokenKind.Comma) && Kind(1) == TokenKind.Name)
                {
                    _p++;
                    continue;
                }
                break;
            }
            var list = new NodeList<string>(names.ToArray());
            return global ? new Global(list, Span(start)) : new Nonlocal(list, Span(start));
        }

        private StatementNode? DelStatement()
        {
            int start = _p;
            _p++;
            var targets = DelTargets();
            if (targets is not null && (At(TokenKind.Semicolon) || At(TokenKind.Newline)))
                return new Delete(targets.Value, Span(start));
            if (_invalidRules)
            {
                _p = start + 1;
                var e = StarExpressions();
                if (e is not null) RaiseInvalidTarget(e, TargetsType.Del);
            }
            _p = start;
            return null;
        }

        private StatementNode? AssertStatement()
        {
            int start = _p;
            _p++;
            var test = Expression();
            if (test is null)
            {
                _p = start;
                return null;
            }
            if (_invalidRules) InvalidAssertTail(test);
            ExpressionNode? msg = null;
            if (At(TokenKind.Comma))
            {
                int comma = _p;
                _p++;
                msg = Expression();
                if (msg is null) _p = comma;
                else if (_invalidRules) InvalidAssertTail(msg);
            }
            return new Assert(test, msg, Span(start));
        }

        private void InvalidAssertTail(ExpressionNode a)
        {
            int save = _p;
            if (At(TokenKind.Equal))
            {
                _p++;
                var b = Expression();
                if (b is not null) throw ErrorRange(a.Span, b.Span, "cannot assign to " + ExprName(a) + " here. Maybe you meant '==' instead of '='?");
            }
            else if (At(TokenKind.ColonEqual))
            {
                _p++;
                var b = Expression();
                if (b is not null) throw ErrorRange(a.Span, b.Span, "cannot use named expression without parentheses here");
            }
            _p = save;
        }

        // ------------------------------------------------------------------ imports

        private StatementNode? ImportName()
        {
            int start = _p;
            _p++;
            if (_invalidRules) InvalidImport(start);
            var names = new List<Alias>();
            while (true)
            {
                int aliasStart = _p;
                var dotted = DottedName();
                if (dotted is null)
                {
                    _p = start;
                    return null;
                }
                string? asName = null;
                if (At(TokenKind.As) && Kind(1) == TokenKind.Name)
                {
                    _p++;
                    asName = Tok().Text;
                    _p++;
                }
                names.Add(new Alias(dotted, asName, Span(aliasStart)));
                if (At(TokenKind.Comma) && Kind(1) == TokenKind.Name)
                {
                    _p++;
                    continue;
                }
                break;
            }
            return new Import(new NodeList<Alias>(names.ToArray()), Span(start));
        }

        private void InvalidImport(int importToken)
        {
            // 'import' ','.dotted_name+ 'from' dotted_name
            int save = _p;
            bool ok = DottedName() is not null;
            while (ok && At(TokenKind.Comma))
            {
                _p++;
                ok = DottedName() is not null;
            }
            if (ok && At(TokenKind.From))
            {
                _p++;
                if (DottedName() is not null)
                    throw ErrorFrom(TokenSpan(importToken), "Did you mean to use 'from ... import ...' instead?");
            }
            _p = save;
        }

        /// <summary>dotted_name: NAME ('.' NAME)*, joined with dots.</summary>
        private string? DottedName()
        {
            if (Kind() != TokenKind.Name) return null;
            string name = Tok().Text.OrThrow();
            _p++;
            if (!At(TokenKind.Dot)) return name;
            var sb = new StringBuilder(name);
            while (At(TokenKind.Dot) && Kind(1) == TokenKind.Name)
            {
                _p++;
                sb.Append('.').Append(Tok().Text);
                _p++;
            }
            return sb.ToString();
        }

        private StatementNode? ImportFrom()
        {
            int start = _p;
            _p++;
            int level = 0;
            while (true)
            {
                if (At(TokenKind.Dot)) { level++; _p++; }
                else if (At(TokenKind.Ellipsis)) { level += 3; _p++; }
                else break;
            }
            string? module = null;
            if (Kind() == TokenKind.Name)
            {
                module = DottedName();
            }
            else if (level == 0)
            {
                _p = start;
                return null;
            }
            if (!Accept(TokenKind.Import))
            {
                _p = start;
                return null;
            }
            var names = ImportFromTargets();
            if (names is null)
            {
                _p = start;
                return null;
            }
            return new ImportFrom(module, names.Value, level, Span(start));
        }

        private NodeList<Alias>? ImportFromTargets()
        {
            int start = _p;
            if (At(TokenKind.LeftParen))
            {
                _p++;
                var inner = ImportFromAsNames();
                if (inner is not null)
                {
                    Accept(TokenKind.Comma);
                    if (Accept(TokenKind.RightParen)) return inner;
                }
                _p = start;
                return null;
            }
            if (At(TokenKind.Star))
            {
                _p++;
                return NodeList.Of(new Alias("*", null, TokenSpan(start)));
            }
            var names = ImportFromAsNames();
            if (names is not null && !At(TokenKind.Comma)) return names;
            if (_invalidRules)
            {
                if (names is not null && At(TokenKind.Comma) && Kind(1) == TokenKind.Newline)
                    throw ErrorAtLastToken("trailing comma not allowed without surrounding parentheses");
            }
            _p = start;
            return null;
        }

        private NodeList<Alias>? ImportFromAsNames()
        {
            var list = new List<Alias>();
            while (true)
            {
                if (Kind() != TokenKind.Name) return null;
                int aliasStart = _p;
                string name = Tok().Text.OrThrow();
                _p++;
                string? asName = null;
                if (At(TokenKind.As) && Kind(1) == TokenKind.Name)
                {
                    _p++;
                    asName = Tok().Text;
                    _p++;
                }
                list.Add(new Alias(name, asName, Span(aliasStart)));
                if (At(TokenKind.Comma) && Kind(1) == TokenKind.Name)
                {
                    _p++;
                    continue;
                }
                break;
            }
            return new NodeList<Alias>(list.ToArray());
        }

        // ------------------------------------------------------------------ blocks

        /// <summary>
        /// block: NEWLINE INDENT statements DEDENT | simple_stmts. With invalid rules on, a header
        /// followed by a newline and no indented block raises CPython's IndentationError
        /// ("expected an indented block after 'if' statement on line N").
        /// </summary>
        private NodeList<StatementNode>? Block(string? what, int headerToken)
        {
            int start = _p;
            if (At(TokenKind.Newline))
            {
                if (Kind(1) != TokenKind.Indent)
                {
                    if (_invalidRules)
                    {
                        string msg = what is null
                            ? "expected an indented block"
                            : "expected an indented block after " + what + " on line " + _t[headerToken].Line.ToString(CultureInfo.InvariantCulture);
                        throw ErrorAtLastToken(msg, DiagnosticCodes.Indentation, "IndentationError");
                    }
                    return null;
                }
                _p += 2;
                var body = new List<StatementNode>();
                int errorsBefore = _sink.ErrorCount;
                StatementsUntil(body, TokenKind.Dedent);
                bool recovered = _sink.ErrorCount > errorsBefore;
                if (!Accept(TokenKind.Dedent) || body.Count == 0)
                {
                    // A block whose statements failed was already reported; keep what parsed instead of failing again.
                    if (recovered && (body.Count > 0 || _t[_p - 1].Kind == TokenKind.Dedent || _p >= _count - 1))
                        return new NodeList<StatementNode>(body.ToArray());
                    _p = start;
                    return null;
                }
                return new NodeList<StatementNode>(body.ToArray());
            }
            var simple = new List<StatementNode>();
            if (!SimpleStatements(simple))
            {
                _p = start;
                return null;
            }
            return new NodeList<StatementNode>(simple.ToArray());
        }

        private NodeList<ExpressionNode>? DecoratorList()
        {
            var list = new List<ExpressionNode>();
            while (At(TokenKind.At))
            {
                int save = _p;
                _p++;
                var e = NamedExpression();
                if (e is null || !Accept(TokenKind.Newline))
                {
                    _p = save;
                    return null;
                }
                list.Add(e);
            }
            return new NodeList<ExpressionNode>(list.ToArray());
        }

        private StatementNode? Decorated()
        {
            int start = _p;
            var decorators = DecoratorList();
            if (decorators is null) return null;
            switch (Kind())
            {
                case TokenKind.Def:
                    return FunctionDefinition(decorators.Value);
                case TokenKind.Async:
                    if (Kind(1) == TokenKind.Def) return FunctionDefinition(decorators.Value);
                    break;
                case TokenKind.Class:
                    return ClassDefinition(decorators.Value);
            }
            _p = start;
            return null;
        }

        private StatementNode? FunctionDefinition(NodeList<ExpressionNode> decorators)
        {
            int start = _p;
            bool isAsync = Accept(TokenKind.Async);
            int defToken = _p;
            if (!Accept(TokenKind.Def) || Kind() != TokenKind.Name)
            {
                _p = start;
                return null;
            }
            string name = Tok().Text.OrThrow();
            _p++;
            ExpectForced(TokenKind.LeftParen);
            var args = Parameters(lambda: false) ?? EmptyArguments();
            if (!Accept(TokenKind.RightParen))
            {
                _p = start;
                return null;
            }
            ExpressionNode? returns = null;
            if (At(TokenKind.Arrow))
            {
                int arrow = _p;
                _p++;
                returns = Expression();
                if (returns is null) _p = arrow;
            }
            ExpectForced(TokenKind.Colon);
            var body = Block("function definition", defToken);
            if (body is null)
            {
                _p = start;
                return null;
            }
            return isAsync
                ? new AsyncFunctionDef(name, args, body.Value, decorators, returns, null, Span(start))
                : new FunctionDef(name, args, body.Value, decorators, returns, null, Span(start));
        }

        private static Arguments EmptyArguments() => new Arguments(NodeList<Arg>.Empty, NodeList<Arg>.Empty, null, NodeList<Arg>.Empty,
            NodeList<ExpressionNode?>.Empty, null, NodeList<ExpressionNode>.Empty, SourceSpan.None);

        private StatementNode? ClassDefinition(NodeList<ExpressionNode> decorators)
        {
            int start = _p;
            _p++;
            if (Kind() != TokenKind.Name)
            {
                _p = start;
                return null;
            }
            string name = Tok().Text.OrThrow();
            _p++;
            NodeList<ExpressionNode> bases = NodeList<ExpressionNode>.Empty;
            NodeList<Keyword> keywords = NodeList<Keyword>.Empty;
            if (At(TokenKind.LeftParen))
            {
                int paren = _p;
                _p++;
                if (!At(TokenKind.RightParen))
                {
                    if (!CallArguments(out bases, out keywords))
                    {
                        if (_invalidRules)
                        {
                            _p = paren + 1;
                            InvalidArguments();
                        }
                        _p = start;
                        return null;
                    }
                }
                if (!Accept(TokenKind.RightParen))
                {
                    _p = start;
                    return null;
                }
                _ = paren;
            }
            if (!At(TokenKind.Colon))
            {
                if (_invalidRules && At(TokenKind.Newline)) throw ErrorAtLastToken("expected ':'");
                _p = start;
                return null;
            }
            _p++;
            var body = Block("class definition", start);
            if (body is null)
            {
                _p = start;
                return null;
            }
            return new ClassDef(name, bases, keywords, body.Value, decorators, Span(start));
        }

        // ------------------------------------------------------------------ if / while / for

        private StatementNode? IfStatement(TokenKind keyword)
        {
            int start = _p;
            _p++;
            var test = NamedExpression();
            if (test is null)
            {
                _p = start;
                return null;
            }
            if (!At(TokenKind.Colon))
            {
                if (_invalidRules && At(TokenKind.Newline)) throw ErrorAtLastToken("expected ':'");
                _p = start;
                return null;
            }
            _p++;
            var body = Block(keyword == TokenKind.If ? "'if' statement" : "'elif' statement", start);
            if (body is null)
            {
                _p = start;
                return null;
            }
            NodeList<StatementNode> orelse = NodeList<StatementNode>.Empty;
            if (At(TokenKind.Elif))
            {
                var elif = IfStatement(TokenKind.Elif);
                if (elif is null)
                {
                    _p = start;
                    return null;
                }
                orelse = NodeList.Of<StatementNode>(elif);
            }
            else if (At(TokenKind.Else))
            {
                var e = ElseBlock();
                if (e is null)
                {
                    _p = start;
                    return null;
                }
                orelse = e.Value;
            }
            return new If(test, body.Value, orelse, Span(start));
        }

        /// <summary>else_block: 'else' &amp;&amp;':' block</summary>
        private NodeList<StatementNode>? ElseBlock()
        {
            int start = _p;
            _p++;
            ExpectForced(TokenKind.Colon);
            var b = Block("'else' statement", start);
            if (b is null)
            {
                _p = start;
                return null;
            }
            if (_invalidRules && At(TokenKind.Elif)) throw ErrorAtLastToken("'elif' block follows an 'else' block");
            return b;
        }

        private StatementNode? WhileStatement()
        {
            int start = _p;
            _p++;
            var test = NamedExpression();
            if (test is null)
            {
                _p = start;
                return null;
            }
            if (!At(TokenKind.Colon))
            {
                if (_invalidRules && At(TokenKind.Newline)) throw ErrorAtLastToken("expected ':'");
                _p = start;
                return null;
            }
            _p++;
            var body = Block("'while' statement", start);
            if (body is null)
            {
                _p = start;
                return null;
            }
            NodeList<StatementNode> orelse = NodeList<StatementNode>.Empty;
            if (At(TokenKind.Else))
            {
                var e = ElseBlock();
                if (e is null)
                {
                    _p = start;
                    return null;
                }
                orelse = e.Value;
            }
            return new While(test, body.Value, orelse, Span(start));
        }

        private StatementNode? ForStatement()
        {
            int start = _p;
            bool isAsync = Accept(TokenKind.Async);
            int forToken = _p;
            _p++;
            var target = StarTargets();
            if (target is null || !At(TokenKind.In))
            {
                if (_invalidRules) InvalidForTarget(forToken);
                _p = start;
                return null;
            }
            _p++;
            // Cut (~): from here the statement is a for loop or an error.
            var iter = StarExpressions();
            if (iter is null)
            {
                _p = start;
                return null;
            }
            if (!At(TokenKind.Colon))
            {
                if (_invalidRules && At(TokenKind.Newline)) throw ErrorAtLastToken("expected ':'");
                _p = start;
                return null;
            }
            _p++;
            var body = Block("'for' statement", forToken);
            if (body is null)
            {
                _p = start;
                return null;
            }
            NodeList<StatementNode> orelse = NodeList<StatementNode>.Empty;
            if (At(TokenKind.Else))
            {
                var e = ElseBlock();
                if (e is null)
                {
                    _p = start;
                    return null;
                }
                orelse = e.Value;
            }
            return isAsync
                ? new AsyncFor(target, iter, body.Value, orelse, null, Span(start))
                : new For(target, iter, body.Value, orelse, null, Span(start));
        }

        // ------------------------------------------------------------------ with

        private StatementNode? WithStatement()
        {
            int start = _p;
            bool isAsync = Accept(TokenKind.Async);
            int withToken = _p;
            _p++;
            NodeList<WithItem>? items = null;
            if (At(TokenKind.LeftParen))
            {
                // 'with' '(' ','.with_item+ ','? ')' ':'
                int paren = _p;
                _p++;
                var list = WithItems(parenthesized: true);
                if (list is not null)
                {
                    Accept(TokenKind.Comma);
                    if (Accept(TokenKind.RightParen) && At(TokenKind.Colon)) items = list;
                }
                if (items is null) _p = paren;
            }
            if (items is null)
            {
                items = WithItems(parenthesized: false);
                if (items is null)
                {
                    if (_invalidRules) InvalidWithStatement(withToken);
                    _p = start;
                    return null;
                }
            }
            if (!At(TokenKind.Colon))
            {
                if (_invalidRules) InvalidWithStatement(withToken);
                _p = start;
                return null;
            }
            _p++;
            var body = Block("'with' statement", withToken);
            if (body is null)
            {
                _p = start;
                return null;
            }
            return isAsync
                ? new AsyncWith(items.Value, body.Value, null, Span(start))
                : new With(items.Value, body.Value, null, Span(start));
        }

        private NodeList<WithItem>? WithItems(bool parenthesized)
        {
            var first = WithItemRule();
            if (first is null) return null;
            var list = new List<WithItem> { first };
            while (At(TokenKind.Comma))
            {
                int comma = _p;
                _p++;
                var next = WithItemRule();
                if (next is null)
                {
                    _p = comma;
                    break;
                }
                list.Add(next);
            }
            _ = parenthesized;
            return new NodeList<WithItem>(list.ToArray());
        }

        /// <summary>
        /// invalid_with_stmt: 'with' ','.(expression ['as' star_target])+ NEWLINE and the parenthesised
        /// form → "expected ':'".
        /// </summary>
        private void InvalidWithStatement(int withToken)
        {
            int save = _p;
            _p = withToken + 1;
            if (RelaxedWithItems(parenthesized: false) && At(TokenKind.Newline)) throw ErrorAtLastToken("expected ':'");
            _p = withToken + 1;
            if (Accept(TokenKind.LeftParen) && RelaxedWithItems(parenthesized: true))
            {
                Accept(TokenKind.Comma);
                if (Accept(TokenKind.RightParen) && At(TokenKind.Newline)) throw ErrorAtLastToken("expected ':'");
            }
            _p = save;
        }

        private bool RelaxedWithItems(bool parenthesized)
        {
            int count = 0;
            while (true)
            {
                int itemStart = _p;
                var e = parenthesized ? Expressions() : Expression();
                if (e is null)
                {
                    _p = itemStart;
                    return count > 0;
                }
                if (At(TokenKind.As))
                {
                    int asToken = _p;
                    _p++;
                    if (StarTarget() is null) _p = asToken;
                }
                count++;
                if (!At(TokenKind.Comma)) return true;
                int comma = _p;
                _p++;
                if (parenthesized && At(TokenKind.RightParen))
                {
                    _p = comma;
                    return true;
                }
            }
        }

        /// <summary>with_item: expression 'as' star_target &amp;(',' | ')' | ':') | expression</summary>
        private WithItem? WithItemRule()
        {
            int start = _p;
            var e = Expression();
            if (e is null) return null;
            if (At(TokenKind.As))
            {
                int asToken = _p;
                _p++;
                var target = StarTarget();
                if (target is not null && (At(TokenKind.Comma) || At(TokenKind.RightParen) || At(TokenKind.Colon)))
                    return new WithItem(e, target, SourceSpan.None);
                if (_invalidRules)
                {
                    _p = asToken + 1;
                    var bad = Expression();
                    if (bad is not null && (At(TokenKind.Comma) || At(TokenKind.RightParen) || At(TokenKind.Colon)))
                        RaiseInvalidTarget(bad, TargetsType.Star);
                }
                _p = asToken;
            }
            _ = start;
            return new WithItem(e, null, SourceSpan.None);
        }

        // ------------------------------------------------------------------ try

        private StatementNode? TryStatement()
        {
            int start = _p;
            _p++;
            ExpectForced(TokenKind.Colon);
            var body = Block("'try' statement", start);
            if (body is null)
            {
                _p = start;
                return null;
            }
            var handlers = new List<ExceptHandlerNode>();
            bool star = false;
            while (At(TokenKind.Except))
            {
                bool thisStar = Kind(1) == TokenKind.Star;
                if (handlers.Count == 0) star = thisStar;
                else if (thisStar != star)
                {
                    if (_invalidRules) InvalidMixedExcept(star);
                    break;
                }
                var h = ExceptBlock(thisStar);
                if (h is null)
                {
                    _p = start;
                    return null;
                }
                handlers.Add(h);
            }
            NodeList<StatementNode> orelse = NodeList<StatementNode>.Empty;
            NodeList<StatementNode> finalbody = NodeList<StatementNode>.Empty;
            if (handlers.Count > 0 && At(TokenKind.Else))
            {
                var e = ElseBlock();
                if (e is null)
                {
                    _p = start;
                    return null;
                }
                orelse = e.Value;
            }
            if (At(TokenKind.Finally))
            {
                int fin = _p;
                _p++;
                ExpectForced(TokenKind.Colon);
                var f = Block("'finally' statement", fin);
                if (f is null)
                {
                    _p = start;
                    return null;
                }
                finalbody = f.Value;
            }
            else if (handlers.Count == 0)
            {
                if (_invalidRules) throw ErrorAtLastToken("expected 'except' or 'finally' block");
                _p = start;
                return null;
            }
            var hs = new NodeList<ExceptHandlerNode>(handlers.ToArray());
            return star
                ? new TryStar(body.Value, hs, orelse, finalbody, Span(start))
                : new Try(body.Value, hs, orelse, finalbody, Span(start));
        }

        /// <summary>
        /// invalid_try_stmt's mixed alternatives, then invalid_except_stmt on the handler that broke the run
        /// (as the except_block+ loop would try it).
        /// </summary>
        private void InvalidMixedExcept(bool firstWasStar)
        {
            int a = _p;
            _p++;
            if (!firstWasStar)
            {
                // except_block+ a='except' b='*' expression ['as' NAME] ':'
                _p++;
                if (Expression() is not null)
                {
                    if (At(TokenKind.As) && Kind(1) == TokenKind.Name) _p += 2;
                    if (At(TokenKind.Colon)) throw ErrorRange(TokenSpan(a), TokenSpan(a + 1), "cannot have both 'except' and 'except*' on the same 'try'");
                }
            }
            else
            {
                // except_star_block+ a='except' [expression ['as' NAME]] ':'
                if (Expression() is not null && At(TokenKind.As) && Kind(1) == TokenKind.Name) _p += 2;
                if (At(TokenKind.Colon)) throw ErrorAtToken(a, "cannot have both 'except' and 'except*' on the same 'try'");
            }
            _p = a;
            // invalid_except_stmt: a='except' '*' (NEWLINE | ':')
            if (Kind(1) == TokenKind.Star && (Kind(2) == TokenKind.Newline || Kind(2) == TokenKind.Colon))
            {
                _p = a + 3;
                throw ErrorAtLastToken("expected one or more exception types");
            }
        }

        private ExceptHandlerNode? ExceptBlock(bool star)
        {
            int start = _p;
            _p++;
            if (star) _p++;
            ExpressionNode? type = null;
            string? name = null;
            if (!At(TokenKind.Colon))
            {
                type = Expression();
                if (type is null)
                {
                    if (_invalidRules && star && (At(TokenKind.Newline) || At(TokenKind.Colon)))
                        throw ErrorAtLastToken("expected one or more exception types");
                    if (_invalidRules && !star && At(TokenKind.Newline)) throw ErrorAtLastToken("expected ':'");
                    _p = start;
                    return null;
                }
                if (At(TokenKind.As))
                {
                    if (Kind(1) != TokenKind.Name)
                    {
                        if (_invalidRules) InvalidExceptAsTarget(star);
                        _p = start;
                        return null;
                    }
                    _p++;
                    name = Tok().Text;
                    _p++;
                }
            }
            else if (star)
            {
                if (_invalidRules) throw ErrorAtLastToken("expected one or more exception types");
                _p = start;
                return null;
            }
            if (!At(TokenKind.Colon))
            {
                if (_invalidRules) InvalidExceptTail(type, star);
                _p = start;
                return null;
            }
            _p++;
            var body = Block(star ? "'except*' statement" : "'except' statement", start);
            if (body is null)
            {
                _p = start;
                return null;
            }
            return new ExceptHandler(type, name, body.Value, Span(start));
        }

        private void InvalidExceptTail(ExpressionNode? type, bool star)
        {
            if (type is not null && At(TokenKind.Comma))
            {
                // 'except' a=expression ',' expressions ['as' NAME ] ':'
                int save = _p;
                _p++;
                if (Expressions() is not null)
                {
                    if (At(TokenKind.As) && Kind(1) == TokenKind.Name) _p += 2;
                    if (At(TokenKind.Colon)) throw ErrorFrom(type.Span, "multiple exception types must be parenthesized");
                }
                _p = save;
            }
            if (At(TokenKind.Newline)) throw ErrorAtLastToken("expected ':'");
            _ = star;
        }

        private void InvalidExceptAsTarget(bool star)
        {
            int save = _p;
            _p++;
            var e = Expression();
            if (e is not null && At(TokenKind.Colon))
                throw ErrorAt(e, "cannot use except" + (star ? "*" : "") + " statement with " + ExprName(e));
            _p = save;
        }

        // ------------------------------------------------------------------ match

        private StatementNode? MatchStatement()
        {
            int start = _p;
            _p++;
            var subject = SubjectExpression();
            if (subject is null)
            {
                _p = start;
                return null;
            }
            if (!At(TokenKind.Colon))
            {
                if (_invalidRules && At(TokenKind.Newline)) throw ErrorAtLastToken("expected ':'");
                _p = start;
                return null;
            }
            _p++;
            if (!At(TokenKind.Newline) || Kind(1) != TokenKind.Indent)
            {
                if (_invalidRules && At(TokenKind.Newline))
                    throw ErrorAtLastToken("expected an indented block after 'match' statement on line " + _t[start].Line.ToString(CultureInfo.InvariantCulture),
                        DiagnosticCodes.Indentation, "IndentationError");
                _p = start;
                return null;
            }
            _p += 2;
            var cases = new List<MatchCase>();
            while (AtSoftKeyword("case"))
            {
                var c = CaseBlock();
                if (c is null) break;
                cases.Add(c);
            }
            if (cases.Count == 0 || !Accept(TokenKind.Dedent))
            {
                _p = start;
                return null;
            }
            return new Match(subject, new NodeList<MatchCase>(cases.ToArray()), Span(start));
        }

        /// <summary>subject_expr: star_named_expression ',' star_named_expressions? | named_expression</summary>
        private ExpressionNode? SubjectExpression()
        {
            int start = _p;
            var first = StarNamedExpression();
            if (first is null) return null;
            if (!At(TokenKind.Comma))
            {
                if (first is Starred)
                {
                    _p = start;
                    return null;
                }
                return first;
            }
            var items = new List<ExpressionNode> { first };
            while (At(TokenKind.Comma))
            {
                _p++;
                int save = _p;
                var next = StarNamedExpression();
                if (next is null)
                {
                    _p = save;
                    break;
                }
                items.Add(next);
            }
            return new Tuple(new NodeList<ExpressionNode>(items.ToArray()), ExprContext.Load, Span(start));
        }

        private MatchCase? CaseBlock()
        {
            int start = _p;
            _p++;
            var pattern = Patterns();
            if (pattern is null)
            {
                _p = start;
                return null;
            }
            ExpressionNode? guard = null;
            if (At(TokenKind.If))
            {
                int ifToken = _p;
                _p++;
                guard = NamedExpression();
                if (guard is null)
                {
                    _p = ifToken;
                    _p = start;
                    return null;
                }
            }
            if (!At(TokenKind.Colon))
            {
                if (_invalidRules && At(TokenKind.Newline)) throw ErrorAtLastToken("expected ':'");
                _p = start;
                return null;
            }
            _p++;
            var body = Block("'case' statement", start);
            if (body is null)
            {
                _p = start;
                return null;
            }
            return new MatchCase(pattern, guard, body.Value, SourceSpan.None);
        }

        private void InvalidCaseOutsideMatch()
        {
            // "case" patterns guard? ':' block → case statement must be inside match statement
            int start = _p;
            _p++;
            var pattern = Patterns();
            if (pattern is not null)
            {
                if (At(TokenKind.If))
                {
                    _p++;
                    if (NamedExpression() is null)
                    {
                        _p = start;
                        return;
                    }
                }
                if (At(TokenKind.Colon))
                {
                    int colon = _p;
                    _p++;
                    if (Block(null, start) is not null)
                        throw ErrorRange(TokenSpan(start), TokenSpan(colon), "case statement must be inside match statement");
                }
            }
            _p = start;
        }
    }
}
